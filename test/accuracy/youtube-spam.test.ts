import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spamRule } from '../../src/rules/prohibited/spam.js';
import { checkMarkdown } from '../helpers/rule-tester.js';
import { parseCsv } from './measure.js';

/**
 * prohibited/spam over the UCI YouTube Spam Collection (CC-BY-4.0), read in place from the
 * team's shared corpora. YouTube comments are not library posts: the numbers are reported, and
 * only guarded against regressions.
 */
const DATA = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora', 'youtube-spam', 'data');

function readComments(): { text: string; spam: boolean }[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((f) =>
      parseCsv(readFileSync(join(DATA, f), 'utf8'))
        .slice(1)
        .filter((row) => row.length >= 5)
        .map((row) => ({ text: row[3] as string, spam: (row[4] as string).trim() === '1' })),
    );
}

function score(flagged: readonly boolean[], truth: readonly boolean[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  flagged.forEach((hit, i) => {
    if (hit && truth[i]) tp++;
    else if (hit) fp++;
    else if (truth[i]) fn++;
  });
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe.skipIf(!existsSync(DATA))('prohibited/spam on the YouTube Spam Collection', () => {
  it('reports precision and recall', async () => {
    const comments = readComments();
    expect([comments.length, comments.filter((c) => c.spam).length]).toEqual([1956, 1005]);
    const files = Object.fromEntries(comments.map((c, i) => [`comment-${i}.md`, c.text]));
    const findings = await checkMarkdown(files, { rules: [spamRule] });
    const any = new Set(findings.map((f) => f.file));
    const errors = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
    const truth = comments.map((c) => c.spam);
    const all = score(
      comments.map((_, i) => any.has(`comment-${i}.md`)),
      truth,
    );
    const errorOnly = score(
      comments.map((_, i) => errors.has(`comment-${i}.md`)),
      truth,
    );
    const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
    console.log(
      [
        `YouTube Spam Collection: ${comments.length} comments, ${truth.filter(Boolean).length} spam`,
        `  any finding:    precision ${pct(all.precision)}  recall ${pct(all.recall)}  (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`,
        `  errors only:    precision ${pct(errorOnly.precision)}  recall ${pct(errorOnly.recall)}  (tp ${errorOnly.tp}, fp ${errorOnly.fp}, fn ${errorOnly.fn})`,
      ].join('\n'),
    );
    // Guards against regressions, set below the measured values.
    expect(errorOnly.precision).toBeGreaterThan(0.9);
    expect(all.recall).toBeGreaterThan(0.45);
  });
});
