import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefFor, checkMarkdown, expectationsOf, FIXTURES, fixturesOf } from './helpers/rule-tester.js';

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
});
