import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/rule.js';
import { run } from '../../src/pipeline/run.js';
import { allRules } from '../../src/rules/index.js';
import { findingsCacheEntry, stableJson } from '../../src/scale/findings-cache.js';
import { makeSite, sampleSite, writeFiles } from './site.js';

const cacheFile = '.content-gate/findings-cache.json';
const brief = (r: Awaited<ReturnType<typeof run>>) =>
  r.findings.map((f) => `${f.file} ${f.ruleId} ${f.line}:${f.column} ${f.severity} ${f.fingerprint}`);

describe('findings cache', () => {
  it('reuses findings of unchanged files and re-checks changed ones', async () => {
    const cwd = makeSite(sampleSite(6));
    const first = await run({ cwd, offline: true, cacheFile, jobs: 1 });
    expect(first.stats).toEqual({ workers: 0, cacheHits: 0, cacheMisses: 6 });
    expect(first.findings.map((f) => f.ruleId)).toContain('content/unused-suppression');

    const second = await run({ cwd, offline: true, cacheFile, jobs: 1 });
    expect(second.stats).toEqual({ workers: 0, cacheHits: 6, cacheMisses: 0 });
    expect(brief(second)).toEqual(brief(first));
    expect(second.report).toEqual(first.report);

    writeFiles(cwd, { 'posts/001-post.md': '# Post 1\n\nDRAFT: the new hours.\n' });
    const third = await run({ cwd, offline: true, cacheFile, jobs: 1 });
    expect(third.stats).toEqual({ workers: 0, cacheHits: 5, cacheMisses: 1 });
    expect(brief(third).filter((line) => line.startsWith('posts/001-post.md'))).toEqual([
      expect.stringMatching(/^posts\/001-post\.md confidential\/draft 3:1 error [0-9a-f]{32}$/),
    ]);
  });

  it('with the link rules on, a warm rescan parses no file and still reports every link', async () => {
    const cwd = makeSite({
      ...sampleSite(4),
      'posts/links.md':
        '# Links\n\nSee [hours](001-post.md#post-1), [gone](nowhere.md) and [a section](#nothing).\n',
    });
    const phases = new Set<string>();
    const first = await run({ cwd, offline: true, cacheFile, jobs: 1 });
    const second = await run({
      cwd,
      offline: true,
      cacheFile,
      jobs: 1,
      onTiming: (phase) => phases.add(phase),
    });
    expect(second.stats).toEqual({ workers: 0, cacheHits: 5, cacheMisses: 0 });
    expect(phases.has('parse')).toBe(false);
    expect(brief(second)).toEqual(brief(first));
    expect(brief(second).filter((line) => line.includes(' links/'))).toEqual([
      expect.stringMatching(/^posts\/links\.md links\/missing-file 3:41 error /),
      expect.stringMatching(/^posts\/links\.md links\/missing-anchor 3:69 error /),
    ]);
    // A target file that changes is read again; the links pointing at it are checked anew.
    writeFiles(cwd, { 'posts/001-post.md': '# Renamed\n\nStory time.\n' });
    const third = await run({ cwd, offline: true, cacheFile, jobs: 1 });
    expect(third.stats).toEqual({ workers: 0, cacheHits: 4, cacheMisses: 1 });
    expect(
      brief(third)
        .filter((line) => line.includes(' links/'))
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
    ).toEqual([
      'posts/links.md links/missing-anchor 3:13',
      'posts/links.md links/missing-file 3:41',
      'posts/links.md links/missing-anchor 3:69',
    ]);
  });

  it('starts afresh when the rules, their severities or the config change', async () => {
    const cwd = makeSite(sampleSite(4));
    await run({ cwd, offline: true, cacheFile });
    const off = await run({
      cwd,
      offline: true,
      cacheFile,
      ruleOverrides: { 'confidential/internal': 'off' },
    });
    expect(off.stats.cacheHits).toBe(0);
    expect(off.findings.some((f) => f.ruleId === 'confidential/internal')).toBe(false);
    writeFileSync(join(cwd, '.content-gate.yml'), 'rules:\n  confidential/draft: warning\n');
    const configured = await run({ cwd, offline: true, cacheFile });
    expect(configured.stats.cacheHits).toBe(0);
    expect(
      configured.findings.filter((f) => f.ruleId === 'confidential/draft').map((f) => f.severity),
    ).toEqual(['warning', 'warning']);
    const again = await run({ cwd, offline: true, cacheFile });
    expect(again.stats.cacheHits).toBe(4);
  });

  it('drops entries of deleted files and survives a damaged cache file', async () => {
    const cwd = makeSite(sampleSite(3));
    await run({ cwd, offline: true, cacheFile });
    rmSync(join(cwd, 'posts/002-post.md'));
    await run({ cwd, offline: true, cacheFile });
    const saved = JSON.parse(readFileSync(join(cwd, cacheFile), 'utf8'));
    expect(Object.keys(saved.files).sort()).toEqual(['posts/000-post.md', 'posts/001-post.md']);

    writeFileSync(join(cwd, cacheFile), '{"format": 1, "key": "x", "fil');
    const recovered = await run({ cwd, offline: true, cacheFile });
    expect(recovered.stats).toMatchObject({ cacheHits: 0, cacheMisses: 2 });
    expect(existsSync(join(cwd, cacheFile))).toBe(true);
  });

  it('keeps entries of files outside this run (another shard, or --changed-since)', async () => {
    const cwd = makeSite(sampleSite(4));
    await run({ cwd, offline: true, cacheFile, paths: ['posts/000-post.md'] });
    await run({ cwd, offline: true, cacheFile, paths: ['posts/001-post.md'] });
    const saved = JSON.parse(readFileSync(join(cwd, cacheFile), 'utf8'));
    expect(Object.keys(saved.files).sort()).toEqual(['posts/000-post.md', 'posts/001-post.md']);
  });

  it('still gives site-wide rules every file on a cache hit, through collect or in-process', async () => {
    const headings: Rule = {
      meta: meta('test/collected-headings'),
      check() {},
      collect: (doc) => doc.nodes('heading').map((n) => n.position?.start.offset ?? 0),
      finish(ctx) {
        for (const [file, offsets] of ctx.collected) {
          for (const offset of offsets as number[])
            ctx.report(file, { start: offset, end: offset + 1, message: 'h' });
        }
      },
    };
    const stateful: Rule<{ files: string[] }> = {
      meta: meta('test/stateful-site'),
      setup: () => ({ files: [] }),
      check(doc, ctx) {
        ctx.state.files.push(doc.file);
      },
      finish(ctx) {
        for (const file of ctx.state.files) ctx.report(file, { document: true, message: 'seen' });
      },
    };
    const rules = [...allRules, headings, stateful as Rule];
    const cwd = makeSite(sampleSite(3));
    const ids = (r: Awaited<ReturnType<typeof run>>) =>
      r.findings.filter((f) => f.ruleId.startsWith('test/')).map((f) => `${f.file} ${f.ruleId} ${f.line}`);
    const first = await run({ cwd, offline: true, cacheFile, rules });
    const second = await run({ cwd, offline: true, cacheFile, rules });
    expect(second.stats.cacheHits).toBe(3);
    expect(ids(first)).toHaveLength(6);
    expect(ids(second)).toEqual(ids(first));
  });

  it('gives the action a unique key and a prefix that restores the newest earlier cache', () => {
    const entry = findingsCacheEntry({
      file: cacheFile,
      version: '1.2.3',
      scope: 'main-shard-2',
      runId: '77-1',
    });
    expect(entry).toEqual({
      paths: [cacheFile],
      key: 'content-gate-findings-1.2.3-main-shard-2-77-1',
      restoreKeys: ['content-gate-findings-1.2.3-main-shard-2-'],
    });
  });

  it('hashes configs independently of key order', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(stableJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    expect(stableJson({ a: 1 })).not.toBe(stableJson({ a: 2 }));
  });
});

function meta(id: string) {
  return { id, policy: 'Test', clause: 'Test.', defaultSeverity: 'notice' as const, description: 'Test.' };
}
