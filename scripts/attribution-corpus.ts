/**
 * Runs the attribution, alt-text and copyright rules over the Rockefeller Archive Center's blog
 * (../shared/corpora/rac-bits-and-bytes/_posts) and prints the findings per rule, for reviewing
 * false alarms on real archive and library writing. Prints nothing but a note when the corpus is absent.
 *
 *   node --import tsx scripts/attribution-corpus.ts [--list]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ATTRIBUTION_RULE_IDS, checkRacCorpus, RAC_POSTS } from '../test/helpers/rac-corpus.js';

if (!existsSync(RAC_POSTS)) {
  console.log(`No corpus at ${RAC_POSTS}: nothing to measure.`);
  process.exit(0);
}
const started = performance.now();
const { findings, files } = await checkRacCorpus();
const ms = Math.round(performance.now() - started);
console.log(`${files} posts checked in ${ms} ms (config ownedMedia: /assets/img/**, rockarch.org)`);
for (const id of ATTRIBUTION_RULE_IDS) {
  const mine = findings.filter((f) => f.ruleId === id);
  const bySeverity = ['error', 'warning', 'notice'].map(
    (s) => `${mine.filter((f) => f.severity === s).length} ${s}`,
  );
  console.log(`${id.padEnd(28)} ${String(mine.length).padStart(4)}  (${bySeverity.join(', ')})`);
}
if (process.argv.includes('--list'))
  for (const f of findings)
    console.log(
      `${join(f.file)}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message.replace(/ \(Policy, .*$/, '')}`,
    );
