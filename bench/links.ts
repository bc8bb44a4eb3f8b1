/**
 * Link-check benchmark: a generated site of 2,000 posts linking to 300 unique URLs on local
 * HTTPS servers that answer after 50 ms. Measures Content Gate's link check (wall time, requests
 * per unique URL, peak memory) and, on the same site, `linkinator --markdown` and
 * `markdown-link-check` when they are installed.
 *
 *   npm run bench:links                 # all three
 *   npm run bench:links -- --only content-gate
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../src/pipeline/run.js';
import { linksRules } from '../src/rules/links/index.js';
import { testCertificate } from '../test/helpers/tls.js';

const POSTS = 2000;
const UNIQUE_URLS = 300;
const HOSTS = 30;
const LINKS_PER_POST = 8;
const LATENCY_MS = 50;
const OUTSIDE_TOOL_LIMIT_MS = 1_200_000;

const repoRoot = resolve(import.meta.dirname, '..');

interface Measurement {
  tool: string;
  wallMs?: number;
  requests?: number;
  peakRssMb?: number;
  findings?: string;
  note?: string;
}

/** Local HTTPS servers, one per "host", counting requests per URL. */
interface Servers {
  urls: string[];
  counts: Map<string, number>;
  /** performance.now() of the first request and the last answer since the counts were reset. */
  span: { first: number; last: number };
  close: () => void;
}

async function startServers(cert: { key: string; cert: string }): Promise<Servers> {
  const counts = new Map<string, number>();
  const span = { first: 0, last: 0 };
  const servers: https.Server[] = [];
  for (let h = 0; h < HOSTS; h++) {
    const server = https.createServer({ key: cert.key, cert: cert.cert, keepAlive: true }, (req, res) => {
      const key = `${req.headers.host}${req.url}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const now = performance.now();
      if (span.first === 0) span.first = now;
      res.on('finish', () => {
        span.last = performance.now();
      });
      const body = '<html><body>ok</body></html>';
      // Content-Length lets HEAD answers keep the connection open, as real servers do.
      const headers = { 'content-type': 'text/html', 'content-length': String(body.length) };
      setTimeout(() => res.writeHead(200, headers).end(body), LATENCY_MS);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    servers.push(server);
  }
  const urls = Array.from({ length: UNIQUE_URLS }, (_, i) => {
    const port = ((servers[i % HOSTS] as https.Server).address() as AddressInfo).port;
    return `https://127.0.0.1:${port}/page/${i}`;
  });
  return {
    urls,
    counts,
    span,
    close: () => {
      for (const s of servers) {
        s.closeAllConnections();
        s.close();
      }
    },
  };
}

function generateSite(dir: string, urls: string[], caFile: string): void {
  mkdirSync(join(dir, 'posts'), { recursive: true });
  for (let p = 0; p < POSTS; p++) {
    const links = Array.from(
      { length: LINKS_PER_POST },
      (_, j) => urls[(p * LINKS_PER_POST + j) % urls.length],
    );
    const body = [
      '---',
      `title: "Post ${p}"`,
      '---',
      '',
      `# Post ${p}`,
      '',
      'The library hosts a reading hour every week. Bring a friend and a book.',
      '',
      ...links.map((url, j) => `- [Resource ${j}](${url})`),
      '',
    ].join('\n');
    writeFileSync(join(dir, 'posts', `post-${String(p).padStart(4, '0')}.md`), body);
  }
  writeFileSync(
    join(dir, '.content-gate.yml'),
    [
      'links:',
      '  allowPrivate: true',
      `  cacheFile: ${JSON.stringify(join(dir, '..', 'link-cache.json'))}`,
      'rules:',
      '  links/broken:',
      `    options: { caFile: ${JSON.stringify(caFile)} }`,
    ].join('\n'),
  );
}

/** Runs a command under /usr/bin/time for its peak memory; resolves with wall time and output. */
function timed(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
): Promise<{ wallMs: number; peakRssMb?: number; code: number | null; output: string; timedOut: boolean }> {
  const useTime = existsSync('/usr/bin/time');
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', 'MAXRSS_KB=%M', command, ...args]] : [command, args];
  return new Promise((done) => {
    const started = performance.now();
    // Its own process group, so a stop reaches the tool and not only /usr/bin/time.
    const child = spawn(cmd as string, argv as string[], {
      env: { ...process.env, ...env },
      cwd,
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, OUTSIDE_TOOL_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const kb = /MAXRSS_KB=(\d+)/.exec(output)?.[1];
      done({
        wallMs: performance.now() - started,
        peakRssMb: kb ? Number(kb) / 1024 : undefined,
        code,
        output,
        timedOut,
      });
    });
  });
}

function reset(servers: Servers): void {
  servers.counts.clear();
  servers.span.first = 0;
  servers.span.last = 0;
}

/** Seconds from the first request to the last answer: the tool's network phase. */
function networkSeconds(servers: Servers): string {
  return servers.span.first === 0
    ? 'no requests'
    : `${((servers.span.last - servers.span.first) / 1000).toFixed(2)} s`;
}

function total(counts: Map<string, number>): number {
  let sum = 0;
  for (const n of counts.values()) sum += n;
  return sum;
}

/** Child mode: one Content Gate run over the site, reporting its time and findings as JSON. */
async function child(site: string, offline: boolean): Promise<void> {
  const started = performance.now();
  const result = await run({ cwd: site, rules: linksRules, offline });
  const wallMs = performance.now() - started;
  process.stdout.write(
    `RESULT=${JSON.stringify({ wallMs, findings: result.findings.length, files: result.files.length })}\n`,
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === 'child') return child(args[1] as string, args[2] === 'offline');
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  const cert = testCertificate();
  if (!cert) throw new Error('openssl is needed to make the local HTTPS certificate');
  const servers = await startServers(cert);
  const work = mkdtempSync(join(tmpdir(), 'content-gate-bench-links-'));
  const site = join(work, 'site');
  generateSite(site, servers.urls, cert.certFile);
  const env = { NODE_EXTRA_CA_CERTS: cert.certFile };
  console.log(
    `site: ${POSTS} posts, ${POSTS * LINKS_PER_POST} links, ${UNIQUE_URLS} unique URLs on ${HOSTS} local hosts, ${LATENCY_MS} ms latency`,
  );
  const results: Measurement[] = [];
  const self = join(repoRoot, 'bench', 'links.ts');
  const node = process.execPath;

  if (!only || only === 'content-gate') {
    const offline = await timed(node, ['--import', 'tsx', self, 'child', site, 'offline'], {}, repoRoot);
    const offlineResult = JSON.parse(/RESULT=(.*)/.exec(offline.output)?.[1] ?? '{}') as { wallMs?: number };
    reset(servers);
    const online = await timed(node, ['--import', 'tsx', self, 'child', site, 'online'], {}, repoRoot);
    const onlineResult = JSON.parse(/RESULT=(.*)/.exec(online.output)?.[1] ?? '{}') as {
      wallMs?: number;
      findings?: number;
    };
    results.push({
      tool: 'content-gate (links rules, cold cache)',
      wallMs: onlineResult.wallMs,
      requests: total(servers.counts),
      peakRssMb: online.peakRssMb,
      findings: `${onlineResult.findings} findings`,
      note: `network phase (first request to last answer) ${networkSeconds(servers)}; the same run offline (parse, extract, local checks) took ${((offlineResult.wallMs ?? 0) / 1000).toFixed(2)} s`,
    });
    reset(servers);
    const warm = await timed(node, ['--import', 'tsx', self, 'child', site, 'online'], {}, repoRoot);
    const warmResult = JSON.parse(/RESULT=(.*)/.exec(warm.output)?.[1] ?? '{}') as {
      wallMs?: number;
      findings?: number;
    };
    results.push({
      tool: 'content-gate (warm cache)',
      wallMs: warmResult.wallMs,
      requests: total(servers.counts),
      peakRssMb: warm.peakRssMb,
      findings: `${warmResult.findings} findings`,
    });
  }

  if (!only || only === 'linkinator') {
    reset(servers);
    const cli = join(repoRoot, 'node_modules', 'linkinator', 'build', 'src', 'cli.js');
    const r = await timed(node, [cli, 'posts/**/*.md', '--markdown', '--format', 'json'], env, site);
    const broken = (r.output.match(/"state": "BROKEN"/g) ?? []).length;
    results.push({
      tool: 'linkinator --markdown (7.6.1)',
      wallMs: r.wallMs,
      requests: total(servers.counts),
      peakRssMb: r.peakRssMb,
      findings: `exit ${r.code}, ${broken} broken`,
      note: `network phase ${networkSeconds(servers)}${r.timedOut ? `; stopped after ${OUTSIDE_TOOL_LIMIT_MS / 1000} s` : ''}`,
    });
  }

  if (!only || only === 'markdown-link-check') {
    const cli = join(repoRoot, 'node_modules', 'markdown-link-check', 'markdown-link-check');
    if (existsSync(cli)) {
      reset(servers);
      const r = await timed(node, [cli, '-q', 'posts'], env, site);
      results.push({
        tool: 'markdown-link-check (3.15.0)',
        wallMs: r.wallMs,
        requests: total(servers.counts),
        peakRssMb: r.peakRssMb,
        findings: `exit ${r.code}`,
        note: `network phase ${networkSeconds(servers)}${r.timedOut ? `; stopped after ${OUTSIDE_TOOL_LIMIT_MS / 1000} s` : ''}`,
      });
    } else {
      results.push({ tool: 'markdown-link-check', note: 'not installed' });
    }
  }

  servers.close();
  rmSync(work, { recursive: true, force: true });
  console.log('');
  console.log('| tool | wall time | requests | requests per unique URL | peak RSS | result |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const m of results) {
    const perUrl = m.requests === undefined ? '' : (m.requests / UNIQUE_URLS).toFixed(2);
    console.log(
      `| ${m.tool} | ${m.wallMs === undefined ? '' : `${(m.wallMs / 1000).toFixed(2)} s`} | ${m.requests ?? ''} | ${perUrl} | ${m.peakRssMb === undefined ? '' : `${m.peakRssMb.toFixed(0)} MB`} | ${m.findings ?? ''} |`,
    );
  }
  for (const m of results) if (m.note) console.log(`- ${m.tool}: ${m.note}`);
}

await main();
