import type { LanguageEngine } from './harper.js';
import { CandidateIndex, isClearCorrection, loadFrequencies, matchCase, rankSuggestions } from './suggest.js';

export interface Correction {
  /** Up to three corrections, best first, in the misspelling's case. */
  suggestions: string[];
  /** True when the first is the one clear correction. */
  clear: boolean;
}

const MAX_SUGGESTIONS = 3;

/** Words seen this often in the frequency sample are real words; rarer ones are checked. */
const COMMON_COUNT = 200;

/** Corrections for unknown words: harper's candidates and common words nearby, ranked. */
export class Speller {
  private readonly cache = new Map<string, Promise<Correction>>();

  private index: CandidateIndex | undefined;

  constructor(private readonly engine: Promise<LanguageEngine>) {}

  /** The word list loads on the first unknown word: a clean run never pays for it. */
  private candidates(): CandidateIndex {
    this.index ??= new CandidateIndex(loadFrequencies());
    return this.index;
  }

  correct(word: string, engineSuggestions: readonly string[]): Promise<Correction> {
    const key = `${word}\0${engineSuggestions.join('\0')}`;
    let result = this.cache.get(key);
    if (!result) {
      result = this.compute(word, engineSuggestions);
      this.cache.set(key, result);
    }
    return result;
  }

  private async compute(word: string, engineSuggestions: readonly string[]): Promise<Correction> {
    const index = this.candidates();
    const ranked = rankSuggestions(
      word,
      [...engineSuggestions, ...index.near(word)],
      index.frequencies,
      engineSuggestions,
    );
    // The frequency list comes from film subtitles, typos and all: the leading candidates that
    // are rare there and not the dictionary's own must be confirmed by the dictionary.
    const engineOwn = new Set(engineSuggestions.map((s) => s.toLowerCase()));
    const leading = ranked.slice(0, MAX_SUGGESTIONS + 2);
    const doubtful = leading
      .map((r) => r.word)
      .filter((w) => !engineOwn.has(w.toLowerCase()) && (index.frequencies.get(w) ?? 0) < COMMON_COUNT);
    const unknown =
      doubtful.length > 0 ? await (await this.engine).unknownWords(doubtful) : new Set<string>();
    const confirmed = ranked.filter((r) => !unknown.has(r.word));
    const clear = isClearCorrection(confirmed);
    const top = confirmed.slice(0, clear ? 1 : MAX_SUGGESTIONS).map((r) => matchCase(word, r.word));
    return { suggestions: top, clear: clear && top.length === 1 };
  }
}
