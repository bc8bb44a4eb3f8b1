import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { Fingerprints } from '../../src/core/fingerprint.js';
import { MAX_NESTING, withinNesting } from '../../src/core/nesting.js';
import { MAX_SUPPRESSIONS } from '../../src/core/suppress.js';
import { cutAt, segmentsOf } from '../../src/language/harper.js';
import { MAX_TOKEN_REACH, notAWord, tokenAround } from '../../src/language/words.js';
import { sentenceAround } from '../../src/rules/prohibited/context/sentences.js';
import { MAX_SENTENCE_REACH, sentenceAt } from '../../src/rules/shared/sentences.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

describe('quote and list nesting past the limit', () => {
  it('reads deeper markers as text, every offset kept', () => {
    const line = `${'> '.repeat(40)}x`;
    const parsed = withinNesting(line);
    expect(parsed).toHaveLength(line.length);
    expect(parsed.slice(0, 2 * MAX_NESTING)).toBe('> '.repeat(MAX_NESTING));
    expect(parsed.slice(2 * MAX_NESTING, 2 * MAX_NESTING + 2)).toBe('\u00a0 ');
    expect(withinNesting('> > - 1. ordinary nesting\n')).toBe('> > - 1. ordinary nesting\n');
  });

  it('checks a post nested 20,000 deep and places its findings exactly', async () => {
    const text = `Intro.\n\n${'> '.repeat(20_000)}TODO: finish this\n\n${'- '.repeat(20_000)}More.\n`;
    const findings = await checkMarkdown(text, { overrides: { grammar: 'off', spelling: 'off' } });
    expect(brief(findings.filter((f) => f.ruleId === 'confidential/draft'))).toEqual([
      'confidential/draft 3:40001 error',
    ]);
  });
});

describe('scans that stop at a fixed reach', () => {
  it('takes no more than 100 characters either side for a token', () => {
    const blob = 'x'.repeat(5_000);
    const token = tokenAround(blob, 2_500, 2_505);
    expect(token).toHaveLength(5 + 2 * MAX_TOKEN_REACH);
    expect(notAWord('xxxxx', token)).toBe('too long to be a word');
    expect(tokenAround('see (the) library.', 5, 8)).toBe('the');
  });

  it('reads at most 500 characters either side for a sentence', () => {
    const block = new Document('p.md', '/p.md', `${'word '.repeat(1_000)}\n`).prose[0];
    if (!block) throw new Error('no prose');
    const sentence = sentenceAt(block, 2_500);
    expect(sentence.start).toBe(2_500 - MAX_SENTENCE_REACH);
    expect(sentence.text).toHaveLength(2 * MAX_SENTENCE_REACH);
    expect(sentenceAround('word '.repeat(1_000), 2_500)).toHaveLength(2 * MAX_SENTENCE_REACH);
    expect(sentenceAround('First one. Second one here. Third.', 14)).toBe('Second one here.');
  });
});

describe('grammar pieces', () => {
  it('cuts after a sentence when one fits, else after a word, else anywhere', () => {
    const text = 'One two. Three four five six seven. Eight nine ten eleven';
    expect(text.slice(0, cutAt(text, 0, 50))).toBe('One two. Three four five six seven. ');
    expect(cutAt('aaaa bbbb cccc dddd', 0, 12)).toBe(10);
    expect(cutAt('x'.repeat(100), 0, 30)).toBe(30);
    expect(cutAt('x'.repeat(28) + '😀', 0, 29)).toBe(28);
  });

  it('reads a long block in pieces of at most 3,000 characters, up to the post limit', () => {
    const block = new Document('p.md', '/p.md', `${'The dog ran. '.repeat(1_000)}\n`).prose[0];
    if (!block) throw new Error('no prose');
    const segments = segmentsOf([block]);
    expect(segments.map((s) => s.text).join('')).toBe(block.text);
    expect(Math.max(...segments.map((s) => s.text.length))).toBeLessThanOrEqual(3_000);
    expect(
      segments.every((s) => s.text.endsWith('. ') || s.offset + s.text.length === block.text.length),
    ).toBe(true);
    expect(segmentsOf([block], 5_000).reduce((n, s) => n + s.text.length, 0)).toBe(5_000);
  });
});

describe('fingerprints', () => {
  it('hash the rule, file, normalised line and occurrence, as before', () => {
    const old = (line: string, n: number) =>
      createHash('sha256')
        .update(`spelling/unknown-word\0a.md\0${line.trim().replace(/\s+/g, ' ')}\0${n}`)
        .digest('hex')
        .slice(0, 32);
    const prints = new Fingerprints('a.md');
    expect(prints.next('spelling/unknown-word', '  a   libary  ')).toBe(old('a libary', 0));
    expect(prints.next('spelling/unknown-word', '  a   libary  ')).toBe(old('a libary', 1));
    expect(prints.next('spelling/unknown-word', 'other')).toBe(old('other', 0));
  });
});

describe('suppression comments', () => {
  it('an unclosed directive is not a directive, and the rest of the post is still checked', async () => {
    const text = `<!-- content-gate-disable ${'x '.repeat(2_000)}\n\nTODO: finish\n`;
    const findings = await checkMarkdown(text, { overrides: { grammar: 'off', spelling: 'off' } });
    expect(brief(findings)).toEqual([]);
    const closed = await checkMarkdown(
      '<!-- content-gate-disable-next-line -->\nTODO: finish\n\nTODO: again\n',
      {
        overrides: { grammar: 'off', spelling: 'off' },
      },
    );
    expect(brief(closed)).toEqual(['confidential/draft 4:1 error']);
  });

  it('past the 500th in one post, hide nothing and say so once each', async () => {
    const line =
      '<!-- content-gate-disable-next-line confidential/draft -- a list of jobs -->\nTODO: one\n\n';
    const text = line.repeat(MAX_SUPPRESSIONS + 2);
    const findings = await checkMarkdown(text, { overrides: { grammar: 'off', spelling: 'off' } });
    const after = 3 * MAX_SUPPRESSIONS;
    expect(brief(findings)).toEqual([
      `content/refused-suppression ${after + 1}:1 notice`,
      `confidential/draft ${after + 2}:1 error`,
      `content/refused-suppression ${after + 4}:1 notice`,
      `confidential/draft ${after + 5}:1 error`,
    ]);
  });
});
