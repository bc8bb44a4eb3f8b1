import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { optionProblems } from '../../src/core/options.js';
import type { Rule } from '../../src/core/rule.js';
import { grammarRule } from '../../src/rules/grammar/harper-grammar.js';
import { unknownWordRule } from '../../src/rules/spelling/unknown-word.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

const rules = [unknownWordRule, grammarRule] as Rule[];

describe('spelling/unknown-word', { timeout: 120_000 }, () => {
  it('accepts a capitalized name used elsewhere in the site, and flags it when used only once', async () => {
    const site = {
      'a.md': 'Our guest today is Mr. Okonkwo from the museum.\n',
      'b.md': 'Thank you to Mr. Okonkwo for the talk.\n',
      'c.md': 'We also met Ms. Zabrowska at the fair.\n',
    };
    const findings = await checkMarkdown(site, { rules });
    // A title before it makes it a name: a notice at most, and none once the site uses it twice.
    expect(brief(findings)).toEqual(['spelling/unknown-word 1:17 notice']);
    expect(findings[0]?.file).toBe('c.md');
    expect(findings[0]?.fix).toBeUndefined();
  });

  it('accepts names from front-matter author fields anywhere in the site', async () => {
    const site = {
      'a.md': '---\nauthor: Ana Zabrowska\n---\n\nNew books are in.\n',
      'b.md': 'Ask Ms. Zabrowska about the book club.\n',
    };
    expect(await checkMarkdown(site, { rules })).toEqual([]);
  });

  it('accepts config words, words files and front-matter words', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cg-words-'));
    writeFileSync(join(cwd, 'words.txt'), '# our own terms\nbiblioteca\n');
    const text =
      '---\nwords: [Zabrowska]\n---\n\nRide the biblioteca to meet Zabrowska and the seedlingz crew.\n';
    const config = { words: ['seedlingz'], wordsFiles: ['words.txt'] };
    expect(await checkMarkdown(text, { rules, config, cwd })).toEqual([]);
    expect(brief(await checkMarkdown(text, { rules, cwd }))).toEqual([
      'spelling/unknown-word 5:10 warning',
      'spelling/unknown-word 5:47 warning',
    ]);
  });

  it('offers ranked corrections and a safe fix only for one clear correction', async () => {
    const [clear, unclear] = await checkMarkdown('We open tomorow at ten.\n\nThe libary is open.\n', {
      rules,
    });
    expect(clear?.suggestions).toEqual(['tomorrow']);
    expect(clear?.fix).toEqual({ start: 8, end: 15, text: 'tomorrow', safe: true });
    expect(unclear?.suggestions[0]).toBe('library');
    expect(unclear?.suggestions.length).toBeGreaterThan(1);
    expect(unclear?.fix).toBeUndefined();
  });

  it('checks British spelling when asked', async () => {
    const text = 'The colour of the catalogue cover is grey.\n';
    const british = { rules: { 'spelling/unknown-word': { options: { dialect: 'en-GB' } } } };
    expect(await checkMarkdown(text, { rules, config: british })).toEqual([]);
    expect(brief(await checkMarkdown(text, { rules }))).toContain('spelling/unknown-word 1:5 warning');
  });

  it('rejects an unknown option', () => {
    const options = unknownWordRule.meta.options as z.ZodType;
    expect(optionProblems(options, { dialect: 'en-AU' })).toEqual([]);
    expect(optionProblems(options, { dialect: 'en-NZ' }).map((p) => p.path)).toEqual(['dialect']);
    expect(optionProblems(options, { dialcet: 'en-GB' })).toEqual([
      { path: '', message: 'unknown option "dialcet"' },
    ]);
  });

  it('leaves code, links, addresses and HTML attributes alone', async () => {
    const text = [
      'Run `npm instal` or see [the gide](https://example.org/libary).',
      '',
      '<img src="fotos/libary.jpg" alt="Readers at the libary">',
      '',
      '```',
      'libary tomorow',
      '```',
    ].join('\n');
    expect(brief(await checkMarkdown(text, { rules }))).toEqual([
      'spelling/unknown-word 1:30 warning',
      'spelling/unknown-word 3:49 warning',
    ]);
  });
});

describe('grammar/<kind>', { timeout: 120_000 }, () => {
  it('drops grammar findings inside quotations', async () => {
    const text = '> They was here, and this is a apple.\n\nThey was here.\n';
    expect(brief(await checkMarkdown(text, { rules }))).toEqual(['grammar/agreement 3:6 warning']);
  });

  it('marks repeated words and articles safe to fix, other kinds not', async () => {
    const findings = await checkMarkdown('The the room is open. Bring a umbrella. You could of come.\n', {
      rules,
    });
    expect(findings.map((f) => [f.ruleId, f.fix?.text])).toEqual([
      ['grammar/repetition', 'The'],
      ['grammar/article', 'an'],
      ['grammar/word-choice', undefined],
    ]);
  });

  it.each([
    'If my sister were here, she would love it.',
    'There is plenty of room, and there are many seats.',
    'Does she always read before bed?',
    'I did this two ways.',
    'Show me where the books are.',
    'We had had enough of the rain.',
    'Everyone came except Sam.',
    'The staff and its volunteers have its own room.',
    'Thank you goes out to our volunteers.',
    'We attended an SAA workshop and a NASA talk in Appendix A of the report.',
    'There needs to be a sign, and are there more chairs?',
  ])('raises nothing on the correct sentence: %s', async (sentence) => {
    expect(brief(await checkMarkdown(sentence, { rules }))).toEqual([]);
  });
});
