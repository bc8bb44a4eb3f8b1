import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { inShard } from '../../src/core/discover.js';
import { run } from '../../src/pipeline/run.js';
import { makeSite, sampleSite, writeFiles } from './site.js';

function cli(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  return main(args, {
    cwd,
    env: {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  }).then((code) => ({ code, stdout, stderr }));
}

const paths = (n: number, prefix = 'posts') => Array.from({ length: n }, (_, i) => `${prefix}/${i}-post.md`);

describe('--shard i/n', () => {
  it('puts every file in exactly one shard', () => {
    for (const file of paths(500)) {
      expect([1, 2, 3, 4].filter((i) => inShard(file, i, 4))).toHaveLength(1);
    }
  });

  it('splits evenly enough by path hash', () => {
    const sizes = [1, 2, 3, 4].map((i) => paths(2000).filter((f) => inShard(f, i, 4)).length);
    for (const size of sizes) expect(size).toBeGreaterThan(400);
    expect(sizes.reduce((a, b) => a + b)).toBe(2000);
  });

  it('keeps each file in its shard when files are added, and does not depend on the other files', () => {
    const before = paths(300).map((f) => [1, 2, 3, 4].find((i) => inShard(f, i, 4)));
    const after = [...paths(300), ...paths(200, 'wiki')].map((f) =>
      [1, 2, 3, 4].find((i) => inShard(f, i, 4)),
    );
    expect(after.slice(0, 300)).toEqual(before);
  });

  it('runs only the shard’s files, and an empty shard is not an error', async () => {
    const cwd = makeSite(sampleSite(9));
    const all = await run({ cwd, offline: true });
    const shards = await Promise.all(
      [1, 2, 3].map((index) => run({ cwd, offline: true, shard: { index, count: 3 } })),
    );
    expect(shards.flatMap((s) => s.files).sort()).toEqual(all.files);
    expect(shards.map((s) => s.files.length).every((n) => n < all.files.length)).toBe(true);
    const lone = makeSite({ 'one.md': '# One\n' });
    const owner = [1, 2].find((i) => inShard('one.md', i, 2)) as number;
    const empty = await cli(lone, ['check', '--shard', `${3 - owner}/2`, '--format', 'json']);
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout).summary).toEqual({ files: 0, errors: 0, warnings: 0, notices: 0 });
  });

  it('refuses a malformed shard', async () => {
    const cwd = makeSite({ 'a.md': '# A\n' });
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1-2']) {
      const result = await cli(cwd, ['check', '--shard', bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--shard');
    }
  });
});

describe('content-gate merge', () => {
  it('combines shard reports into the report of one run over all files', async () => {
    const cwd = makeSite(sampleSite(12));
    // Code-unit order (a single run's) and locale order differ for these two.
    writeFiles(cwd, { 'posts/B-upper.md': '# B\n\nTODO: b.\n', 'posts/a-lower.md': '# a\n\nTODO: a.\n' });
    const whole = await cli(cwd, ['check', '--format', 'json', '--offline']);
    expect(whole.code).toBe(1);
    for (const i of [1, 2, 3, 4]) {
      const shard = await cli(cwd, [
        'check',
        '--format',
        'json',
        '--offline',
        '--shard',
        `${i}/4`,
        '--output',
        `report-${i}.json`,
      ]);
      expect([0, 1]).toContain(shard.code);
    }
    const reports = [1, 2, 3, 4].map((i) => `report-${i}.json`);
    const merged = await cli(cwd, ['merge', ...reports]);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toBe(whole.stdout);

    // A report given twice (a retried shard) counts once.
    const twice = await cli(cwd, ['merge', ...reports, 'report-2.json']);
    expect(twice.stdout).toBe(whole.stdout);
  });

  it('gives the same SARIF fingerprints and annotations as one run', async () => {
    const cwd = makeSite(sampleSite(8));
    writeFiles(cwd, { 'posts/dup.md': '# Dup\n\nTODO one.\n\nTODO one.\n' });
    const sarif = await cli(cwd, ['check', '--format', 'sarif', '--offline']);
    for (const i of [1, 2])
      await cli(cwd, [
        'check',
        '--format',
        'json',
        '--offline',
        '--shard',
        `${i}/2`,
        '--output',
        `r${i}.json`,
      ]);
    const mergedSarif = await cli(cwd, ['merge', 'r1.json', 'r2.json', '--format', 'sarif']);
    const prints = (text: string) =>
      JSON.parse(text).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints,
      );
    expect(prints(mergedSarif.stdout)).toEqual(prints(sarif.stdout));
    const annotations = await cli(cwd, ['check', '--format', 'github', '--offline']);
    const mergedAnnotations = await cli(cwd, ['merge', 'r1.json', 'r2.json', '--format', 'github']);
    expect(mergedAnnotations.stdout).toBe(annotations.stdout);
  });

  it('applies --fail-on to the merged findings and writes --output', async () => {
    const cwd = makeSite(sampleSite(3));
    await cli(cwd, ['check', '--format', 'json', '--offline', '--output', 'r.json']);
    expect((await cli(cwd, ['merge', 'r.json', '--fail-on', 'never'])).code).toBe(0);
    const written = await cli(cwd, ['merge', 'r.json', '--output', 'merged/all.json']);
    expect(written.code).toBe(1);
    expect(JSON.parse(readFileSync(join(cwd, 'merged/all.json'), 'utf8')).summary.files).toBe(3);
  });

  it('refuses what is not a Content Gate report, with exit 2', async () => {
    const cwd = makeSite({});
    writeFileSync(join(cwd, 'not-json.json'), '{');
    writeFileSync(join(cwd, 'other.json'), '{"tool": {"name": "eslint"}, "files": [], "findings": []}');
    for (const args of [
      ['merge'],
      ['merge', 'missing.json'],
      ['merge', 'not-json.json'],
      ['merge', 'other.json'],
    ]) {
      const result = await cli(cwd, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^content-gate: merge|is not a Content Gate JSON report/);
    }
  });
});
