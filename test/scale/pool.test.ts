import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Document } from '../../src/core/document.js';
import { Engine, type FileResult } from '../../src/core/engine.js';
import type { Rule, RunContext } from '../../src/core/rule.js';
import { run } from '../../src/pipeline/run.js';
import { POOL_THRESHOLD, workerCount } from '../../src/scale/pool.js';
import { makeSite, sampleSite } from './site.js';

describe('worker pool', () => {
  it('gives exactly the findings of a single-thread run', async () => {
    const cwd = makeSite(sampleSite(40));
    const single = await run({ cwd, offline: true, jobs: 1 });
    const pooled = await run({ cwd, offline: true, jobs: 2 });
    expect(single.stats.workers).toBe(0);
    expect(pooled.stats.workers).toBe(2);
    expect(pooled.findings).toEqual(single.findings);
    expect(pooled.report).toEqual(single.report);
    expect(pooled.findings.length).toBeGreaterThan(20);
  });

  it('fills the findings cache from workers, and a rescan needs no worker', async () => {
    const cwd = makeSite(sampleSite(12));
    const cacheFile = 'cache.json';
    const cold = await run({ cwd, offline: true, jobs: 2, cacheFile });
    expect(cold.stats).toEqual({ workers: 2, cacheHits: 0, cacheMisses: 12 });
    const warm = await run({ cwd, offline: true, jobs: 2, cacheFile });
    expect(warm.stats).toEqual({ workers: 0, cacheHits: 12, cacheMisses: 0 });
    expect(warm.findings).toEqual(cold.findings);
  });

  it('starts workers only when asked, and with auto only for enough files', () => {
    expect(workerCount(10_000, undefined)).toBe(0);
    expect(workerCount(POOL_THRESHOLD - 1, 'auto')).toBe(0);
    expect(workerCount(POOL_THRESHOLD, 'auto')).toBe(
      availableParallelism() >= 2 ? Math.min(availableParallelism(), 8) : 0,
    );
    expect(workerCount(5, 1)).toBe(0);
    expect(workerCount(5, 3)).toBe(3);
    expect(workerCount(2, 3)).toBe(2);
    expect(workerCount(0, 2)).toBe(0);
  });
});

describe('file results as plain data', () => {
  it('carry findings, suppressions and collected site data from one engine to another', async () => {
    const siteRule: Rule = {
      meta: { id: 'test/site', policy: 'T', clause: 'T.', defaultSeverity: 'warning', description: 'T.' },
      check(doc, ctx) {
        ctx.report({ start: 0, end: 3, message: 'per file' });
        const todo = doc.source.indexOf('TODO');
        ctx.report({ start: todo, end: todo + 4, message: 'suppressed' });
      },
      collect: (doc) => ({ length: doc.source.length }),
      finish(ctx) {
        for (const [file, data] of ctx.collected) {
          ctx.report(file, { start: 1, end: 2, message: `length ${(data as { length: number }).length}` });
        }
      },
    };
    const text = '# Title\n\n<!-- content-gate-disable-next-line test/site -->\nTODO: later.\n';
    const worker = engineWith([siteRule]);
    await worker.setup();
    await worker.check(new Document('a.md', '/a.md', text), undefined, 'portable');
    const result = JSON.parse(JSON.stringify(worker.take('a.md'))) as FileResult;
    expect(worker.take('a.md')).toBeUndefined();

    const main = engineWith([siteRule]);
    await main.setup();
    main.adopt(result, text);
    const findings = await main.finish();
    expect(findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`)).toEqual([
      'test/site 1:1 per file (Policy: T)',
      `test/site 1:2 length ${text.length} (Policy: T)`,
    ]);
  });
});

function engineWith(rules: Rule[]): Engine {
  const run: RunContext = {
    config: {} as RunContext['config'],
    cwd: '/',
    offline: true,
    mode: 'check',
    files: ['a.md'],
    options: () => undefined,
    isEnabled: () => true,
    warn: () => {},
  };
  return new Engine({ rules, run, severities: { cli: {}, config: {} } });
}

describe('the bundled CLI', () => {
  // The bundle the global setup built for this test run, as npm run build builds dist/.
  const out = inject('actionDist');

  it('runs its worker threads from the bundle', { timeout: 120_000 }, () => {
    const cwd = makeSite(sampleSite(30));
    const check = (jobs: string) =>
      spawnSync(
        process.execPath,
        [join(out, 'cli.js'), 'check', '--offline', '--format', 'json', '--jobs', jobs],
        {
          cwd,
          encoding: 'utf8',
        },
      );
    const single = check('1');
    const pooled = check('2');
    expect(pooled.stderr).toBe('');
    expect(pooled.status).toBe(1);
    expect(pooled.stdout).toBe(single.stdout);
    expect(JSON.parse(pooled.stdout).summary.errors).toBeGreaterThan(10);
  });
});
