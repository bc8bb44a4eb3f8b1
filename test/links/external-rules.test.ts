import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/core/config.js';
import type { EngineFinding } from '../../src/core/types.js';
import { delayed, firstThen, LinkServer, ok, redirect, status } from '../helpers/link-server.js';
import { checkMarkdown } from '../helpers/rule-tester.js';
import { testCertificate } from '../helpers/tls.js';

const certificate = testCertificate();

/** Every scenario of the issue, served on 127.0.0.1. */
const server = new LinkServer(
  {
    '/ok': ok(),
    '/404': status(404),
    '/410': status(410),
    '/flaky': firstThen(1, status(500), ok()),
    '/always500': status(500),
    '/moved301': redirect(301, '/ok'),
    '/chain308': redirect(308, '/chain301'),
    '/chain301': redirect(301, '/final'),
    '/final': ok(),
    '/temp302': redirect(302, '/ok'),
    '/loop-a': redirect(302, '/loop-b'),
    '/loop-b': redirect(302, '/loop-a'),
    '/rate429': firstThen(1, status(429, { 'retry-after': '1' }), ok()),
    '/slow': delayed(1500, ok()),
    '/head405': (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    },
    '/linkedin': status(999),
    '/challenge': status(403, { 'cf-mitigated': 'challenge' }),
    '/secure/page': ok(),
    '/upgrade': (_req, res, s) => {
      res.writeHead(301, { location: s.url('/secure/page', 'https') }).end();
    },
  },
  certificate,
);

let cacheDir = '';

beforeAll(async () => {
  await server.start();
});
afterAll(() => server.close());

function config(extra: Partial<NonNullable<ConfigInput['links']>> = {}): ConfigInput {
  cacheDir = mkdtempSync(join(tmpdir(), 'content-gate-links-'));
  return {
    links: {
      allowPrivate: true,
      timeout: 500,
      retries: 2,
      cacheFile: join(cacheDir, 'cache.json'),
      ...extra,
    },
    rules: {
      'links/broken': {
        // The certificate lives in the checked folder: a file outside the repository is not read.
        options: {
          retryBackoffMs: 20,
          ...(certificate ? { caFile: inRepository(certificate.certFile) } : {}),
        },
      },
    },
  };
}

function inRepository(file: string): string {
  const copy = join(cacheDir, 'ca.pem');
  copyFileSync(file, copy);
  return copy;
}

/** `file line:col rule severity` of the first occurrence of `needle` in a file's text. */
function at(
  files: Record<string, string>,
  file: string,
  needle: string,
  rule: string,
  severity = 'error',
): string {
  const text = files[file] as string;
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, offset).split('\n');
  return `${file} ${before.length}:${(before[before.length - 1] as string).length + 1} ${rule} ${severity}`;
}

function described(findings: readonly EngineFinding[]): string[] {
  return findings
    .filter((f) => f.category === 'links')
    .map((f) => `${f.file} ${f.line}:${f.column} ${f.ruleId} ${f.severity}`)
    .sort();
}

describe('external links against a local server', () => {
  const u = (path: string) => server.url(path);
  let files: Record<string, string>;
  let findings: EngineFinding[];

  beforeAll(async () => {
    files = {
      'a.md': [
        `# Post A`,
        ``,
        `[ok](${u('/ok')}) and [ok again](${u('/ok')}#intro), [gone](${u('/404')}), [removed](${u('/410')}).`,
        `[flaky](${u('/flaky')}) [down](${u('/always500')}) [moved](${u('/moved301')}#intro) [chain](${u('/chain308')})`,
        `[temporary](${u('/temp302')}) [loop](${u('/loop-a')}) [busy](${u('/rate429')}) [slow](${u('/slow')})`,
        `[head](${u('/head405')}) [linkedin](${u('/linkedin')}) [challenge](${u('/challenge')})`,
        `[plain](${u('/secure/page')}) [upgrading](${u('/upgrade')})`,
      ].join('\n'),
      'b.md': [
        `# Post B`,
        ``,
        `The [same page](${u('/ok')}) and the [same error](${u('/404')}) and <${u('/moved301')}>.`,
        ``,
        `<a href="${u('/410')}">removed</a> [mail](mailto:desk@library) [call](tel:call-us)`,
        ``,
        `[ref]: ${u('/flaky')}`,
      ].join('\n'),
    };
    server.reset();
    findings = await checkMarkdown(files, { config: config(), offline: false, cwd: cacheDir });
  }, 30_000);

  it('reports exactly the failing, moved and insecure links, where they are written', () => {
    const expected = [
      at(files, 'a.md', u('/404'), 'links/broken'),
      at(files, 'a.md', u('/410'), 'links/broken'),
      at(files, 'a.md', u('/always500'), 'links/broken'),
      at(files, 'a.md', u('/moved301'), 'links/redirect', 'warning'),
      at(files, 'a.md', u('/chain308'), 'links/redirect', 'warning'),
      at(files, 'a.md', u('/loop-a'), 'links/broken'),
      at(files, 'a.md', u('/slow'), 'links/broken'),
      at(files, 'a.md', u('/linkedin'), 'links/broken', 'warning'),
      at(files, 'a.md', u('/challenge'), 'links/broken', 'warning'),
      at(files, 'a.md', u('/secure/page'), 'links/insecure', 'warning'),
      at(files, 'a.md', u('/upgrade'), 'links/redirect', 'warning'),
      at(files, 'b.md', u('/404'), 'links/broken'),
      at(files, 'b.md', u('/moved301'), 'links/redirect', 'warning'),
      at(files, 'b.md', u('/410'), 'links/broken'),
      at(files, 'b.md', 'mailto:desk@library', 'links/broken'),
      at(files, 'b.md', 'tel:call-us', 'links/broken'),
    ];
    if (!certificate)
      expected.splice(expected.indexOf(at(files, 'a.md', u('/secure/page'), 'links/insecure', 'warning')), 1);
    expect(described(findings)).toEqual(expected.sort());
  });

  it('requests each unique URL once, plus only the retries and fallbacks a scenario calls for', () => {
    const counts = Object.fromEntries(
      [
        '/ok',
        '/404',
        '/410',
        '/flaky',
        '/always500',
        '/moved301',
        '/chain308',
        '/chain301',
        '/final',
        '/temp302',
        '/loop-a',
        '/loop-b',
        '/rate429',
        '/slow',
        '/head405',
        '/linkedin',
        '/challenge',
        '/secure/page',
        '/upgrade',
      ].map((path) => [path, server.requests(path)]),
    );
    expect(counts).toEqual({
      '/ok': 1, // three links in two files, a redirect and a 302 lead there: still one request
      '/404': 1, // HEAD's 404 is believed
      '/410': 1,
      '/flaky': 2, // 500, then the retry succeeds
      '/always500': 3, // first try and two retries
      '/moved301': 1,
      '/chain308': 1,
      '/chain301': 1,
      '/final': 1,
      '/temp302': 1,
      '/loop-a': 1, // the loop is seen before asking again
      '/loop-b': 1,
      '/rate429': 2, // 429, then the request after Retry-After
      '/slow': 3, // timed out three times
      '/head405': 2, // HEAD refused, then GET
      '/linkedin': 2, // HEAD then GET, both 999
      '/challenge': 2,
      '/secure/page': 1,
      '/upgrade': 1,
    });
    if (certificate) expect(server.requests('/secure/page', 'https')).toBe(1);
  });

  it('waits for Retry-After before asking again', () => {
    const times = server.log.filter((r) => r.path === '/rate429' && r.protocol === 'http').map((r) => r.at);
    expect(times).toHaveLength(2);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(950);
  });

  it('says why a link fails, in words, and suggests the new address', () => {
    const lines = files['a.md']?.split('\n') ?? [];
    const byPath = (path: string, rule: string) =>
      findings.find(
        (f) =>
          f.ruleId === rule &&
          f.file === 'a.md' &&
          /^[)#]/.test(lines[f.line - 1]?.slice(f.column - 1).replace(u(path), '') ?? ''),
      );
    expect(byPath('/404', 'links/broken')?.message).toMatch(/^This link does not work: 404 Not Found\./);
    expect(byPath('/410', 'links/broken')?.message).toMatch(/410 Gone/);
    expect(byPath('/always500', 'links/broken')?.message).toMatch(/500 Internal Server Error/);
    expect(byPath('/loop-a', 'links/broken')?.message).toMatch(/redirects in a loop/);
    expect(byPath('/slow', 'links/broken')?.message).toMatch(/did not answer in time/);
    expect(byPath('/linkedin', 'links/broken')?.message).toMatch(/999/);
    expect(byPath('/challenge', 'links/broken')?.message).toMatch(/bot challenge/);
    expect(byPath('/moved301', 'links/redirect')?.suggestions).toEqual([`${u('/ok')}#intro`]);
    expect(byPath('/chain308', 'links/redirect')?.suggestions).toEqual([u('/final')]);
    expect(byPath('/upgrade', 'links/redirect')?.suggestions).toEqual([server.url('/secure/page', 'https')]);
    if (certificate) {
      expect(byPath('/secure/page', 'links/insecure')?.suggestions).toEqual([
        server.url('/secure/page', 'https'),
      ]);
    }
    // Same-site moves and https upgrades are safe for --fix; the fix replaces just the address.
    expect(byPath('/moved301', 'links/redirect')?.fix).toMatchObject({
      safe: true,
      text: `${u('/ok')}#intro`,
    });
    if (certificate) {
      const insecure = byPath('/secure/page', 'links/insecure');
      expect(insecure?.fix).toMatchObject({ safe: true, text: server.url('/secure/page', 'https') });
      expect(files['a.md']?.slice(insecure?.fix?.start, insecure?.fix?.end)).toBe(u('/secure/page'));
    }
    const mail = findings.find((f) => f.message.includes('email link'));
    expect(mail?.message).toMatch(/"desk@library" is not valid/);
  });
});

describe('offline runs and skipped links', () => {
  it('sends nothing with --offline and for links.skip patterns', async () => {
    const files = {
      'c.md': `[a](${server.url('/404')}) [b](${server.url('/410')}) [c](${server.url('/always500')})`,
    };
    server.reset();
    const offline = await checkMarkdown(files, { config: config(), offline: true, cwd: cacheDir });
    expect(described(offline)).toEqual([]);
    const skipped = await checkMarkdown(files, {
      config: config({ skip: ['/404$/', '*/410', 'always500'] }),
      offline: false,
      cwd: cacheDir,
    });
    expect(described(skipped)).toEqual([]);
    expect(server.counts.size).toBe(0);
  });

  it('refuses private addresses unless links.allowPrivate is set', async () => {
    const files = { 'd.md': `[local](${server.url('/ok')})` };
    server.reset();
    const findings = await checkMarkdown(files, {
      config: config({ allowPrivate: false }),
      offline: false,
      cwd: cacheDir,
    });
    expect(described(findings)).toEqual(['d.md 1:9 links/broken warning']);
    expect(findings.find((f) => f.ruleId === 'links/broken')?.message).toMatch(
      /private or local network address/,
    );
    expect(server.counts.size).toBe(0);
  });
});
