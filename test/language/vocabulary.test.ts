import { describe, expect, it } from 'vitest';
import { languageEngine } from '../../src/language/harper.js';
import { frontMatterWords, libraryWords, parseWordList, Vocabulary } from '../../src/language/vocabulary.js';

describe('library vocabulary', { timeout: 120_000 }, () => {
  it('lists the library terms the issue names', () => {
    const words = libraryWords();
    for (const w of [
      'makerspace',
      'storytime',
      'interlibrary',
      'OPAC',
      'ILS',
      'Kanopy',
      'Beanstack',
      'Cricut',
    ]) {
      expect(words).toContain(w);
    }
  });

  it('holds only words the base dictionary lacks', async () => {
    const engine = await languageEngine('en-US');
    const words = libraryWords();
    // Hyphenated entries are checked part by part by the dictionary: one unknown part is enough.
    const parts = words.map((w) => w.split('-'));
    const unknown = await engine.unknownWords(parts.flat());
    const known = words.filter((_, i) => !(parts[i] as string[]).some((p) => unknown.has(p)));
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
