import { readFileSync } from 'node:fs';
import type { ConfigInput } from '../../src/core/config.js';
import type { EngineFinding } from '../../src/core/types.js';
import { allRules } from '../../src/rules/index.js';
import { checkMarkdown } from '../helpers/rule-tester.js';

/** One labelled text: the rules it should trigger (`labels`) and the rule it was written to test. */
export interface LabelledItem {
  target: string;
  kind: 'positive' | 'hard-negative';
  labels: string[];
  text: string;
}

export interface RuleScore {
  rule: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Texts the rule missed or flagged wrongly, for the printed report. */
  errors: string[];
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

/** Runs the given rules over each text as its own post and scores each rule against the labels. */
export async function scoreRules(
  items: readonly LabelledItem[],
  ruleNames: readonly string[],
  config: ConfigInput,
): Promise<RuleScore[]> {
  const ids = ruleNames.map((n) => `prohibited/${n}`);
  const rules = allRules.filter((r) => ids.includes(r.meta.id));
  const files = Object.fromEntries(items.map((item, i) => [`item-${i}.md`, `${item.text}\n`]));
  const findings: EngineFinding[] = await checkMarkdown(files, { rules, config });
  const flagged = new Set(findings.map((f) => `${f.file}\0${f.ruleId}`));
  return ruleNames.map((name) => {
    const score: RuleScore = {
      rule: name,
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      precision: 0,
      recall: 0,
      errors: [],
    };
    items.forEach((item, i) => {
      const hit = flagged.has(`item-${i}.md\0prohibited/${name}`);
      const wanted = item.labels.includes(name);
      if (hit && wanted) score.truePositives++;
      else if (hit) {
        score.falsePositives++;
        score.errors.push(`false alarm: ${item.text.slice(0, 100)}`);
      } else if (wanted) {
        score.falseNegatives++;
        score.errors.push(`missed: ${item.text.slice(0, 100)}`);
      }
    });
    const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
    score.precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    score.recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    return score;
  });
}

export function formatScores(title: string, scores: readonly RuleScore[]): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const rows = scores.map(
    (s) =>
      `  ${s.rule.padEnd(14)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}  (tp ${s.truePositives}, fp ${s.falsePositives}, fn ${s.falseNegatives})`,
  );
  const errors = scores.flatMap((s) => s.errors.map((e) => `    ${s.rule}: ${e}`));
  return [title, ...rows, ...errors].join('\n');
}

/** Rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
