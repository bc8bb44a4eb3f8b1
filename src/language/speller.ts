import type { LanguageEngine } from './harper.js';
import { CandidateIndex, isClearCorrection, loadFrequencies, matchCase, rankSuggestions } from './suggest.js';

export interface Correction {
  /** Up to three corrections, best first, in the misspelling's case. */
  suggestions: string[];
  /** True when the first is the one clear correction. */
  clear: boolean;
}

const MAX_SUGGESTIONS = 3;

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
    const nearby = index.near(word);
    // The frequency list comes from film subtitles, typos and all: keep only dictionary words.
    const unknown = nearby.length > 0 ? await (await this.engine).unknownWords(nearby) : new Set<string>();
    const candidates = [...engineSuggestions, ...nearby.filter((w) => !unknown.has(w))];
    const ranked = rankSuggestions(word, candidates, index.frequencies, engineSuggestions);
    const clear = isClearCorrection(ranked);
    const top = ranked.slice(0, clear ? 1 : MAX_SUGGESTIONS).map((r) => matchCase(word, r.word));
    return { suggestions: top, clear: clear && top.length === 1 };
  }
}
