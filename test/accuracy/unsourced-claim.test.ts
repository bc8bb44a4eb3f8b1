import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsourcedClaimRule } from '../../src/rules/content/unsourced-claim.js';
import { checkMarkdown } from '../helpers/rule-tester.js';

interface Row {
  split: 'tune' | 'held';
  label: 'claim' | 'ok';
  text: string;
}

const rows: Row[] = readFileSync(join(import.meta.dirname, '..', 'data', 'claims', 'labelled.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [split, label, text] = line.split('\t');
    return { split, label, text } as Row;
  });

/** A one-paragraph post; a footnote reference gets its definition, as a real post would have. */
function post(text: string): string {
  const notes = [...text.matchAll(/\[\^(\w+)\]/g)].map((m) => `[^${m[1]}]: Source of the figure.`);
  return `---\ntitle: Post\n---\n\n${text}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}

async function score(split: Row['split']) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: string[] = [];
  for (const row of rows.filter((r) => r.split === split)) {
    const findings = await checkMarkdown(post(row.text), { rules: [unsourcedClaimRule] });
    const said = findings.some((f) => f.ruleId === 'content/unsourced-claim');
    if (said && row.label === 'claim') tp++;
    else if (said) {
      fp++;
      errors.push(`false alarm: ${row.text}`);
    } else if (row.label === 'claim') {
      fn++;
      errors.push(`missed: ${row.text}`);
    }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), errors };
}

describe('content/unsourced-claim on labelled library paragraphs', () => {
  it('has at least 150 rows, half of them claims', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.filter((r) => r.label === 'claim').length).toBe(rows.length / 2);
  });

  for (const split of ['tune', 'held'] as const) {
    it(`${split}: precision at least 85%`, async () => {
      const s = await score(split);
      console.log(
        `unsourced-claim ${split}: precision ${(s.precision * 100).toFixed(1)}% recall ${(s.recall * 100).toFixed(1)}% (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})\n  ${s.errors.join('\n  ')}`,
      );
      expect(s.precision).toBeGreaterThanOrEqual(0.85);
      expect(s.recall).toBeGreaterThanOrEqual(0.6);
    });
  }
});
