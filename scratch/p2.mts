import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '/work/wt-harm/src/core/document.ts';
import { obscenityRule } from '/work/wt-harm/src/rules/prohibited/obscenity.ts';
import { discriminationRule } from '/work/wt-harm/src/rules/prohibited/discrimination.ts';
const dir = '/work/shared/corpora/rac-bits-and-bytes/_posts';
const docs = readdirSync(dir).map((f) => new Document(f, f, readFileSync(join(dir, f), 'utf8')));
for (const d of docs) d.prose;
const run: any = { options: () => undefined };
for (const rule of [obscenityRule, discriminationRule] as any[]) {
  const state = await rule.setup(run);
  const ctx = { run, state, report: () => {} };
  for (let k = 0; k < 5; k++) for (const d of docs) rule.check(d, ctx);
}
