import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { locateOwnAsset } from './assets.js';
import { stripPossessive } from './words.js';

/** Parses a word list: one word per line, `#` starts a comment, blank lines ignored. */
export function parseWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0);
}

/** The library vocabulary shipped with Content Gate (`src/lexicons/library-words.txt`). */
export function libraryWords(): string[] {
  const url = locateOwnAsset('library-words.txt', '../lexicons/library-words.txt');
  return parseWordList(readFileSync(url, 'utf8'));
}

let twoWords: ReadonlySet<string> | undefined;

/** Two words commonly written as one (`src/language/two-words.txt`): never accepted as compounds. */
export function twoWordErrors(): ReadonlySet<string> {
  twoWords ??= new Set(
    parseWordList(readFileSync(locateOwnAsset('two-words.txt', './two-words.txt'), 'utf8')).map((w) =>
      w.toLowerCase(),
    ),
  );
  return twoWords;
}

/** Words never offered as corrections (`src/language/never-suggest.txt`). */
export function neverSuggestWords(): string[] {
  const url = locateOwnAsset('never-suggest.txt', './never-suggest.txt');
  return parseWordList(readFileSync(url, 'utf8')).map((w) => w.toLowerCase());
}

/**
 * Words the spelling check accepts on top of the dictionary. A lowercase entry matches any
 * capitalization; an entry with capitals (a name or brand) matches as written or in capitals.
 * Possessives and plain plurals of an entry are accepted too.
 */
export class Vocabulary {
  private readonly anyCase = new Set<string>();
  private readonly exact = new Set<string>();

  constructor(words: Iterable<string> = []) {
    this.add(words);
  }

  add(words: Iterable<string>): void {
    for (const raw of words) {
      const word = raw.trim();
      if (!word) continue;
      if (word === word.toLowerCase()) this.anyCase.add(word);
      else {
        this.exact.add(word);
        this.exact.add(word.toUpperCase());
      }
    }
  }

  /** A copy with more words, for one post's front-matter `words`. */
  with(words: readonly string[]): Vocabulary {
    if (words.length === 0) return this;
    const copy = new Vocabulary();
    for (const w of this.anyCase) copy.anyCase.add(w);
    for (const w of this.exact) copy.exact.add(w);
    copy.add(words);
    return copy;
  }

  has(word: string): boolean {
    const base = stripPossessive(word);
    for (const form of [base, base.replace(/e?s$/, ''), base.replace(/s$/, '')]) {
      if (!form) continue;
      if (this.exact.has(form) || this.anyCase.has(form.toLowerCase())) return true;
    }
    return false;
  }
}

/** The run's vocabulary: the library list, config `words` and the files of `wordsFiles`. */
export function projectVocabulary(
  config: { words: readonly string[]; wordsFiles: readonly string[]; baseDir: string },
  warn: (message: string) => void,
): Vocabulary {
  const vocabulary = new Vocabulary(libraryWords());
  vocabulary.add(config.words);
  for (const file of config.wordsFiles) {
    try {
      vocabulary.add(parseWordList(readFileSync(resolve(config.baseDir, file), 'utf8')));
    } catch {
      warn(`The words file "${file}" named in wordsFiles could not be read, so its words are not accepted.`);
    }
  }
  return vocabulary;
}

/** A post's own extra words: front matter `words: [..]` (or a comma-separated string). */
export function frontMatterWords(data: Record<string, unknown>): string[] {
  const value = data.words;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[,\s]+/);
  return [];
}
