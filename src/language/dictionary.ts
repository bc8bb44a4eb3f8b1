import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { EnglishDialect } from '../core/types.js';

export const DICTIONARY_FILE = 'dictionary.txt.gz';

/** A dictionary file that is missing or damaged: a setup error that names the file. */
export class DictionaryError extends Error {}

/**
 * The compiled word lists (see scripts/dictionary.mjs): beside the bundle in dist/, or, run from
 * source, the copy in the repository's dist/ (kept current by the build and CI).
 */
export function dictionaryPath(): string {
  return ownDataFile(DICTIONARY_FILE);
}

/** A data file the build compiles into dist/: beside the bundle, or from source the repository's copy. */
export function ownDataFile(name: string): string {
  const beside = new URL(name, import.meta.url);
  const fromSource = import.meta.url.endsWith('.ts');
  if (existsSync(beside) || !fromSource) return fileURLToPath(beside);
  return fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
}

/** The words one dialect accepts, from the file's `all` section and the dialect's own. */
export function parseDictionary(text: string, dialect: EnglishDialect): Set<string> {
  const words = new Set<string>();
  let take = false;
  let sections = 0;
  // Line by line without splitting: the other dialects' sections are skipped, never copied.
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(start);
    if (first === 64 /* @ */) {
      const name = text.slice(start + 1, end);
      take = name === 'all' || name === dialect;
      if (take) sections++;
    } else if (take && first !== 35 /* # */ && end > start) words.add(text.slice(start, end));
    start = end + 1;
  }
  if (sections < 2) throw new DictionaryError(`it has no "all" and "${dialect}" sections`);
  return words;
}

/** Words as English writes them: lowercase entries match in any case, names with a capital or in capitals. */
export class Dictionary {
  constructor(private readonly words: ReadonlySet<string>) {}

  get size(): number {
    return this.words.size;
  }

  /** Whether the word (straight apostrophes, no surrounding punctuation) is a dictionary word. */
  knows(word: string): boolean {
    if (this.words.has(word)) return true;
    const lower = word.toLowerCase();
    if (lower !== word && this.words.has(lower)) return true;
    // SEUSS, O'BRIEN: a name written in capitals.
    if (word.length > 1 && word === word.toUpperCase()) {
      const capitalized = word[0] + lower.slice(1);
      if (this.words.has(capitalized)) return true;
    }
    const bare = withoutPossessive(word);
    return bare !== word && bare.length > 0 && this.knows(bare);
  }

  /** Whether the dictionary lists the word in lowercase: an everyday word, not only a name. */
  knowsLowercase(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }
}

function withoutPossessive(word: string): string {
  if (/'s$/i.test(word)) return word.slice(0, -2);
  if (word.endsWith("'")) return word.slice(0, -1);
  return word;
}

const loaded = new Map<EnglishDialect, Dictionary>();

/** The dictionary of a dialect, read on first use and kept for the rest of the process. */
export function dictionaryFor(dialect: EnglishDialect, path = dictionaryPath()): Dictionary {
  const known = loaded.get(dialect);
  if (known && path === dictionaryPath()) return known;
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DictionaryError(
      `The spelling dictionary ${path} could not be read (${reason}). Reinstall Content Gate or rebuild it with "npm run build".`,
    );
  }
  let dictionary: Dictionary;
  try {
    dictionary = new Dictionary(parseDictionary(text, dialect));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DictionaryError(
      `The spelling dictionary ${path} is damaged (${reason}). Reinstall Content Gate or rebuild it with "npm run build".`,
    );
  }
  if (path === dictionaryPath()) loaded.set(dialect, dictionary);
  return dictionary;
}
