import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { checkMarkdown } from '../helpers/rule-tester.js';

/** The privacy, credential and conduct rules on odd and hostile input: no crash, no hang. */
const IDS = ['privacy/personal-data', 'secrets/credential', 'conduct/patron-remarks', 'conduct/spokesperson'];
const rules = allRules.filter((r) => IDS.includes(r.meta.id));

const ODD_POSTS: Record<string, string> = {
  'empty.md': '',
  'front-matter-only.md': '---\nauthor: [1, {name: 2}, null]\n---\n',
  'broken-front-matter.md': '---\nauthor: "unclosed\n---\nOn behalf of the library, thanks.\n',
  'toml.md': '+++\nauthor = "Sam"\n+++\nThe library\'s official position is clear.\n',
  'html-only.md': '<div><p>Email <a href="mailto:x@gmail.com">me</a></p></div>\n',
  'nested.md': `${'> '.repeat(200)}a patron was rude\n`,
  'long-digits.md': `${'1'.repeat(50_000)}\n`,
  'long-word.md': `${'a'.repeat(100_000)}@${'b.'.repeat(20_000)}com\n`,
  'many-dots.md': `password is ${'a.'.repeat(30_000)}\n`,
  'many-words.md': `${'this patron '.repeat(20_000)}\n`,
};

describe('odd input', () => {
  it('raises no rule error and finishes quickly', { timeout: 60_000 }, async () => {
    const start = performance.now();
    const findings = await checkMarkdown(ODD_POSTS, { rules });
    const elapsed = performance.now() - start;
    expect(
      findings.filter((f) => f.ruleId === 'internal/rule-error').map((f) => `${f.file}: ${f.message}`),
    ).toEqual([]);
    expect(elapsed).toBeLessThan(20_000);
  });
});
