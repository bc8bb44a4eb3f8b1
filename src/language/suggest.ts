import { readFileSync } from 'node:fs';
import { distance } from 'fastest-levenshtein';
import { ownDataFile } from './dictionary.js';

/**
 * Ranks corrections for a misspelled word. Spell checkers list candidates by edit distance
 * alone and put the right word first only about two times in three; weighing how common each
 * candidate is, and how likely the slip is (a neighbouring key, a doubled or dropped letter, two
 * swapped letters, a vowel for a vowel), puts it first far more often.
 */

/** How common words are: lowercase word to its count in a large sample of everyday English. */
export type Frequencies = ReadonlyMap<string, number>;

let loadedFrequencies: Frequencies | undefined;

/** Reads the SUBTLEX word counts (compiled by scripts/dictionary.mjs beside the bundle), once. */
export function loadFrequencies(): Frequencies {
  loadedFrequencies ??= readFrequencies();
  return loadedFrequencies;
}

function readFrequencies(): Frequencies {
  const text = readFileSync(ownDataFile('word-frequencies.txt'), 'utf8');
  const map = new Map<string, number>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) map.set(text.slice(start, space), Number(text.slice(space + 1, end)));
    start = end + 1;
  }
  return map;
}

/**
 * Candidate words by length and first letter, so a search only looks at words of about the right
 * size that start alike. Misspellings rarely change the first letter; the dictionary's own
 * suggestions still cover those that do.
 */
export class CandidateIndex {
  private readonly buckets = new Map<string, string[]>();

  constructor(readonly frequencies: Frequencies) {
    for (const word of frequencies.keys()) {
      for (const key of new Set([`${word.length}:${word[0]}`, `${word.length}:${word[1] ?? ''}`])) {
        const list = this.buckets.get(key) ?? [];
        list.push(word);
        this.buckets.set(key, list);
      }
    }
  }

  /** Common words within two edits (one for short words) of the misspelling. */
  near(misspelled: string): string[] {
    const word = misspelled.toLowerCase();
    const reach = word.length <= 4 ? 1 : 2;
    const out = new Set<string>();
    for (let length = word.length - reach; length <= word.length + reach; length++) {
      // Same first letter, or the typed first letter is the word's second (a dropped first letter).
      for (const key of [`${length}:${word[0]}`, `${length}:${word[1] ?? ''}`]) {
        for (const candidate of this.buckets.get(key) ?? []) {
          if (!out.has(candidate) && distance(word, candidate) <= reach) out.add(candidate);
        }
      }
    }
    return [...out];
  }
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_POSITION = new Map<string, [number, number]>();
KEYBOARD_ROWS.forEach((row, r) => {
  for (let c = 0; c < row.length; c++) KEY_POSITION.set(row[c] as string, [r, c + r * 0.5]);
});

export function adjacentKeys(a: string, b: string): boolean {
  const p = KEY_POSITION.get(a);
  const q = KEY_POSITION.get(b);
  if (!p || !q) return false;
  return Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.6;
  if (adjacentKeys(a, b)) return 0.7;
  if (soundAlike(a, b)) return 0.7;
  return 1;
}

const SOUND_GROUPS = ['cks', 'sz', 'gj', 'fv', 'mn', 'td', 'bp'];
function soundAlike(a: string, b: string): boolean {
  return SOUND_GROUPS.some((g) => g.includes(a) && g.includes(b));
}

/** Inserting or dropping a letter next to the same letter (occured, tommorrow) is a cheap slip. */
function indelCost(word: string, i: number): number {
  const ch = word[i];
  if (ch !== undefined && (word[i - 1] === ch || word[i + 1] === ch)) return 0.4;
  if (ch !== undefined && VOWELS.has(ch)) return 0.8;
  return 1;
}

/** Edit distance with costs that follow how people actually mistype and misspell. */
export function slipDistance(typed: string, intended: string): number {
  const a = typed;
  const b = intended;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const first = d[0] as number[];
  for (let i = 1; i < rows; i++)
    (d[i] as number[])[0] = ((d[i - 1] as number[])[0] as number) + indelCost(a, i - 1);
  for (let j = 1; j < cols; j++) first[j] = (first[j - 1] as number) + indelCost(b, j - 1);
  for (let i = 1; i < rows; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j < cols; j++) {
      const ai = a[i - 1] as string;
      const bj = b[j - 1] as string;
      let best = Math.min(
        (prev[j] as number) + indelCost(a, i - 1),
        (row[j - 1] as number) + indelCost(b, j - 1),
        (prev[j - 1] as number) + substitutionCost(ai, bj),
      );
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 0.6);
      }
      row[j] = best;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

export interface RankedSuggestion {
  word: string;
  score: number;
}

/** How much one step of word frequency (a factor of ten) is worth against one edit. */
const FREQUENCY_WEIGHT = 0.35;
/** Typists slip inside a word far more often than at its last letter (displayd: displayed, not displays). */
const SAME_ENDING_BONUS = 0.25;
/** The engine's own candidates get a small bonus: they passed its dictionary. */
const ENGINE_BONUS = 0.15;

/** Ranks candidate corrections, best first; lower scores are better. */
export function rankSuggestions(
  misspelled: string,
  candidates: Iterable<string>,
  frequencies: Frequencies,
  engineSuggestions: readonly string[] = [],
): RankedSuggestion[] {
  const typed = misspelled.toLowerCase();
  const fromEngine = new Set(engineSuggestions.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  const ranked: RankedSuggestion[] = [];
  for (const candidate of candidates) {
    const word = candidate.toLowerCase();
    if (seen.has(word) || word === typed || /\s/.test(word)) continue;
    seen.add(word);
    const count = frequencies.get(word) ?? 0;
    const score =
      slipDistance(typed, word) -
      FREQUENCY_WEIGHT * Math.log10(count + 1) -
      (fromEngine.has(word) ? ENGINE_BONUS : 0) -
      (word.at(-1) === typed.at(-1) ? SAME_ENDING_BONUS : 0);
    ranked.push({ word: candidate, score });
  }
  return ranked.sort((x, y) => x.score - y.score || x.word.localeCompare(y.word));
}

/** Writes a suggestion in the misspelling's case: Capitalized, UPPER or as the dictionary has it. */
export function matchCase(misspelled: string, suggestion: string): string {
  if (misspelled.length > 1 && misspelled === misspelled.toUpperCase()) return suggestion.toUpperCase();
  const first = misspelled[0] as string;
  if (first !== first.toLowerCase() && suggestion[0] === suggestion[0]?.toLowerCase()) {
    return suggestion[0]?.toUpperCase() + suggestion.slice(1);
  }
  return suggestion;
}

/** The best correction is clear when it leads the next by this much (about one edit). */
const CLEAR_LEAD = 0.9;

/** Whether the first suggestion is the one clear correction, safe to apply without reading. */
export function isClearCorrection(ranked: readonly RankedSuggestion[]): boolean {
  const [first, second] = ranked;
  if (!first) return false;
  return !second || second.score - first.score >= CLEAR_LEAD;
}
