import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ConfigInput } from '../../src/core/config.js';
import type { Rule } from '../../src/core/rule.js';
import type { EngineFinding } from '../../src/core/types.js';
import { allRules } from '../../src/rules/index.js';
import { checkMarkdown } from '../helpers/rule-tester.js';

/**
 * Measured accuracy on labelled posts (test/accuracy/*.yml): every case is a post, labelled
 * positive when the rule must report it and negative when it must stay silent. Prints precision
 * and recall per rule and holds each rule to recall >= 90% and precision >= 95%.
 */
interface LabelledCase {
  label: 'positive' | 'negative';
  text: string;
  /** The raw personal value or secret of a positive case, which no finding may repeat. */
  value?: string | number;
}

interface LabelledSet {
  rule: string;
  config: ConfigInput;
  cases: LabelledCase[];
}

const DIR = join(import.meta.dirname, '.');
const sets = readdirSync(DIR)
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => [f, YAML.parse(readFileSync(join(DIR, f), 'utf8')) as LabelledSet] as const);

/** Rules whose findings must never repeat the value they found. */
const MASKED_RULES = new Set(['privacy/personal-data', 'secrets/credential']);

describe.each(sets)('%s', (_file, set) => {
  it(`${set.rule}: recall >= 90%, precision >= 95%`, async () => {
    const rule = allRules.find((r) => r.meta.id === set.rule);
    expect(rule, `no rule ${set.rule}`).toBeDefined();
    const sources = Object.fromEntries(set.cases.map((c, i) => [caseFile(i), c.text]));
    const findings = await checkMarkdown(sources, { config: set.config, rules: [rule as Rule] });
    const byFile = new Map<string, EngineFinding[]>();
    for (const f of findings.filter((f) => f.ruleId === set.rule)) {
      byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    set.cases.forEach((c, i) => {
      const flagged = (byFile.get(caseFile(i))?.length ?? 0) > 0;
      if (flagged && c.label === 'positive') tp++;
      else if (flagged) {
        fp++;
        misses.push(`false alarm: ${c.text.replace(/\n/g, ' ').slice(0, 100)}`);
      } else if (c.label === 'positive') {
        fn++;
        misses.push(`missed: ${c.text.replace(/\n/g, ' ').slice(0, 100)}`);
      }
    });
    const positives = set.cases.filter((c) => c.label === 'positive').length;
    const negatives = set.cases.length - positives;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    console.log(
      `${set.rule}: ${positives} positives, ${negatives} negatives; precision ${pct(precision)} (${tp}/${tp + fp}), recall ${pct(recall)} (${tp}/${tp + fn})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(positives).toBeGreaterThanOrEqual(15);
    expect(negatives).toBeGreaterThanOrEqual(positives);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.95);

    if (MASKED_RULES.has(set.rule)) {
      set.cases.forEach((c, i) => {
        for (const f of byFile.get(caseFile(i)) ?? []) {
          const shown = [f.message, ...f.suggestions].join('\n');
          if (c.value !== undefined) expect(shown).not.toContain(String(c.value));
          expect(shown).not.toContain(spanText(c.text, f));
        }
      });
    }
  });
});

function caseFile(i: number): string {
  return `case-${String(i + 1).padStart(3, '0')}.md`;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** The source text a finding points at (what a masked message must not repeat). */
function spanText(text: string, f: EngineFinding): string {
  const lines = text.split('\n');
  if (f.line === f.endLine) return (lines[f.line - 1] ?? '').slice(f.column - 1, f.endColumn - 1);
  const first = (lines[f.line - 1] ?? '').slice(f.column - 1);
  const middle = lines.slice(f.line, f.endLine - 1);
  const last = (lines[f.endLine - 1] ?? '').slice(0, f.endColumn - 1);
  return [first, ...middle, last].join('\n');
}
