import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import type { Rule } from '../../src/core/rule.js';
import { defamationRule } from '../../src/rules/prohibited/defamation.js';
import { discriminationRule } from '../../src/rules/prohibited/discrimination.js';
import { obscenityRule } from '../../src/rules/prohibited/obscenity.js';
import { threatRule } from '../../src/rules/prohibited/threat.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

const RULES = [obscenityRule, discriminationRule, threatRule, defamationRule] as Rule[];
const check = (text: string, config = {}) => checkMarkdown(text, { rules: RULES, config });

describe('harmful-content messages', () => {
  it('never repeat a profanity or slur in full, and end with a short policy citation', async () => {
    const findings = await check('This is fucking useless.\n\nSome faggot took my seat.\n');
    expect(brief(findings)).toEqual([
      'prohibited/obscenity 1:9 error',
      'prohibited/discrimination 3:6 error',
    ]);
    const [obscene, slur] = findings;
    expect(obscene?.message).toContain('"f******"');
    expect(obscene?.message).not.toMatch(/fucking/i);
    expect(obscene?.message).toMatch(/\(Policy: Posting on Social Media, item 1\)$/);
    expect(obscene?.message).not.toContain('Obscenity or pornography.');
    expect(slur?.message).toContain('"f*****"');
    expect(slur?.message).not.toMatch(/faggot/i);
    expect(slur?.message).toMatch(/\(Policy: Posting on Social Media, item 2\)$/);
  });

  it('mask slur-like words inside quoted generalisations and inconsiderate wording', async () => {
    const findings = await check('Cripples are a burden on the budget.\n\nThe vendor gypped us.\n');
    expect(brief(findings)).toEqual([
      'prohibited/discrimination 1:1 error',
      'prohibited/discrimination 3:12 warning',
    ]);
    expect(findings[0]?.message).toContain('"C****** are a burden"');
    expect(findings[1]?.message).toContain('"g*****"');
    for (const f of findings) expect(f.message).not.toMatch(/cripples|gypped/i);
  });

  it("quote the threat; the rule's clause names the harassment item too", async () => {
    const [finding] = await check('If they cut our hours I will make sure somebody gets hurt.\n');
    expect(finding?.message).toContain('"make sure somebody gets hurt"');
    expect(finding?.message).toMatch(/\(Policy: Posting on Social Media, item 3\)$/);
    expect(threatRule.meta.clause).toContain('Employee Personal Use of Social Media, item 9');
  });

  it('name the accused and say how to fix it', async () => {
    const [finding] = await check('Councilor Smith stole money from the library fund.\n');
    expect(finding?.message).toContain('"Councilor Smith"');
    expect(finding?.message).toContain('link to published reporting');
  });
});

describe('mentions are not uses', () => {
  it('leaves alone titles in italics, quotes, link text and code', async () => {
    const text = [
      'We have *Shit My Dad Says* and "Go the F**k to Sleep" on the shelf.',
      '',
      'Patrons searched for "kill the director" in the catalog, and `fuck` in code is not prose.',
      '',
      'Read [Bitch Planet](https://catalog.example.org/item/9) this month.',
      '',
    ].join('\n');
    expect(brief(await check(text))).toEqual([]);
  });

  it('still flags the same words used outside a mention', async () => {
    const text = 'Shit, the printer broke. I will kill the director.\n';
    expect(brief(await check(text))).toEqual([
      'prohibited/obscenity 1:1 error',
      'prohibited/threat 1:26 error',
    ]);
  });
});

describe('prohibited/discrimination options', () => {
  const text = 'The author, who is wheelchair-bound, will sign books.\n';

  it('reports inconsiderate wording as a warning with alternatives by default', async () => {
    const [finding, ...rest] = await check(text);
    expect(rest).toEqual([]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.suggestions).toEqual(['uses a wheelchair', 'wheelchair user']);
  });

  it('leaves inconsiderate wording alone when inconsiderateWording is false', async () => {
    const config = {
      rules: { 'prohibited/discrimination': { severity: 'error', options: { inconsiderateWording: false } } },
    };
    expect(brief(await check(text, config))).toEqual([]);
    expect(brief(await check('Those immigrants are ruining this town.\n', config))).toEqual([
      'prohibited/discrimination 1:1 error',
    ]);
  });

  it('rejects unknown options with the key named', async () => {
    const config = { rules: { 'prohibited/discrimination': { options: { inconsiderate: false } } } };
    const error = (await check(text, config).catch((e: unknown) => e)) as UsageError;
    expect(error).toBeInstanceOf(UsageError);
    expect(error.describe()).toMatch(/unknown option "inconsiderate"/);
  });
});

describe('robustness', () => {
  it('handles posts with no prose, odd front matter and long runs without crashing', async () => {
    const long = `${'a '.repeat(5000)}and then f u c k ${'*'.repeat(300)}`;
    expect(brief(await check('---\ntitle: [unclosed\n---\n'))).toEqual([]);
    expect(brief(await check('```\nfuck\n```\n'))).toEqual([]);
    expect(brief(await check(long))).toEqual(['prohibited/obscenity 1:10010 error']);
  });
});
