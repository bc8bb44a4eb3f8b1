import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/rule.js';
import {
  Dictionary,
  DictionaryError,
  dictionaryFor,
  parseDictionary,
} from '../../src/language/dictionary.js';
import { editsOf, Speller, slipsOf } from '../../src/language/speller.js';
import { isCompound, isDerived, unknownWords } from '../../src/language/spelling.js';
import { asciiQuotes, inAuthorsQuotes } from '../../src/language/typography.js';
import { Vocabulary } from '../../src/language/vocabulary.js';
import { grammarRule } from '../../src/rules/grammar/harper-grammar.js';
import { unknownWordRule } from '../../src/rules/spelling/unknown-word.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

const spelling = [unknownWordRule] as Rule[];
const dictionary = dictionaryFor('en-US');
const none = new Vocabulary();

describe('the compiled dictionary', () => {
  it('knows ordinary English, US variants, names and places', () => {
    for (const word of ['afterwards', 'towards', 'judgement', 'polenta', 'mesclun', 'wishlist', 'designee'])
      expect(dictionary.knows(word), word).toBe(true);
    for (const word of ['Woodson', 'Worcester', 'Aaron', "don't", 'Library', 'LIBRARY', 'SEUSS'])
      expect(dictionary.knows(word), word).toBe(true);
    for (const word of ['libary', 'tomorow', 'seuss', 'colour'])
      expect(dictionary.knows(word), word).toBe(false);
  });

  it('spells each dialect its own way', () => {
    expect(dictionaryFor('en-GB').knows('colour')).toBe(true);
    expect(dictionaryFor('en-GB').knows('color')).toBe(false);
    expect(dictionaryFor('en-CA').knows('colour')).toBe(true);
    expect(dictionaryFor('en-AU').knows('organise')).toBe(true);
    expect(dictionary.knows('organise')).toBe(false);
  });

  it('reads only the shared and the chosen sections', () => {
    const words = parseDictionary('# c\n@all\nbook\n@en-US\ncolor\n@en-GB\ncolour\n', 'en-GB');
    expect([...words]).toEqual(['book', 'colour']);
    expect(new Dictionary(words).knows('Book')).toBe(true);
  });

  it('names the file when it is missing or damaged', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cg-dict-'));
    const missing = join(folder, 'dictionary.txt.gz');
    expect(() => dictionaryFor('en-US', missing)).toThrow(DictionaryError);
    expect(() => dictionaryFor('en-US', missing)).toThrow(missing);
    writeFileSync(missing, 'not gzip');
    expect(() => dictionaryFor('en-US', missing)).toThrow(/could not be read/);
  });
});

describe('words the dictionary does not list', () => {
  it('accepts closed compounds, free prefixes and productive endings, not run-together phrases', () => {
    expect(isCompound('wireframes', dictionary, new Set())).toBe(true);
    expect(isCompound('preconference', dictionary, new Set())).toBe(true);
    expect(isCompound('eachother', dictionary, new Set(['eachother']))).toBe(false);
    expect(isCompound('calledis', dictionary, new Set())).toBe(false);
    expect(isDerived('narratively', dictionary)).toBe(true);
    expect(isDerived('lossiness', dictionary)).toBe(true);
    expect(isDerived('definately', dictionary)).toBe(false);
  });

  it('finds unknown words, and leaves other scripts, accents, codes and acronyms alone', () => {
    const text =
      'Москва, 東京 and Ελλάδα; Niño and Meléndez; abc123, NASA, the OCR’d text, coo*tion 🎉. Our libary.';
    expect(unknownWords(text, dictionary, none).map((w) => [w.word, w.place])).toEqual([
      ['libary', 'lowercase'],
    ]);
  });

  it('checks hyphenated compounds whole and by parts', () => {
    const words = (text: string) => unknownWords(text, dictionary, none).map((w) => w.word);
    expect(words('a three-decker, a new-ish app, un-notified staff, a well-known room')).toEqual([]);
    expect(words('a three-deckre and a well-knwon room')).toEqual(['deckre', 'knwon']);
  });

  it('collects the unknown capitalized words used mid-sentence as name evidence', () => {
    const capitals = new Set<string>();
    unknownWords(
      'Today Vantreska met Maria. Then Zabrowska’s class and Lombardo-Pisto came.',
      dictionary,
      none,
      capitals,
    );
    expect([...capitals]).toEqual(['Vantreska', 'Zabrowska', 'Lombardo', 'Pisto']);
  });

  it('tells names in a name phrase from words at the start of a sentence', () => {
    const places = (text: string) => unknownWords(text, dictionary, none).map((w) => `${w.word}:${w.place}`);
    expect(places('We met Dr. Vantreska at the Zabrowska Room.')).toEqual([
      'Vantreska:name-phrase',
      'Zabrowska:name-phrase',
    ]);
    expect(places('A talk by Vantreska. Zabrowska wrote it, and Vantreska’s notes help.')).toEqual([
      'Vantreska:name-phrase',
      'Zabrowska:sentence-start',
      'Vantreska:name-phrase',
    ]);
    expect(places('We asked Vantreska to come.')).toEqual(['Vantreska:mid-sentence']);
    expect(places('The Libary is open.')).toEqual(['Libary:mid-sentence']);
  });
});

describe('corrections', () => {
  const speller = new Speller(dictionary);

  it('ranks by typing distance and word frequency', () => {
    expect(speller.correct('tomorow').suggestions).toEqual(['tomorrow']);
    expect(speller.correct('libary').suggestions[0]).toBe('library');
    expect(speller.correct('Libary').suggestions[0]).toBe('Library');
  });

  it('never suggests a vulgar word or a slur', () => {
    const shiit = speller.correct('shiit').suggestions;
    expect(shiit).not.toContain('shit');
    expect(shiit.length).toBeGreaterThan(0);
    expect(speller.correct('peckr').suggestions).not.toContain('pecker');
    expect(speller.correct('deckr').suggestions).toContain('deck');
  });

  it('tells a slip of a common word from a name', () => {
    expect(speller.looksLikeSlip('Libary')).toBe(true);
    expect(speller.looksLikeSlip('Digitial')).toBe(true);
    expect(speller.looksLikeSlip('Vantreska')).toBe(false);
    expect(speller.looksLikeSlip('Chen')).toBe(false);
  });

  it('generates every single edit, and slips that keep the first letter', () => {
    expect(editsOf('ab')).toContain('ba');
    expect(editsOf('ab').size).toBe(129);
    expect([...slipsOf('libary')].every((s) => s[0] === 'l')).toBe(true);
    expect(slipsOf('libary').has('library')).toBe(true);
  });
});

describe('typographic quotes', () => {
  it('are mapped one for one and restored in suggestions', () => {
    const text = 'She don’t say “hello”.';
    expect(asciiQuotes(text)).toBe('She don\'t say "hello".');
    expect(asciiQuotes(text).length).toBe(text.length);
    expect(inAuthorsQuotes("doesn't", 'don’t')).toBe('doesn’t');
    expect(inAuthorsQuotes('"hi"', '“hello”')).toBe('“hi”');
  });

  it('give a curly-quoted sentence the findings of its straight twin', async () => {
    const rules = [unknownWordRule, grammarRule] as Rule[];
    const straight = await checkMarkdown("She don't know the answer. We cant wait for tomorow's talk.\n", {
      rules,
    });
    const curly = await checkMarkdown('She don’t know the answer. We cant wait for tomorow’s talk.\n', {
      rules,
    });
    expect(brief(curly)).toEqual(brief(straight));
    expect(brief(straight)).toContain('grammar/agreement 1:5 warning');
    expect(curly.find((f) => f.ruleId === 'spelling/unknown-word')?.suggestions).toEqual(['tomorrow']);
  });
});

describe('spelling/unknown-word on posts', { timeout: 60_000 }, () => {
  it('reports names in name phrases as notices and slips as warnings', async () => {
    const text = [
      'Libary hours change this week.',
      '',
      'Author Vantreska reads in the Zabrowska Room with Dr. Li Chen.',
      '',
      'We asked Vantreski to come back.',
    ].join('\n');
    expect(brief(await checkMarkdown(text, { rules: spelling }))).toEqual([
      'spelling/unknown-word 1:1 warning',
      'spelling/unknown-word 3:8 notice',
      'spelling/unknown-word 3:31 notice',
      'spelling/unknown-word 5:10 notice',
    ]);
  });

  it('lowers a lowercase word to a notice when three posts use it', async () => {
    const site = {
      'a.md': 'We added refids to the finding aid.\n',
      'b.md': 'The refids are unique.\n',
      'c.md': 'Search by refids here. One typo: tomorow.\n',
    };
    expect(brief(await checkMarkdown(site, { rules: spelling }))).toEqual([
      'spelling/unknown-word 1:10 notice',
      'spelling/unknown-word 1:5 notice',
      'spelling/unknown-word 1:11 notice',
      'spelling/unknown-word 1:34 warning',
    ]);
  });

  it('follows the site language, and the rule option over it', async () => {
    const text = 'The colour of the catalogue is gray.\n';
    expect(brief(await checkMarkdown(text, { rules: spelling }))).toEqual([
      'spelling/unknown-word 1:5 warning',
    ]);
    expect(brief(await checkMarkdown(text, { rules: spelling, config: { language: 'en-GB' } }))).toEqual([]);
    const option = {
      language: 'en-GB' as const,
      rules: { 'spelling/unknown-word': { options: { dialect: 'en-US' } } },
    };
    expect(brief(await checkMarkdown(text, { rules: spelling, config: option }))).toEqual([
      'spelling/unknown-word 1:5 warning',
    ]);
  });

  it('leaves link text that names its target alone', async () => {
    const text = 'We built [argo](https://github.com/example/argo) and [argo too](https://example.org/).\n';
    expect(brief(await checkMarkdown(text, { rules: spelling }))).toEqual([
      'spelling/unknown-word 1:55 warning',
    ]);
  });
});

describe('the site word census', () => {
  it('lists the words the rule would report, most used first, with their posts', async () => {
    const { spellingCensus } = await import('../../src/rules/spelling/census.js');
    const { Document } = await import('../../src/core/document.js');
    const { validateConfig } = await import('../../src/config/load.js');
    const { ruleCatalog } = await import('../../src/pipeline/run.js');
    const config = validateConfig({}, ruleCatalog([unknownWordRule] as Rule[]), '.');
    const run = {
      config,
      cwd: '.',
      offline: true,
      mode: 'check' as const,
      files: [],
      options: () => undefined,
      isEnabled: () => true,
      warn: () => {},
    };
    const posts = {
      'a.md': 'The refids are new. We met Ms. Vantreska.\n',
      'b.md': 'Our refids help. A tomorow typo. Vantreska spoke to us.\n',
    };
    const docs = Object.entries(posts).map(([file, text]) => new Document(file, file, text));
    expect(await spellingCensus(docs, run)).toEqual([
      { word: 'refids', count: 2, posts: ['a.md', 'b.md'] },
      { word: 'tomorow', count: 1, posts: ['b.md'] },
      { word: 'Vantreska', count: 1, posts: ['a.md'] },
    ]);
  });
});
