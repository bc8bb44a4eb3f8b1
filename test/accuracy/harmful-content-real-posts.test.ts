import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import type { Rule, RuleReport, RunContext } from '../../src/core/rule.js';
import { defamationRule } from '../../src/rules/prohibited/defamation.js';
import { discriminationRule } from '../../src/rules/prohibited/discrimination.js';
import { obscenityRule } from '../../src/rules/prohibited/obscenity.js';
import { threatRule } from '../../src/rules/prohibited/threat.js';

/**
 * The harmful-content rules on 292 real posts of an archive's blog: their cost against a
 * parse-only run, and every finding they raise (each one a false alarm: the blog is clean).
 */
const RULES = [obscenityRule, discriminationRule, threatRule, defamationRule] as Rule[];
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

/** Runs rules straight on parsed documents (prose view included), as the engine would. */
async function runRules(docs: readonly Document[]): Promise<Found[]> {
  const found: Found[] = [];
  const run = { options: () => undefined } as unknown as RunContext;
  for (const rule of RULES) {
    const state = await rule.setup?.(run);
    for (const doc of docs) {
      const report = (r: RuleReport) => {
        const at = 'start' in r ? doc.point(r.start) : { line: 1, column: 1 };
        found.push({
          file: doc.file,
          ...at,
          ruleId: rule.meta.id,
          severity: r.severity ?? 'error',
          message: r.message,
        });
      };
      await rule.check(doc, { run, state, report });
      // Let the test runner's worker answer its heartbeat now and then.
      if (found.length % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return found;
}

interface Found {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  message: string;
}

describe.skipIf(!existsSync(POSTS))('harmful-content rules on real archive blog posts', () => {
  const files = existsSync(POSTS)
    ? Object.fromEntries(
        readdirSync(POSTS)
          .filter((f) => f.endsWith('.md') || f.endsWith('.markdown'))
          .map((f) => [f, readFileSync(join(POSTS, f), 'utf8')]),
      )
    : {};
  const count = Object.keys(files).length;

  it('stays cheaper than parsing, and lists its false alarms', async () => {
    let start = performance.now();
    const docs = Object.entries(files).map(([name, text]) => new Document(name, name, text));
    const parseOnly = performance.now() - start;
    start = performance.now();
    const findings = await runRules(docs);
    const coldMs = performance.now() - start;
    start = performance.now();
    await runRules(docs);
    const rulesMs = performance.now() - start;
    const withRules = parseOnly + rulesMs;
    console.log(
      [
        `${count} real posts: parse ${(parseOnly / count).toFixed(2)} ms/post; the four harmful-content rules ${(coldMs / count).toFixed(2)} ms/post on a cold start (prose view, regex compilation and token cache included), ${(rulesMs / count).toFixed(2)} ms/post warm = ${((100 * rulesMs) / parseOnly).toFixed(0)}% of parsing; parse + rules ${(withRules / count).toFixed(2)} ms/post`,
        `false alarms: ${findings.length} (${findings.filter((f) => f.severity === 'error').length} errors) in ${new Set(findings.map((f) => f.file)).size} posts`,
        ...findings.map(
          (f) => `  ${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}: ${f.message.slice(0, 120)}`,
        ),
      ].join('\n'),
    );
    expect(count).toBeGreaterThan(200);
    expect(rulesMs).toBeLessThan(parseOnly);
    expect(findings.filter((f) => f.severity === 'error').length).toBeLessThanOrEqual(2);
  }, 120_000);
});
