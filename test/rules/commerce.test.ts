import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { anyCaseLiterals } from '../../src/rules/prohibited/context/cased.js';
import { namesAWork } from '../../src/rules/prohibited/context/mentions.js';
import { sentenceAround } from '../../src/rules/prohibited/context/sentences.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

const IDS = [
  'prohibited/spam',
  'prohibited/off-topic',
  'prohibited/advertising',
  'prohibited/solicitation',
  'prohibited/political',
];
const rules = allRules.filter((r) => IDS.includes(r.meta.id));
const check = (text: string, config = {}) => checkMarkdown(text, { rules, config }).then(brief);

describe('anyCaseLiterals', () => {
  it('makes plain letters match either case and leaves classes and escapes alone', () => {
    expect(anyCaseLiterals('vote')).toBe('[vV][oO][tT][eE]');
    expect(anyCaseLiterals(String.raw`\p{Lu}[A-Z]\d(?:ab)`)).toBe(String.raw`\p{Lu}[A-Z]\d(?:[aA][bB])`);
    expect(anyCaseLiterals('(?<!x)y')).toBe('(?<![xX])[yY]');
  });
});

describe('namesAWork', () => {
  it('takes title-case link text as the name of a work', () => {
    expect(namesAWork('Vote for Me, Mr. President')).toBe(true);
    expect(namesAWork('The Art of War')).toBe(true);
    expect(namesAWork('click here to claim your prize')).toBe(false);
    expect(namesAWork('FREE MONEY NOW')).toBe(false);
    expect(namesAWork('Donate')).toBe(false);
  });
});

describe('sentenceAround', () => {
  it('returns the sentence holding the index', () => {
    const text = 'Tickets are $10. Buy now! Thanks.';
    expect(sentenceAround(text, text.indexOf('Buy'), 3)).toBe('Buy now!');
    expect(sentenceAround(text, 0, 7)).toBe('Tickets are $10.');
  });
});

describe('config organization', () => {
  const appeal = 'Please donate to the Friends of the Maple Grove Library this spring.\n';
  const friends = { organization: { fundraising: ['Friends of the Maple Grove Library'] } };

  it('an appeal for Friends not in config is a warning that asks for them to be listed', async () => {
    expect(await check(appeal)).toEqual(['prohibited/solicitation 1:1 warning']);
  });

  it('an appeal for the Friends listed in config is left alone', async () => {
    expect(await check(appeal, friends)).toEqual([]);
  });

  it('a crowdfunding page is solicitation unless config lists it as the library’s own', async () => {
    const post = 'Help fund the bookmobile: [our page](https://www.gofundme.com/f/mgpl-bookmobile).\n';
    expect(await check(post)).toEqual(['prohibited/solicitation 1:27 error']);
    const own = { organization: { fundraising: ['gofundme.com/f/mgpl-bookmobile'] } };
    expect(await check(post, own)).toEqual([]);
  });

  it('links to the library’s own domains are neither a dropped link nor repeated spam links', async () => {
    const post = 'Sign up: [a](https://mgpl.org/x), [b](https://mgpl.org/x) or [c](https://mgpl.org/x).\n';
    expect(await check(post)).toEqual(['prohibited/spam 1:10 warning', 'prohibited/spam 1:62 warning']);
    expect(await check(post, { organization: { domains: ['mgpl.org'] } })).toEqual([]);
  });
});

describe('mentions are not uses', () => {
  it.each([
    [
      'a title in italics',
      'Our pick: *Vote for Smith, Mayor of Nowhere* by Ann Lee, a novel about the 1912 election.\n',
    ],
    ['an HTML citation', 'Our pick: <cite>Vote for Smith</cite>, a novel about an election.\n'],
    ['a quoted search term', 'Search the newspaper archive for "vote for Coolidge" in the 1924 election.\n'],
    ['a code span', 'The sample text is `Re-elect Mayor Brennan` in the 1987 election poster.\n'],
    [
      'link text naming a work',
      'Read [Re-Elect Mayor Bumble](https://mgpl.org/catalog/1) before the mock election.\n',
    ],
  ])('%s', async (_name, post) => {
    expect(await check(post)).toEqual([]);
  });

  it('the same words outside a mention are a use', async () => {
    expect(await check('Vote for Smith in the election on Tuesday!\n')).toEqual([
      'prohibited/political 1:1 error',
    ]);
  });
});

describe('off-topic is one whole-document finding', () => {
  it('reports once, at the top, however many signals the post holds', async () => {
    const post =
      '---\ntitle: Tips\n---\n\nOnline casino, free spins, sports betting and forex signals, all in one place.\n';
    expect(await check(post)).toEqual(['prohibited/off-topic 1:1 warning']);
  });
});

describe('odd input', () => {
  it.each([
    ['an empty post', '', []],
    ['front matter that does not parse', '---\ntitle: [broken\n---\n', []],
    ['a long run of capitals', `${'WORD '.repeat(2000)}x\n`, ['prohibited/spam 1:1 warning']],
    ['a line of exclamation marks', `${'!'.repeat(5000)}\n`, ['prohibited/spam 1:1 warning']],
    ['unpaired quotation marks', `${'"'.repeat(5000)}\n`, []],
    [
      'deeply nested quotes',
      `${'> '.repeat(300)}Please donate to the Smith family.\n`,
      ['prohibited/solicitation 1:601 error'],
    ],
  ])('%s: no rule fails', async (_name, post, expected) => {
    expect(await check(post)).toEqual(expected);
  });
});
