import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CacheData } from '../../src/links/cache.js';
import { run } from '../../src/pipeline/run.js';
import { linksRules } from '../../src/rules/links/index.js';
import { LinkServer, ok, status } from '../helpers/link-server.js';

let toggleWorks = false;
const server = new LinkServer({
  '/ok': ok(),
  '/404': status(404),
  '/toggle': (_req, res) => {
    res.writeHead(toggleWorks ? 200 : 503).end();
  },
});

let site = '';
const cacheFile = () => join(site, '.content-gate', 'link-cache.json');
const readCache = () => JSON.parse(readFileSync(cacheFile(), 'utf8')) as CacheData;
const HOUR = 3_600_000;

beforeAll(async () => {
  await server.start();
});
afterAll(() => server.close());

beforeEach(() => {
  toggleWorks = false;
  server.reset();
  site = mkdtempSync(join(tmpdir(), 'content-gate-site-'));
  writeFileSync(
    join(site, '.content-gate.yml'),
    [
      'links:',
      '  allowPrivate: true',
      '  retries: 0',
      '  timeout: 1000',
      'rules:',
      '  links/broken:',
      '    options: { retryBackoffMs: 10 }',
    ].join('\n'),
  );
  writeFileSync(
    join(site, 'post.md'),
    `# Post\n\n[ok](${server.url('/ok')}) [gone](${server.url('/404')}) [flaky](${server.url('/toggle')})\n`,
  );
});

const check = (mode: 'check' | 'link-rot' = 'check') => run({ cwd: site, mode, rules: linksRules });
const brokenLines = (findings: { ruleId: string; line: number; column: number }[]) =>
  findings.filter((f) => f.ruleId === 'links/broken').map((f) => `${f.line}:${f.column}`);

/** `3:column` of a path's link in the post. */
const position = (path: string) => {
  const line = readFileSync(join(site, 'post.md'), 'utf8').split('\n')[2] ?? '';
  return `3:${line.indexOf(server.url(path)) + 1}`;
};
const gone = () => position('/404');
const flaky = () => position('/toggle');

/** Moves every time in the cache back, as if the last run happened `hours` ago. */
function age(hours: number): void {
  const data = readCache();
  for (const entry of Object.values(data.entries)) {
    entry.result.checkedAt -= hours * HOUR;
    const h = entry.history;
    if (h?.firstFailure) h.firstFailure -= hours * HOUR;
    if (h?.lastFailure) h.lastFailure -= hours * HOUR;
    if (h?.lastCounted) h.lastCounted -= hours * HOUR;
  }
  for (const scan of data.scans) scan.at -= hours * HOUR;
  writeFileSync(cacheFile(), JSON.stringify(data));
}

describe('the link cache', () => {
  it('reuses results within the TTL, rechecks failures after an hour and working links after a day', async () => {
    const first = await check();
    expect(brokenLines(first.findings)).toEqual([gone(), flaky()]);
    expect([server.requests('/ok'), server.requests('/404'), server.requests('/toggle')]).toEqual([1, 1, 1]);

    server.reset();
    const second = await check();
    expect(brokenLines(second.findings)).toEqual([gone(), flaky()]);
    expect(server.counts.size).toBe(0);

    age(2);
    server.reset();
    await check();
    expect([server.requests('/ok'), server.requests('/404'), server.requests('/toggle')]).toEqual([0, 1, 1]);

    age(25);
    server.reset();
    await check();
    expect([server.requests('/ok'), server.requests('/404'), server.requests('/toggle')]).toEqual([1, 1, 1]);
  });

  it('ignores a damaged cache with a warning and replaces it', async () => {
    mkdirSync(join(site, '.content-gate'), { recursive: true });
    writeFileSync(cacheFile(), '{"format": "content-gate-link-cache", "entr');
    const result = await check();
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^The link cache \.content-gate\/link-cache\.json is damaged \(.+\); every link is checked afresh and the file is rewritten\.$/,
      ),
    ]);
    expect(brokenLines(result.findings)).toEqual([gone(), flaky()]);
    expect(Object.keys(readCache().entries)).toHaveLength(3);
  });

  it('leaves a file that is not its cache alone', async () => {
    mkdirSync(join(site, '.content-gate'), { recursive: true });
    writeFileSync(cacheFile(), '{"name": "someone-elses-data"}');
    const result = await check();
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      '.content-gate/link-cache.json is not a Content Gate link cache, so it is not used or overwritten. Point "links.cacheFile" at a file of its own.',
    ]);
    expect(readFileSync(cacheFile(), 'utf8')).toBe('{"name": "someone-elses-data"}');
  });
});

describe('link-rot scans', () => {
  it('reports a link only after rotAfter failing scans at least rotMinHours apart', async () => {
    const scan1 = await check('link-rot');
    expect(brokenLines(scan1.findings)).toEqual([]);
    expect(readCache().entries[server.url('/404')]?.history?.consecutive).toBe(1);

    // A second scan the same night ignores the TTL (everything is asked again) but counts nothing.
    server.reset();
    const scan2 = await check('link-rot');
    expect(brokenLines(scan2.findings)).toEqual([]);
    expect([server.requests('/ok'), server.requests('/404'), server.requests('/toggle')]).toEqual([1, 1, 1]);
    expect(readCache().entries[server.url('/404')]?.history?.consecutive).toBe(1);

    age(21);
    toggleWorks = true;
    const scan3 = await check('link-rot');
    expect(brokenLines(scan3.findings)).toEqual([gone()]);
    expect(scan3.findings[0]?.message).toMatch(/failed in 2 scans since \d{4}-\d\d-\d\d \(404 Not Found\)/);
    const cache = readCache();
    expect(cache.entries[server.url('/toggle')]?.history).toEqual({ consecutive: 0 });
    expect(cache.scans.map((s) => [s.checked, s.failing, s.rotten])).toEqual([
      [3, 2, 0],
      [3, 2, 0],
      [3, 1, 1],
    ]);
  });
});
