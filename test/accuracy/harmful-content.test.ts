import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Rule } from '../../src/core/rule.js';
import type { EngineFinding } from '../../src/core/types.js';
import { defamationRule } from '../../src/rules/prohibited/defamation.js';
import { discriminationRule } from '../../src/rules/prohibited/discrimination.js';
import { obscenityRule } from '../../src/rules/prohibited/obscenity.js';
import { threatRule } from '../../src/rules/prohibited/threat.js';
import { parseCsv } from '../helpers/csv.js';
import { checkMarkdown } from '../helpers/rule-tester.js';

/**
 * Measured accuracy of the harmful-content rules on labelled sentences in the voice of a
 * library blog and its community board (test/accuracy/harm/*.yml), and on public labelled tweets
 * when the shared corpus is present. Prints precision and recall per rule.
 */
const RULES = [obscenityRule, discriminationRule, threatRule, defamationRule] as Rule[];
const IDS = RULES.map((r) => r.meta.id);
const ACCURACY = join(import.meta.dirname, 'harm');
const CORPORA = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');

interface Item {
  text: string;
  /** `rule` (an error) or `rule:warning`. */
  expect: string[];
}

function loadSet(name: string): Item[] {
  return YAML.parse(readFileSync(join(ACCURACY, `${name}.yml`), 'utf8')) as Item[];
}

const SETS = ['obscenity', 'discrimination', 'threat', 'defamation'];
const items = SETS.flatMap(loadSet);

/** One finding per rule and file: the most severe. */
function labelsByFile(findings: readonly EngineFinding[]): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of findings) {
    const labels = out.get(f.file) ?? new Map<string, string>();
    if (labels.get(f.ruleId) !== 'error') labels.set(f.ruleId, f.severity);
    out.set(f.file, labels);
  }
  return out;
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  severityRight: number;
}

async function score(set: readonly Item[]) {
  const files = Object.fromEntries(set.map((item, i) => [`item-${i}.md`, item.text]));
  const found = labelsByFile(await checkMarkdown(files, { rules: RULES }));
  const scores = new Map<string, Score>(IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0, severityRight: 0 }]));
  const mistakes: string[] = [];
  set.forEach((item, i) => {
    const got = found.get(`item-${i}.md`) ?? new Map<string, string>();
    const expected = new Map(
      item.expect.map((e) => {
        const [rule = '', severity = 'error'] = e.split(':');
        return [rule, severity];
      }),
    );
    for (const id of IDS) {
      const s = scores.get(id) as Score;
      const want = expected.get(id);
      const have = got.get(id);
      if (want && have) {
        s.tp++;
        if (want === have) s.severityRight++;
        else mistakes.push(`severity ${id} ${have} (want ${want}): ${item.text}`);
      } else if (want) {
        s.fn++;
        mistakes.push(`missed ${id}: ${item.text}`);
      } else if (have) {
        s.fp++;
        mistakes.push(`false alarm ${id}: ${item.text}`);
      }
    }
  });
  return { scores, mistakes };
}

const pct = (n: number, d: number) => (d === 0 ? 1 : n / d);
const show = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('harmful-content accuracy on the labelled library set', () => {
  it.each(['holdout', 'holdout-2'])(
    'prints precision and recall on %s (no target: an estimate)',
    async (name) => {
      const holdout = loadSet(name);
      const { scores, mistakes } = await score(holdout);
      const lines = [`${name} (${holdout.length} sentences, see the file's header)`];
      for (const [id, s] of scores) {
        lines.push(
          `  ${id.padEnd(28)} precision ${show(pct(s.tp, s.tp + s.fp))} recall ${show(pct(s.tp, s.tp + s.fn))} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
        );
      }
      console.log([...lines, ...mistakes.map((m) => `  - ${m}`)].join('\n'));
      expect(holdout.filter((i) => i.expect.length > 0).length).toBeGreaterThanOrEqual(16);
    },
  );

  it('has at least 15 positives and as many hard negatives per rule', () => {
    for (const name of SETS) {
      const set = loadSet(name);
      const positives = set.filter((i) => i.expect.length > 0).length;
      const negatives = set.filter((i) => i.expect.length === 0).length;
      expect(positives, name).toBeGreaterThanOrEqual(15);
      expect(negatives, name).toBeGreaterThanOrEqual(Math.max(15, positives));
    }
  });

  it('reaches recall >= 90% and precision >= 95% per rule', async () => {
    const { scores, mistakes } = await score(items);
    const lines = [`harmful-content accuracy (${items.length} labelled items)`];
    for (const [id, s] of scores) {
      const precision = pct(s.tp, s.tp + s.fp);
      const recall = pct(s.tp, s.tp + s.fn);
      lines.push(
        `  ${id.padEnd(28)} precision ${show(precision)} recall ${show(recall)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; severity right ${s.severityRight}/${s.tp})`,
      );
    }
    console.log([...lines, ...mistakes.map((m) => `  - ${m}`)].join('\n'));
    for (const [id, s] of scores) {
      expect(pct(s.tp, s.tp + s.fn), `${id} recall`).toBeGreaterThanOrEqual(0.9);
      expect(pct(s.tp, s.tp + s.fp), `${id} precision`).toBeGreaterThanOrEqual(0.95);
      expect(pct(s.severityRight, s.tp), `${id} severity`).toBeGreaterThanOrEqual(0.9);
    }
  });
});

const CHUNK = 500;
const DAVIDSON = join(CORPORA, 'offensive-davidson', 'data', 'labeled_data.csv');

describe.skipIf(!existsSync(DAVIDSON))(
  'harmful-content on public labelled tweets (Davidson et al. 2017)',
  () => {
    it('reports recall on hate and offensive tweets and false alarms on the rest', async () => {
      const rows = parseCsv(readFileSync(DAVIDSON, 'utf8')).slice(1);
      // Every fifth tweet keeps the suite quick; set HARM_ACCURACY_FULL=1 for all of them.
      const step = process.env.HARM_ACCURACY_FULL ? 1 : 5;
      const tweets = rows
        .filter((r, i) => r.length >= 7 && i % step === 0)
        .map((r) => ({ label: Number(r[5]), text: (r[6] ?? '').replaceAll('&amp;', '&') }));
      const findings: EngineFinding[] = [];
      for (let from = 0; from < tweets.length; from += CHUNK) {
        const chunk = tweets.slice(from, from + CHUNK).map((t, i) => [`tweet-${from + i}.md`, t.text]);
        findings.push(...(await checkMarkdown(Object.fromEntries(chunk), { rules: RULES })));
        // Let the test runner's worker answer its heartbeat between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const found = labelsByFile(findings);
      const byClass = [0, 1, 2].map((label) => {
        const members = tweets.map((t, i) => ({ ...t, i })).filter((t) => t.label === label);
        const flagged = (ids: string[]) =>
          members.filter((t) => ids.some((id) => found.get(`tweet-${t.i}.md`)?.has(id))).length /
          members.length;
        return {
          label: ['hate', 'offensive', 'neither'][label],
          n: members.length,
          obscenity: flagged(['prohibited/obscenity']),
          discrimination: flagged(['prohibited/discrimination']),
          either: flagged(['prohibited/obscenity', 'prohibited/discrimination']),
          any: flagged(IDS),
        };
      });
      console.log(
        [
          `Davidson et al. 2017 (${tweets.length} tweets): share flagged per class`,
          ...byClass.map(
            (c) =>
              `  ${String(c.label).padEnd(9)} n=${c.n} obscenity ${show(c.obscenity)} discrimination ${show(c.discrimination)} obscenity-or-discrimination ${show(c.either)} any harmful rule ${show(c.any)}`,
          ),
        ].join('\n'),
      );
      expect(tweets.length).toBeGreaterThan(4_000);
      // Whatever the numbers, the rules must find far more in offensive tweets than in the rest.
      const [hate, offensive, neither] = byClass;
      expect(hate?.either ?? 0).toBeGreaterThan(neither?.any ?? 1);
      expect(offensive?.either ?? 0).toBeGreaterThan(neither?.any ?? 1);
    }, 300_000);
  },
);
