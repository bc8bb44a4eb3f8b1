/**
 * Measures harper's grammar rules on learner English with known corrections (`npm run
 * accuracy:grammar`): for every harper rule and lint kind, how many erroneous sentences it flags
 * and how many false alarms it raises on their corrected versions and on correctly written library
 * posts. A rule may join the allowlist (src/language/grammar-kinds.ts) when it stays under 1% false
 * alarms on the corrected sentences, under 1 finding per 10 clean posts and under 1 per 100 real
 * archive blog posts (which are not all clean: the last is a ceiling, not a count of false alarms).
 *
 * The sentences are JFLEG (github.com/keisks/jfleg, CC BY-NC-SA 4.0): used for measurement only,
 * never copied into the project. Point JFLEG_DIR at a folder with dev.src, dev.ref0, test.src and
 * test.ref0. The dev half chooses rules; the test half is the held-out figure.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBinaryModuleFromUrl, Dialect, LocalLinter } from 'harper.js';
import { Document } from '../src/core/document.js';
import type { Rule } from '../src/core/rule.js';
import { locateAsset } from '../src/language/assets.js';
import { HARPER_RULES } from '../src/language/grammar-kinds.js';
import { asciiQuotes } from '../src/language/typography.js';
import { grammarRule } from '../src/rules/grammar/harper-grammar.js';
import { checkMarkdown } from '../test/helpers/rule-tester.js';

const root = join(import.meta.dirname, '..');
const jfleg = process.env.JFLEG_DIR ?? '/tmp/jfleg';
const cleanFolder = join(root, 'test', 'data', 'language', 'clean-posts');

/** JFLEG is tokenized ("society ." "ca n't"): written back as running text. */
function detokenize(line: string): string {
  return line
    .replace(/\s+([.,!?;:%)])/g, '$1')
    .replace(/([($])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1')
    .trim();
}

function pairs(half: 'dev' | 'test'): { wrong: string; right: string }[] {
  const src = readFileSync(join(jfleg, `${half}.src`), 'utf8').split('\n');
  const ref = readFileSync(join(jfleg, `${half}.ref0`), 'utf8').split('\n');
  return src
    .map((s, i) => ({ wrong: detokenize(s), right: detokenize(ref[i] ?? '') }))
    .filter((p) => p.wrong && p.right && p.wrong !== p.right);
}

async function allRulesLinter(): Promise<LocalLinter> {
  const url = locateAsset('harper_wasm_bg.wasm', 'harper.js/dist/harper_wasm_bg.wasm');
  const linter = new LocalLinter({ binary: createBinaryModuleFromUrl(url.href), dialect: Dialect.American });
  // harper's own default set: switching every rule on panics in its thesaurus rules.
  await linter.setLintConfig(await linter.getDefaultLintConfig());
  return linter;
}

/** Rule name to [lint kind, count] for one text. */
async function lintsOf(linter: LocalLinter, text: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const lints = await linter.organizedLints(asciiQuotes(text), { language: 'plaintext' });
  for (const [rule, list] of Object.entries(lints)) {
    for (const lint of list) {
      out.set(rule, lint.lint_kind());
      lint.free();
    }
  }
  return out;
}

interface Tally {
  kind: string;
  hits: number;
  falseAlarms: number;
  clean: number;
  /** Findings on the real archive blog posts (../shared/corpora/rac-bits-and-bytes). */
  real: number;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

async function measureHalf(linter: LocalLinter, half: 'dev' | 'test', tallies: Map<string, Tally>) {
  const rows = pairs(half);
  let anyHit = 0;
  let anyAlarm = 0;
  for (const { wrong, right } of rows) {
    const bad = await lintsOf(linter, wrong);
    const good = await lintsOf(linter, right);
    for (const [rule, kind] of bad) {
      const t = tallies.get(rule) ?? { kind, hits: 0, falseAlarms: 0, clean: 0, real: 0 };
      t.hits++;
      tallies.set(rule, t);
    }
    for (const [rule, kind] of good) {
      const t = tallies.get(rule) ?? { kind, hits: 0, falseAlarms: 0, clean: 0, real: 0 };
      t.falseAlarms++;
      tallies.set(rule, t);
    }
    if ([...bad.keys()].some((r) => r !== 'SpellCheck')) anyHit++;
    if ([...good.keys()].some((r) => r !== 'SpellCheck')) anyAlarm++;
  }
  return { rows: rows.length, anyHit, anyAlarm };
}

/** What Content Gate's grammar rules (the allowlist, with their filters) flag today. */
async function measureProduct(half: 'dev' | 'test'): Promise<string> {
  const rows = pairs(half);
  const rules = [grammarRule] as Rule[];
  let hits = 0;
  let alarms = 0;
  for (const { wrong, right } of rows) {
    if ((await checkMarkdown(wrong, { rules })).length > 0) hits++;
    if ((await checkMarkdown(right, { rules })).length > 0) alarms++;
  }
  return `flags ${pct(hits, rows.length)} of ${rows.length} erroneous sentences, false alarms on ${pct(alarms, rows.length)} of the corrected ones`;
}

if (!existsSync(join(jfleg, 'dev.src'))) {
  console.log(`JFLEG not found in ${jfleg}: set JFLEG_DIR (see the comment at the top of this script).`);
  process.exit(0);
}
const linter = await allRulesLinter();
const dev = new Map<string, Tally>();
const devTotals = await measureHalf(linter, 'dev', dev);
/** Counts each rule's findings on the prose of the posts of a folder (quotations left out). */
async function countOnPosts(folder: string, field: 'clean' | 'real'): Promise<number> {
  const names = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.md')) : [];
  for (const name of names) {
    const doc = new Document(name, name, readFileSync(join(folder, name), 'utf8'));
    for (const block of doc.prose) {
      if (block.inQuote) continue;
      for (const [rule, kind] of await lintsOf(linter, block.text)) {
        const t = dev.get(rule) ?? { kind, hits: 0, falseAlarms: 0, clean: 0, real: 0 };
        t[field]++;
        dev.set(rule, t);
      }
    }
  }
  return names.length;
}
const cleanCount = await countOnPosts(cleanFolder, 'clean');
const racFolder = join(root, '..', 'shared', 'corpora', 'rac-bits-and-bytes', '_posts');
const realCount = await countOnPosts(racFolder, 'real');
const qualifies = (t: Tally) =>
  (10 * t.real) / Math.max(1, realCount) < 0.1 &&
  t.hits > 0 &&
  t.kind !== 'Spelling' &&
  t.kind !== 'Style' &&
  t.falseAlarms / devTotals.rows < 0.01 &&
  (10 * t.clean) / cleanCount < 1;

console.log(
  `JFLEG dev: ${devTotals.rows} erroneous sentences with their corrections; ${cleanCount} clean posts`,
);
console.log(
  `harper, its default rule set (spelling aside): flags ${pct(devTotals.anyHit, devTotals.rows)}, false alarms on ${pct(devTotals.anyAlarm, devTotals.rows)} of the corrected`,
);
console.log(`Content Gate today (dev):  ${await measureProduct('dev')}`);
console.log(`Content Gate today (test, held out): ${await measureProduct('test')}`);

const byKind = new Map<string, Tally>();
for (const t of dev.values()) {
  const k = byKind.get(t.kind) ?? { kind: t.kind, hits: 0, falseAlarms: 0, clean: 0, real: 0 };
  k.hits += t.hits;
  k.falseAlarms += t.falseAlarms;
  k.clean += t.clean;
  byKind.set(t.kind, k);
}
console.log(
  '\nBy lint kind (dev): sentences flagged / false alarms on corrected / findings per 10 clean posts',
);
for (const [kind, t] of [...byKind].sort((a, b) => b[1].hits - a[1].hits)) {
  console.log(
    `  ${kind.padEnd(18)} ${pct(t.hits, devTotals.rows).padStart(6)}  ${pct(t.falseAlarms, devTotals.rows).padStart(6)}  ${((10 * t.clean) / cleanCount).toFixed(1)}`,
  );
}
console.log('\nRules that flag something (dev), * = in the allowlist, + = qualifies to join it:');
for (const [rule, t] of [...dev].filter(([, t]) => t.hits > 0).sort((a, b) => b[1].hits - a[1].hits)) {
  const mark = rule in HARPER_RULES ? '*' : qualifies(t) ? '+' : ' ';
  console.log(
    `  ${mark} ${rule.padEnd(36)} ${t.kind.padEnd(14)} hits ${String(t.hits).padStart(3)}  false ${String(t.falseAlarms).padStart(3)}  clean ${t.clean}  archive ${t.real}`,
  );
}
