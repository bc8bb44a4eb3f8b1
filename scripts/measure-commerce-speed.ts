/**
 * CPU time per post of the commerce and politics rules over the real posts in the shared corpora,
 * next to the time of parsing those posts. Run: `node --import tsx scripts/measure-commerce-speed.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateConfig } from '../src/config/load.js';
import { Document } from '../src/core/document.js';
import type { RuleContext, RunContext } from '../src/core/rule.js';
import { ruleCatalog } from '../src/pipeline/run.js';
import { allRules } from '../src/rules/index.js';

const IDS = [
  'prohibited/spam',
  'prohibited/off-topic',
  'prohibited/advertising',
  'prohibited/solicitation',
  'prohibited/political',
];
const POSTS = join(import.meta.dirname, '..', '..', 'shared', 'corpora', 'rac-bits-and-bytes', '_posts');
const ROUNDS = 3;

if (!existsSync(POSTS)) {
  console.log(`No posts at ${POSTS}: nothing measured.`);
  process.exit(0);
}
const texts = readdirSync(POSTS)
  .filter((f) => f.endsWith('.md'))
  .map((f) => [f, readFileSync(join(POSTS, f), 'utf8')] as const);
const rules = allRules.filter((r) => IDS.includes(r.meta.id));
const config = validateConfig({}, ruleCatalog(rules), POSTS);
const run: RunContext = {
  config,
  cwd: POSTS,
  offline: true,
  mode: 'check',
  files: texts.map(([f]) => f),
  options: () => undefined,
  isEnabled: () => true,
  warn: () => {},
};
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const best = new Map<string, number>();
const keep = (key: string, ms: number) =>
  best.set(key, Math.min(best.get(key) ?? Number.POSITIVE_INFINITY, ms));
for (let round = 0; round < ROUNDS; round++) {
  let start = cpuMs();
  const docs = texts.map(([file, text]) => new Document(file, file, text));
  keep('parse', cpuMs() - start);
  start = cpuMs();
  for (const doc of docs) void doc.prose;
  keep('prose view', cpuMs() - start);
  for (const rule of rules) {
    const ctx: RuleContext = { run, state: undefined, report: () => {} };
    start = cpuMs();
    for (const doc of docs) await rule.check(doc, ctx);
    keep(rule.meta.id, cpuMs() - start);
  }
}
const perPost = (ms: number) => `${(ms / texts.length).toFixed(2)} ms/post`;
console.log(`${texts.length} posts, best of ${ROUNDS} rounds (CPU time):`);
for (const [key, ms] of best) console.log(`  ${key.padEnd(24)} ${perPost(ms)}`);
const rulesTotal = IDS.reduce((n, id) => n + (best.get(id) ?? 0), 0);
console.log(`  ${'five rules together'.padEnd(24)} ${perPost(rulesTotal)}`);
