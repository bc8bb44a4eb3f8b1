import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { Document } from '../../src/core/document.js';
import { Engine } from '../../src/core/engine.js';
import type { Rule, RunContext } from '../../src/core/rule.js';
import { ruleCatalog } from '../../src/pipeline/run.js';
import { allRules } from '../../src/rules/index.js';

/**
 * The privacy, credential and conduct rules on real data from ../shared/corpora (by path, never
 * copied; skipped when absent): false alarms and speed on 292 real archive blog posts, and
 * secrets/credential recall and false alarms on secretlint's own test cases.
 */
const CORPORA = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');
const POSTS = join(CORPORA, 'rac-bits-and-bytes', '_posts');
const SECRETLINT = join(CORPORA, 'secretlint-fixtures', 'packages', '@secretlint');
const IDS = [
  'privacy/personal-data',
  'secrets/credential',
  'conduct/patron-remarks',
  'conduct/spokesperson',
  'confidential/draft',
  'confidential/internal',
];
const RULES = allRules.filter((r) => IDS.includes(r.meta.id));

async function engineFor(rules: readonly Rule[], cwd: string): Promise<Engine> {
  const config = validateConfig({}, ruleCatalog(rules), cwd);
  const run: RunContext = {
    config,
    cwd,
    offline: true,
    mode: 'check',
    files: [],
    options: () => undefined,
    isEnabled: () => true,
    warn: () => {},
  };
  const engine = new Engine({ rules, run, severities: { cli: {}, config: {} } });
  await engine.setup();
  return engine;
}

describe.skipIf(!existsSync(POSTS))('real posts (rac-bits-and-bytes)', () => {
  it('raise no privacy, credential, confidentiality or conduct finding, and report ms per post', {
    timeout: 120_000,
  }, async () => {
    const files = readdirSync(POSTS)
      .filter((f) => f.endsWith('.md'))
      .sort();
    const texts = files.map((f) => [f, readFileSync(join(POSTS, f), 'utf8')] as const);
    const setupStart = performance.now();
    const engine = await engineFor(RULES, POSTS);
    const setupMs = performance.now() - setupStart;
    const parseStart = performance.now();
    const docs = texts.map(([f, text]) => new Document(f, join(POSTS, f), text));
    for (const doc of docs) void doc.prose;
    const parseMs = (performance.now() - parseStart) / docs.length;
    const perRule: Record<string, number> = {};
    for (const rule of RULES) {
      // The first pass warms the regular expressions up; the second is timed.
      const times: number[] = [];
      for (let pass = 0; pass < 2; pass++) {
        const single = await engineFor([rule], POSTS);
        const start = performance.now();
        for (const doc of docs) await single.check(doc);
        times.push((performance.now() - start) / docs.length);
      }
      perRule[rule.meta.id] = Math.min(...times);
    }
    const start = performance.now();
    for (const doc of docs) await engine.check(doc);
    const checkMs = performance.now() - start;
    const findings = (await engine.finish()).filter((f) => IDS.includes(f.ruleId));
    console.log(
      `${docs.length} posts: parse and prose view ${parseMs.toFixed(2)} ms per post; setup ${setupMs.toFixed(1)} ms (secretlint loaded once); these rules together ${(checkMs / docs.length).toFixed(2)} ms per post after parsing; ${Object.entries(
        perRule,
      )
        .map(([id, ms]) => `${id} ${ms.toFixed(2)} ms`)
        .join(
          ', ',
        )}; ${findings.length} findings${findings.map((f) => `\n  ${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`).join('')}`,
    );
    expect(docs.length).toBe(292);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
  });
});

interface Snapshot {
  dir: string;
  input: string;
  expected: boolean;
}

function snapshots(): Snapshot[] {
  const out: Snapshot[] = [];
  for (const pkg of readdirSync(SECRETLINT)) {
    const root = join(SECRETLINT, pkg, 'test', 'snapshots');
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root)) {
      const dir = join(root, name);
      if (!statSync(dir).isDirectory()) continue;
      const input = readdirSync(dir).find((f) => f.startsWith('input'));
      const output = join(dir, 'output.json');
      if (!input || !existsSync(output)) continue;
      const messages = (JSON.parse(readFileSync(output, 'utf8')) as { messages?: unknown[] }).messages ?? [];
      out.push({ dir, input: join(dir, input), expected: messages.length > 0 });
    }
  }
  return out;
}

describe.skipIf(!existsSync(SECRETLINT))("secretlint's test cases", () => {
  it('secrets/credential recall and false alarms, each input read as a post', async () => {
    const rule = allRules.find((r) => r.meta.id === 'secrets/credential') as Rule;
    const engine = await engineFor([rule], SECRETLINT);
    const cases = snapshots();
    const text = cases.map((c) => readFileSync(c.input));
    const textual = cases.filter((_, i) => !(text[i] as Buffer).includes(0));
    for (const c of textual) {
      const file = relative(SECRETLINT, c.input);
      await engine.check(new Document(file, c.input, readFileSync(c.input, 'utf8')));
    }
    const flagged = new Set(
      (await engine.finish()).filter((f) => f.ruleId === rule.meta.id).map((f) => f.file),
    );
    const recommended = new Set(
      [
        'aws',
        'gcp',
        'privatekey',
        'npm',
        'basicauth',
        'slack',
        'sendgrid',
        'shopify',
        'github',
        'openai',
        'anthropic',
        'linear',
        '1password',
        'database-connection-string',
        'filter-comments',
      ].map((n) => `secretlint-rule-${n}`),
    );
    const tally = (subset: Snapshot[]) => {
      const positives = subset.filter((c) => c.expected);
      const negatives = subset.filter((c) => !c.expected);
      const hit = positives.filter((c) => flagged.has(relative(SECRETLINT, c.input)));
      const alarms = negatives.filter((c) => flagged.has(relative(SECRETLINT, c.input)));
      return { positives, negatives, hit, alarms };
    };
    const inPreset = (c: Snapshot) => recommended.has(relative(SECRETLINT, c.dir).split('/')[0] ?? '');
    const all = tally(textual);
    const preset = tally(textual.filter(inPreset));
    const line = (name: string, t: ReturnType<typeof tally>) =>
      `${name}: recall ${t.hit.length}/${t.positives.length} (${((100 * t.hit.length) / Math.max(1, t.positives.length)).toFixed(1)}%), false alarms ${t.alarms.length}/${t.negatives.length}`;
    console.log(
      [
        `${cases.length} cases, ${cases.length - textual.length} binary inputs skipped`,
        line("rules in secretlint's recommended preset", preset),
        line('all rules (others are not in the preset)', all),
        ...all.alarms.map((c) => `  false alarm: ${relative(SECRETLINT, c.dir)}`),
        ...all.positives
          .filter((c) => !all.hit.includes(c))
          .map((c) => `  missed: ${relative(SECRETLINT, c.dir)}`),
      ].join('\n'),
    );
    expect(preset.hit.length).toBeGreaterThan(0);
  });
});
