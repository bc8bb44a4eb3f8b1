import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../src/language/dictionary.js';
import { frontMatterWords, libraryWords, parseWordList, Vocabulary } from '../../src/language/vocabulary.js';

describe('library vocabulary', { timeout: 120_000 }, () => {
  it('accepts library terms from the vocabulary or the dictionary', () => {
    const words = new Vocabulary(libraryWords());
    const dictionary = dictionaryFor('en-US');
    for (const w of ['makerspace', 'storytime', 'OPAC', 'Kanopy', 'Beanstack', 'Cricut']) {
      expect(words.has(w)).toBe(true);
    }
    for (const w of ['interlibrary', 'ILS', 'ebooks', 'deaccessioned'])
      expect(dictionary.knows(w)).toBe(true);
  });

  it('holds only words the base dictionary lacks', () => {
    const dictionary = dictionaryFor('en-US');
    // Hyphenated entries are checked whole and part by part: one unknown part is enough.
    const known = libraryWords().filter(
      (w) => dictionary.knows(w) || w.split('-').every((part) => dictionary.knows(part)),
    );
    expect(known).toEqual([]);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary(['storytime', 'OverDrive', 'Wi-Fi']);

  it('matches lowercase entries in any case, names as written or in capitals', () => {
    expect(vocabulary.has('storytime')).toBe(true);
    expect(vocabulary.has('Storytime')).toBe(true);
    expect(vocabulary.has('OverDrive')).toBe(true);
    expect(vocabulary.has('OVERDRIVE')).toBe(true);
    expect(vocabulary.has('Overdrive')).toBe(false);
    expect(vocabulary.has('storytimes')).toBe(true);
    expect(vocabulary.has("OverDrive's")).toBe(true);
    expect(vocabulary.has('storytimer')).toBe(false);
  });

  it('adds a post’s words without changing the site’s', () => {
    const post = vocabulary.with(['Okonkwo']);
    expect(post.has('Okonkwo')).toBe(true);
    expect(vocabulary.has('Okonkwo')).toBe(false);
  });

  it('reads word lists and front matter', () => {
    expect(parseWordList('# names\nOkonkwo\n\n  zine  # a comment\n')).toEqual(['Okonkwo', 'zine']);
    expect(frontMatterWords({ words: ['a', 2, 'b'] })).toEqual(['a', 'b']);
    expect(frontMatterWords({ words: 'Okonkwo, Alvarez' })).toEqual(['Okonkwo', 'Alvarez']);
    expect(frontMatterWords({})).toEqual([]);
  });
});
