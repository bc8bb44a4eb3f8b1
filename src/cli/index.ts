import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { configAtCommit, gitCommitReader } from '../config/at-commit.js';
import { toRelative } from '../core/discover.js';
import { UsageError } from '../core/errors.js';
import { realPath, workspaceRootOf } from '../core/paths.js';
import { sourceReader } from '../core/read.js';
import { failingCount } from '../core/severity.js';
import type { FailOn, Finding, Report, SeverityOrOff } from '../core/types.js';
import { changedSince } from '../pipeline/git.js';
import { planInit } from '../pipeline/init.js';
import { type RunResult, run } from '../pipeline/run.js';
import { formatAnnotations } from '../report/annotations.js';
import { type Baseline, parseBaseline } from '../report/baseline.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { asReport, mergeReports, withFingerprints } from '../report/merge.js';
import { formatSarif } from '../report/sarif.js';
import { formatText, styleFor } from '../report/text.js';
import { allRuleMetas } from '../rules/index.js';
import { DEFAULT_FINDINGS_CACHE } from '../scale/findings-cache.js';
import { VERSION } from '../version.js';

const USAGE = `Usage:
  content-gate check [PATH ...] [options]
  content-gate init [--baseline] [--force]
  content-gate merge REPORT.json ... [--format json|text|sarif|github|html] [--output FILE] [--fail-on LEVEL]

Checks Markdown posts against the library's social media policy.

Options:
  --format text|json|sarif|github|html   report format (default text); html is a findings
                                    page for editors, one self-contained file
  --output FILE                     write the report to FILE instead of standard output
  --config FILE                     config file (default: .content-gate.yml, then .github/content-gate.yml)
  --offline                         make no network request (local links are still checked)
  --changed-since REF               only files changed since git REF, and only findings on changed lines
  --config-from REF                 check with the config committed at REF (the branch a change goes
                                    into); a different working config is described, not used
  --fail-on error|warning|notice|never   exit 1 when a finding is at or above this level (default error)
  --rule ID=off|notice|warning|error     override a rule or a whole category (repeatable)
  --mode check|link-rot             link-rot re-checks every external link and keeps its history
  --fix                             apply the fixes rules mark safe, and print what changed
  --shard I/N                       check only shard I of N (stable split by path)
  --cache                           reuse findings of unchanged files (${DEFAULT_FINDINGS_CACHE})
  --cache-file FILE                 the same, with the cache kept in FILE
  --jobs N|auto                     worker threads (default 1: none; auto: one per core for large runs)
  --baseline FILE                   report only findings not in FILE (made by init --baseline)

init scans the whole site once and writes, without touching any post, .content-gate/init-report.md
(per rule: count, share, examples, a suggested decision), .content-gate/words.txt (the site's
unknown words, most frequent first) and a proposed .content-gate.yml (shown as a diff when one
exists); --baseline also writes .content-gate/baseline.json. --force overwrites files init wrote before.
  -h, --help                        show this help
  -v, --version                     show the version

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or config error.`;

const FORMATS = ['text', 'json', 'sarif', 'github', 'html'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'notice', 'never'] as const;
const LEVELS = ['off', 'notice', 'warning', 'error'] as const;

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag}: expected one of ${allowed.join(', ')}, got "${value}".`);
}

function parseRuleFlags(values: readonly string[]): Record<string, SeverityOrOff> {
  const out: Record<string, SeverityOrOff> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--rule ${value}: expected ID=LEVEL, e.g. --rule grammar=off.`);
    out[value.slice(0, eq)] = oneOf(`--rule ${value.slice(0, eq)}`, value.slice(eq + 1), LEVELS, 'error');
  }
  return out;
}

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${value}: expected I/N with 1 <= I <= N, e.g. --shard 2/4.`);
  }
  return { index, count };
}

function parseJobs(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return 'auto';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new UsageError(`--jobs ${value}: expected auto or a number of threads from 1 to 64.`);
  }
  return Number(value);
}

function render(
  format: Format,
  result: Pick<RunResult, 'findings' | 'report' | 'diagnostics' | 'fixes'> & { files: readonly string[] },
  io: CliIO,
  toFile: boolean,
): string {
  // GitHub places annotations and code-scanning results by their path in the repository, whatever
  // folder the command ran in; the JSON report keeps the contract's paths (relative to that folder).
  const inRepository = () => fromRepositoryRoot(result.findings, io.cwd);
  switch (format) {
    case 'json':
      return formatJson(result.report);
    case 'sarif':
      return formatSarif(inRepository(), allRuleMetas, VERSION);
    case 'github':
      return formatAnnotations(inRepository());
    case 'html':
      return formatHtml({
        findings: result.findings,
        files: result.files,
        metas: allRuleMetas,
        source: sourceReader(io.cwd),
        notes: result.diagnostics.map((d) => `${d.file ? `${d.file}: ` : ''}${d.message}`),
      });
    default:
      return formatText(
        result.findings,
        result.report.summary,
        toFile ? styleFor({}) : styleFor(io.stdout, io.env),
        {
          diagnostics: result.diagnostics,
          fixes: result.fixes,
        },
      );
  }
}

async function emit(text: string, output: string | undefined, io: CliIO): Promise<void> {
  if (!output) {
    io.stdout.write(text);
    return;
  }
  const path = resolve(io.cwd, output);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function check(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string' },
      config: { type: 'string' },
      offline: { type: 'boolean' },
      'changed-since': { type: 'string' },
      'config-from': { type: 'string' },
      'fail-on': { type: 'string' },
      rule: { type: 'string', multiple: true },
      mode: { type: 'string' },
      fix: { type: 'boolean' },
      shard: { type: 'string' },
      cache: { type: 'boolean' },
      'cache-file': { type: 'string' },
      jobs: { type: 'string' },
      baseline: { type: 'string' },
    },
  });
  const format = oneOf('--format', values.format, FORMATS, 'text');
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON, 'error') as FailOn;
  const mode = oneOf('--mode', values.mode, ['check', 'link-rot'] as const, 'check');
  const progress = io.stderr.isTTY && format === 'text' && !values.output;
  const configFrom = values['config-from'];
  const root = workspaceRootOf(io.cwd);
  const baseline = values.baseline ? readBaseline(io, values.baseline) : undefined;
  const result = await run({
    cwd: io.cwd,
    root,
    paths: positionals,
    configPath: values.config,
    baseConfig: configFrom
      ? await configAtCommit(
          io.cwd,
          root,
          configFrom,
          values.config,
          gitCommitReader(root, configFrom, '--config-from'),
        )
      : undefined,
    offline: values.offline ?? false,
    mode,
    failOn,
    ruleOverrides: parseRuleFlags(values.rule ?? []),
    changedLines: values['changed-since'] ? changedSince(io.cwd, values['changed-since']) : undefined,
    historyBase: values['changed-since'],
    fix: values.fix ?? false,
    shard: parseShard(values.shard),
    cacheFile: values['cache-file'] ?? (values.cache ? DEFAULT_FINDINGS_CACHE : undefined),
    jobs: parseJobs(values.jobs),
    baseline: baseline?.fingerprints,
    onProgress: progress
      ? (done, total) => {
          if (done === total || done % 50 === 0)
            io.stderr.write(`\rchecking ${done}/${total}${done === total ? '\r\u001b[K' : ''}`);
        }
      : undefined,
  });
  for (const d of result.diagnostics) {
    io.stderr.write(`${d.file ? `${d.file}: ` : ''}${d.level}: ${d.message}\n`);
  }
  if (baseline) {
    io.stderr.write(
      `${result.baselined === 1 ? '1 finding is' : `${result.baselined} findings are`} in the baseline ${values.baseline} and not reported.\n`,
    );
  }
  await emit(render(format, result, io, Boolean(values.output)), values.output, io);
  if (values.output && format !== 'text') {
    const { errors, warnings, notices } = result.report.summary;
    io.stderr.write(`Wrote ${values.output}: ${errors} errors, ${warnings} warnings, ${notices} notices.\n`);
  }
  return result.exitCode;
}

/** A baseline that cannot be used is a warning: the check then reports every finding. */
function readBaseline(io: CliIO, file: string): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch {
    io.stderr.write(`${file}: warning: the baseline cannot be read, so every finding is reported.\n`);
    return undefined;
  }
  const parsed = parseBaseline(text, VERSION);
  if ('problem' in parsed) {
    io.stderr.write(`${file}: warning: the baseline ${parsed.problem}; every finding is reported.\n`);
    return undefined;
  }
  return parsed.baseline;
}

async function init(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { baseline: { type: 'boolean' }, force: { type: 'boolean' } },
  });
  if (positionals.length > 0) throw new UsageError("init takes no paths: run it in the site's folder.");
  const plan = await planInit(io.cwd, { baseline: values.baseline ?? false });
  const existing = plan.files.filter((f) => existsSync(resolve(io.cwd, f.path)));
  if (existing.length > 0 && !values.force) {
    throw new UsageError(
      `init would overwrite ${existing.map((f) => f.path).join(', ')}; nothing was written. Run it again with --force to replace them.`,
    );
  }
  for (const file of plan.files) {
    const path = resolve(io.cwd, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.text);
    io.stdout.write(`Wrote ${file.path}\n`);
  }
  if (plan.configDiff) {
    io.stdout.write(
      `\nA config exists, so it was not changed. The proposed config, as a diff:\n\n${plan.configDiff}`,
    );
  }
  io.stdout.write(`\n${plan.summary}\nNext: read .content-gate/init-report.md.\n`);
  return 0;
}

async function merge(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, output: { type: 'string' }, 'fail-on': { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('merge: give the JSON reports to combine.');
  const format = oneOf('--format', values.format, FORMATS, 'json');
  const failOn = oneOf('--fail-on', values['fail-on'], FAIL_ON, 'error');
  const reports: Report[] = positionals.map((file) => {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch {
      throw new UsageError(`merge: ${file} cannot be read.`);
    }
    try {
      return asReport(JSON.parse(text), file);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`merge: ${file} is not valid JSON.`);
    }
  });
  const report = mergeReports(reports, VERSION);
  // The JSON report carries no fingerprints: recompute them from the files, as a single run would.
  const findings = withFingerprints(report.findings, io.cwd);
  await emit(
    render(
      format,
      { findings, report, diagnostics: [], fixes: [], files: report.files.map((f) => f.file) },
      io,
      Boolean(values.output),
    ),
    values.output,
    io,
  );
  return failingCount(findings, failOn) > 0 ? 1 : 0;
}

/** Runs the CLI; returns the exit status. Never throws for a user's mistake. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '-v' || command === '--version') {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (
      command === undefined ||
      command === '-h' ||
      command === '--help' ||
      rest.includes('--help') ||
      rest.includes('-h')
    ) {
      (command === undefined ? io.stderr : io.stdout).write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'check') return await check(rest, io);
    if (command === 'merge') return await merge(rest, io);
    if (command === 'init') return await init(rest, io);
    throw new UsageError(
      `Unknown command "${command}". Use "content-gate check", "content-gate init" or "content-gate merge".`,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`content-gate: ${error.describe()}\n`);
      return 2;
    }
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`content-gate: ${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr.write(
      `content-gate: unexpected failure: ${(error as Error).stack ?? String(error)}\nPlease report this to the Content Gate maintainers.\n`,
    );
    return 3;
  }
}

/** Findings with paths relative to the repository around `cwd` instead of to `cwd` itself. */
export function fromRepositoryRoot<F extends Finding>(findings: readonly F[], cwd: string): F[] {
  const root = workspaceRootOf(cwd);
  const here = realPath(cwd);
  if (here === root) return [...findings];
  return findings.map((f) => ({ ...f, file: toRelative(root, resolve(here, f.file)) }));
}
