import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

/**
 * The commerce and politics rules over 292 real, clean archive blog posts (the Rockefeller
 * Archive Center's "Bits and Bytes", CC-BY-4.0), read in place: false alarms.
 */
const POSTS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpora',
  'rac-bits-and-bytes',
  '_posts',
);
const IDS = [
  'prohibited/spam',
  'prohibited/off-topic',
  'prohibited/advertising',
  'prohibited/solicitation',
  'prohibited/political',
];

describe.skipIf(!existsSync(POSTS))('commerce and politics rules on real library posts', () => {
  it('raise only the two shortened links', async () => {
    const files = Object.fromEntries(
      readdirSync(POSTS)
        .filter((f) => f.endsWith('.md'))
        .map((f) => [f, readFileSync(join(POSTS, f), 'utf8')]),
    );
    const count = Object.keys(files).length;
    const rules = allRules.filter((r) => IDS.includes(r.meta.id));
    const findings = await checkMarkdown(files, { rules, cwd: POSTS });
    console.log(
      [
        `${count} real posts, ${findings.length} findings (time per post: scripts/measure-commerce-speed.ts):`,
        ...findings.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`),
      ].join('\n'),
    );
    expect(count).toBe(292);
    // Both are real bit.ly links in otherwise clean posts: a shortener is reported, as a warning.
    expect(findings.map((f) => `${f.file} ${brief([f])[0]}`)).toEqual([
      '2018-12-03-developing-change-how-a-tech-project-enabled-organizational-transition.md prohibited/spam 71:74 warning',
      '2021-04-02-cultural-competency-in-archives-planning-an-education-campaign.md prohibited/spam 51:3 warning',
    ]);
  }, 180_000);
});
