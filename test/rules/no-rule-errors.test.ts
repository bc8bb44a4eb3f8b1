import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineFinding } from '../../src/core/types.js';
import { oddMarkdown } from '../helpers/odd-markdown.js';
import { checkMarkdown, FIXTURES } from '../helpers/rule-tester.js';

/**
 * Every rule on odd Markdown: a hand-written corpus and generated trees of quotes, lists, tables,
 * HTML, code, footnotes and front matter. A rule that throws (or reports a position outside the
 * file, which the engine's strict mode turns into a throw) shows up as `internal/rule-error`.
 */
const ODD = join(FIXTURES, 'odd');

function ruleErrors(findings: readonly EngineFinding[]): string[] {
  return findings.filter((f) => f.ruleId === 'internal/rule-error').map((f) => `${f.file}: ${f.message}`);
}

describe('every rule on odd Markdown', () => {
  it('raises no rule error on the odd-Markdown corpus', { timeout: 120_000 }, async () => {
    const files = Object.fromEntries(
      readdirSync(ODD)
        .filter((f) => f.endsWith('.md'))
        .map((f) => [f, readFileSync(join(ODD, f), 'utf8')]),
    );
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(10);
    expect(ruleErrors(await checkMarkdown(files, { cwd: ODD }))).toEqual([]);
  });

  it('raises no rule error on generated documents (fixed seed)', { timeout: 240_000 }, async () => {
    // One batch per property run would set every rule up again; a batch of samples shares one engine.
    const samples = fc.sample(oddMarkdown, { seed: 20261203, numRuns: 150 });
    const files = Object.fromEntries(samples.map((text, i) => [`generated-${i}.md`, text]));
    const errors = ruleErrors(await checkMarkdown(files));
    expect(errors, errors.length ? (files[errors[0]?.split(':')[0] ?? ''] ?? '') : '').toEqual([]);
  });
});
