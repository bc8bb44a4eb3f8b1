// `npm run bench [-- --sizes 200,2000 --grammar-sizes 200 --no-phases]`
// Generates deterministic sites, runs the bundled CLI on them offline as a cold child process
// (whole-run numbers) and the pipeline in-process with timing hooks (per-phase numbers), next to a
// parse-only pass as the floor, and writes bench/results.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { knownRuleIds } from '../src/pipeline/run.js';
import { allRules } from '../src/rules/index.js';
import { generateSite, post } from './generate.js';

const root = join(import.meta.dirname, '..');
const bench = join(root, 'bench');
const dist = join(bench, '.dist');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '200,2000,10000' },
    'grammar-sizes': { type: 'string' },
    'no-phases': { type: 'boolean', default: false },
    output: { type: 'string', default: join(bench, 'results.json') },
    repeat: { type: 'string', default: '1' },
  },
});
/** Each run is repeated and the fastest kept: other work on a shared machine only ever adds time. */
const repeat = Math.max(1, Number(values.repeat));
const sizes = values.sizes.split(',').map(Number);
const hasGrammar = allRules.some((rule) => rule.meta.id.startsWith('grammar/'));
const grammarSizes = hasGrammar
  ? (values['grammar-sizes']?.split(',').map(Number) ?? sizes.filter((n) => n <= 2000))
  : [];

interface Measured {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** One-minute load average when the run ended: other work on the machine slows wall time. */
  load: number;
  exitCode: number | null;
}

/** Runs `node [preload] script args` in `cwd` as a cold process; wall time, CPU time and peak RSS. */
function measure(
  script: string,
  args: string[],
  cwd: string,
  okCodes = [0, 1],
  before?: () => void,
): Measured & { stdout: string } {
  let best: (Measured & { stdout: string }) | undefined;
  for (let i = 0; i < repeat; i++) {
    before?.();
    const m = measureOnce(script, args, cwd, okCodes);
    if (!best || m.wallMs < best.wallMs) best = m;
  }
  return best as Measured & { stdout: string };
}

function measureOnce(
  script: string,
  args: string[],
  cwd: string,
  okCodes: number[],
): Measured & { stdout: string } {
  const usageFile = join(tmpdir(), `content-gate-bench-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', join(bench, 'usage.mjs'), script, ...args], {
    cwd,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile, FORCE_COLOR: '0' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  if (!okCodes.includes(child.status ?? -1)) {
    throw new Error(`${script} ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuMs: number; maxRssKb: number };
  return {
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(usage.cpuMs),
    maxRssMb: Math.round(usage.maxRssKb / 1024),
    load: Number(loadavg()[0]?.toFixed(2)),
    exitCode: child.status,
    stdout: child.stdout,
  };
}

/** The site of `count` posts, generated once and reused while the generator is unchanged. */
function site(count: number): { dir: string; bytes: number } {
  const dir = join(bench, 'sites', `posts-${count}`);
  const stamp = join(dir, '.generated.json');
  const generator = readFileSync(join(bench, 'generate.ts'), 'utf8');
  const expected = JSON.stringify({ count, generator: generator.length, sample: post(7).text.length });
  if (existsSync(stamp)) {
    const saved = JSON.parse(readFileSync(stamp, 'utf8'));
    if (saved.key === expected) return { dir, bytes: saved.bytes };
  }
  const generated = generateSite(dir, count);
  writeFileSync(stamp, JSON.stringify({ key: expected, bytes: generated.bytes }));
  return { dir, bytes: generated.bytes };
}

async function bundle(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {
    cwd: root,
    env: { ...process.env, CONTENT_GATE_OUT_DIR: 'bench/.dist' },
    stdio: 'inherit',
  });
  await build({
    entryPoints: { 'parse-only': join(bench, 'parse-only.ts') },
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
    },
  });
}

const cli = () => join(dist, 'cli.js');
/** Turns grammar off where it exists (the "all rules but grammar" targets). */
const noGrammar = hasGrammar ? ['--rule', 'grammar=off'] : [];
const checkArgs = (extra: string[]) => [
  'check',
  '--offline',
  '--format',
  'json',
  '--output',
  'report.json',
  ...extra,
];

function phases(
  dir: string,
  extra: string[],
): { total: number; phases: Record<string, number>; workers: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(bench, 'phases.ts'), dir, '1', ...extra],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const parsed = JSON.parse(out.trim().split('\n').pop() as string);
  const rounded = Object.fromEntries(
    Object.entries(parsed.phases as Record<string, number>).map(([k, v]) => [k, Math.round(v)]),
  );
  return { total: Math.round(parsed.total), phases: rounded, workers: parsed.workers };
}

const results: Record<string, unknown> = {};

interface Floor {
  wallMs: number;
  cpuMs: number;
}

function record(size: number, run: string, m: Measured, floor: Floor | undefined, bytes: number) {
  const seconds = m.wallMs / 1000;
  const line = [
    String(size).padStart(6),
    run.padEnd(34),
    `${seconds.toFixed(2)} s`.padStart(10),
    `${(m.cpuMs / 1000).toFixed(2)} s cpu`.padStart(14),
    `${Math.round(size / seconds)} posts/s`.padStart(14),
    `${(bytes / 1e6 / seconds).toFixed(2)} MB/s`.padStart(11),
    `${m.maxRssMb} MB`.padStart(8),
    floor ? `${(m.wallMs / floor.wallMs).toFixed(2)}x floor`.padStart(13) : '',
    floor ? `${(m.cpuMs / floor.cpuMs).toFixed(2)}x cpu`.padStart(10) : '',
    `load ${m.load}`,
  ];
  console.log(line.join('  '));
  const { stdout: _stdout, ...measured } = m as Measured & { stdout?: string };
  return {
    ...measured,
    postsPerSecond: Math.round(size / seconds),
    mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(2)),
    timesFloor: floor ? Number((m.wallMs / floor.wallMs).toFixed(2)) : undefined,
    timesFloorCpu: floor ? Number((m.cpuMs / floor.cpuMs).toFixed(2)) : undefined,
  };
}

await bundle();
const enabled = knownRuleIds().filter((id) => !id.startsWith('internal/'));
console.log(
  `${cpus().length} cores, Node ${process.version}; rules: ${enabled.length} ids; grammar: ${hasGrammar}`,
);
console.log(
  '  size  run                                       wall            cpu          rate        MB/s      RSS',
);

for (const size of sizes) {
  const { dir, bytes } = site(size);
  const entry: Record<string, unknown> = { posts: size, bytes };
  const floor = measure(join(dist, 'parse-only.js'), [dir], dir, [0]);
  const floorInProcess = JSON.parse(floor.stdout).ms as number;
  entry.parseOnly = {
    ...record(size, 'parse only (floor)', floor, undefined, bytes),
    inProcessMs: Math.round(floorInProcess),
  };
  const floorMs: Floor = { wallMs: floor.wallMs, cpuMs: floor.cpuMs };

  entry.noGrammarOneThread = record(
    size,
    'all but grammar, 1 thread',
    measure(cli(), checkArgs([...noGrammar, '--jobs', '1']), dir),
    floorMs,
    bytes,
  );
  entry.noGrammarTwoWorkers = record(
    size,
    'all but grammar, 2 workers',
    measure(cli(), checkArgs([...noGrammar, '--jobs', '2']), dir),
    floorMs,
    bytes,
  );
  entry.noGrammarAuto = record(
    size,
    'all but grammar, --jobs auto',
    measure(cli(), checkArgs([...noGrammar, '--jobs', 'auto']), dir),
    floorMs,
    bytes,
  );
  const cacheFile = join(tmpdir(), `content-gate-bench-cache-${size}.json`);
  entry.noGrammarCacheCold = record(
    size,
    'all but grammar, cache cold',
    measure(cli(), checkArgs([...noGrammar, '--cache-file', cacheFile]), dir, [0, 1], () =>
      rmSync(cacheFile, { force: true }),
    ),
    floorMs,
    bytes,
  );
  entry.noGrammarCacheWarm = record(
    size,
    'all but grammar, cache warm',
    measure(cli(), checkArgs([...noGrammar, '--cache-file', cacheFile]), dir),
    floorMs,
    bytes,
  );

  if (grammarSizes.includes(size)) {
    const grammarCache = join(tmpdir(), `content-gate-bench-grammar-cache-${size}.json`);
    entry.grammarCold = record(
      size,
      'with grammar, cold',
      measure(cli(), checkArgs(['--jobs', 'auto', '--cache-file', grammarCache]), dir, [0, 1], () =>
        rmSync(grammarCache, { force: true }),
      ),
      floorMs,
      bytes,
    );
    entry.grammarWarm = record(
      size,
      'with grammar, warm rescan',
      measure(cli(), checkArgs(['--jobs', 'auto', '--cache-file', grammarCache]), dir),
      floorMs,
      bytes,
    );
  }
  if (!values['no-phases']) {
    entry.phasesNoGrammar = phases(dir, hasGrammar ? ['--no-grammar'] : []);
    console.log(`        phases, all but grammar, 1 thread (ms): ${JSON.stringify(entry.phasesNoGrammar)}`);
    if (grammarSizes[0] === size) {
      entry.phasesWithGrammar = phases(dir, []);
      console.log(`        phases, with grammar, 1 thread (ms): ${JSON.stringify(entry.phasesWithGrammar)}`);
    }
  }
  results[size] = entry;
}

// A pull request touching 10 posts of the 2,000-post site: a cold process, setup included.
{
  const { dir } = site(2000);
  const files = Array.from({ length: 10 }, (_, i) => post(i * 97).path);
  const pr: Record<string, unknown> = {};
  pr.noGrammar = record(
    10,
    'PR of 10 posts, all but grammar',
    measure(cli(), checkArgs([...noGrammar, ...files]), dir),
    undefined,
    0,
  );
  if (hasGrammar)
    pr.withGrammar = record(
      10,
      'PR of 10 posts, with grammar',
      measure(cli(), checkArgs(files), dir),
      undefined,
      0,
    );
  results.pullRequest = pr;
}

const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
  cwd: root,
  encoding: 'utf8',
}).stdout.trim();
writeFileSync(
  values.output,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      commit,
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      rules: enabled,
      grammar: hasGrammar,
      sizes: results,
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${values.output}`);
