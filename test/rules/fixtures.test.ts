import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFor, checkMarkdown, expectationsOf, FIXTURES, fixturesOf } from '../helpers/rule-tester.js';

/**
 * Every folder test/fixtures/rules/<category>/<rule>/ holds posts for that rule: each must raise
 * exactly the findings its `<!-- expect: ... -->` comments list for that rule, and ok-* posts none.
 * A `config.json` beside the posts is used as the site's config.
 */
const root = join(FIXTURES, 'rules');
const ruleFolders = readdirSync(root).flatMap((category) =>
  readdirSync(join(root, category))
    .filter((rule) => statSync(join(root, category, rule)).isDirectory())
    .map((rule) => `${category}/${rule}`),
);

describe.each(ruleFolders)('%s', (ruleId) => {
  const configPath = join(root, ruleId, 'config.json');
  const config = existsSync(configPath) ? (JSON.parse(readFileSync(configPath, 'utf8')) as object) : {};
  it.each(fixturesOf(ruleId).map((f) => [f.name, f]))('%s', async (name, fixture) => {
    const findings = await checkMarkdown({ [fixture.path]: fixture.text }, { config });
    const expected = expectationsOf(fixture.text).filter((e) => e.startsWith(`${ruleId} `));
    if (name.startsWith('ok-')) expect(expected).toEqual([]);
    expect(briefFor(findings, [ruleId])).toEqual(expected);
  });

  // A CMS or word processor writes typographic quotes: the prose rules must read them alike.
  const prose = ruleId.startsWith('grammar/') || ruleId.startsWith('spelling/');
  it.runIf(prose).each(fixturesOf(ruleId).map((f) => [f.name, f]))(
    '%s with curly quotes',
    async (_, fixture) => {
      const twin = curlyTwin(fixture.text);
      expect(twin).not.toBe(fixture.text);
      const findings = await checkMarkdown({ [fixture.path]: twin }, { config });
      const expected = expectationsOf(fixture.text).filter((e) => e.startsWith(`${ruleId} `));
      expect(briefFor(findings, [ruleId])).toEqual(expected);
    },
  );
});

/**
 * The post as a word processor would write it: ’ for apostrophes and “ ” for quotation marks in
 * prose lines (front matter, code, HTML and comment lines are left as they are).
 */
function curlyTwin(text: string): string {
  let fence = false;
  let frontMatter = text.startsWith('---\n');
  return text
    .split('\n')
    .map((line, i) => {
      if (i > 0 && frontMatter && line === '---') {
        frontMatter = false;
        return line;
      }
      if (frontMatter) return line;
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      if (fence || /[<`]/.test(line)) return line;
      return line.replace(/(?<=\p{L})'(?=\p{L})/gu, '’').replace(/"([^"\n]*)"/g, '“$1”');
    })
    .join('\n');
}
