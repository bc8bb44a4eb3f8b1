import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { EXTRA_SLURS } from '../lexicons/discrimination.js';
import type { Dictionary } from './dictionary.js';
import {
  adjacentKeys,
  CandidateIndex,
  isClearCorrection,
  loadFrequencies,
  matchCase,
  rankSuggestions,
} from './suggest.js';
import { neverSuggestWords } from './vocabulary.js';

export interface Correction {
  /** Up to three corrections, best first, in the misspelling's case. */
  suggestions: string[];
  /** True when the first is the one clear correction. */
  clear: boolean;
}

const MAX_SUGGESTIONS = 3;

/**
 * A capitalized unknown word one slip away from a word this common (in the frequency sample of
 * about 51 million words) is more likely a typo than a name: "Libary", "Digitial".
 */
const COMMON_WORD_COUNT = 200;
/** Shorter words are one edit from too many common words to tell a slip from a name (Chen, Saxe). */
const MIN_SLIP_LENGTH = 5;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit (delete, swap, replace, insert) from a lowercase word. */
export function editsOf(word: string): Set<string> {
  return singleEdits(word, 0, () => true);
}

/**
 * The strings a typist who meant them could have slipped into `word`: one letter too many or too
 * few, two letters swapped, or a neighbouring key; never at the first letter.
 */
export function slipsOf(word: string): Set<string> {
  return singleEdits(word, 1, adjacentKeys);
}

/** One edit from position `from` on; a letter is replaced only by one `replaces(new, old)` allows. */
function singleEdits(word: string, from: number, replaces: (c: string, old: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (let i = from; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail && replaces(c, tail[0] as string)) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return out;
}

/** Corrections for unknown words: dictionary words one edit away and common words nearby, ranked. */
export class Speller {
  private readonly cache = new Map<string, Correction>();
  private readonly slips = new Map<string, boolean>();
  private index: CandidateIndex | undefined;
  private unsuggestable: ((word: string) => boolean) | undefined;

  constructor(private readonly dictionary: Dictionary) {}

  /** The frequency list loads on the first unknown word: a clean run never pays for it. */
  private candidates(): CandidateIndex {
    this.index ??= new CandidateIndex(loadFrequencies());
    return this.index;
  }

  /** Whether a capitalized unknown word looks like a slip of a common word rather than a name. */
  looksLikeSlip(word: string): boolean {
    let slip = this.slips.get(word);
    if (slip === undefined) {
      slip = this.isSlip(word);
      this.slips.set(word, slip);
    }
    return slip;
  }

  private isSlip(word: string): boolean {
    const lower = word.toLowerCase();
    if (lower.length < MIN_SLIP_LENGTH) return false;
    const { frequencies } = this.candidates();
    for (const edit of slipsOf(lower)) {
      if ((frequencies.get(edit) ?? 0) >= COMMON_WORD_COUNT && this.dictionary.knowsLowercase(edit))
        return true;
    }
    return false;
  }

  correct(word: string): Correction {
    let result = this.cache.get(word);
    if (!result) {
      result = this.compute(word);
      this.cache.set(word, result);
    }
    return result;
  }

  private compute(word: string): Correction {
    const index = this.candidates();
    const lower = word.toLowerCase();
    const capitalized = word[0] !== lower[0];
    const candidates: string[] = index.near(word).filter((w) => this.dictionary.knowsLowercase(w));
    for (const edit of editsOf(lower)) {
      if (this.dictionary.knowsLowercase(edit)) candidates.push(edit);
      else if (capitalized) {
        // A name one slip away: Suess for Seuss.
        const name = edit[0]?.toUpperCase() + edit.slice(1);
        if (this.dictionary.knows(name) && name !== edit) candidates.push(name);
      }
    }
    this.unsuggestable ??= unsuggestableTest();
    const allowed = candidates.filter((w) => !this.unsuggestable?.(w));
    const ranked = rankSuggestions(word, allowed, index.frequencies);
    const clear = isClearCorrection(ranked);
    const top = ranked.slice(0, clear ? 1 : MAX_SUGGESTIONS).map((r) => matchCase(word, r.word));
    return { suggestions: top, clear: clear && top.length === 1 };
  }
}

/**
 * Words never offered as a correction: what the obscenity word list matches, the slurs the
 * discrimination rule knows, and vulgar words that are also dictionary words (never-suggest.txt).
 */
function unsuggestableTest(): (word: string) => boolean {
  const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  const listed = new Set([...neverSuggestWords(), ...EXTRA_SLURS.map((s) => s.word)]);
  return (word) => {
    const lower = word.toLowerCase();
    return listed.has(lower) || listed.has(lower.replace(/s$/, '')) || matcher.hasMatch(lower);
  };
}
