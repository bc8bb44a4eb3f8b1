import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import YAML from 'yaml';
import type { BaseConfig } from '../config/at-commit.js';
import { describeConfigChange } from '../config/change.js';
import {
  findConfig,
  loadConfig,
  locateKey,
  parseConfig,
  type RuleCatalog,
  validateConfig,
} from '../config/load.js';
import { normalizeRuleSetting, type ResolvedConfig, type RuleSetting } from '../core/config.js';
import { discoverFiles, inShard, NOT_IN_REPOSITORY, OUTSIDE, toRelative } from '../core/discover.js';
import {
  type AddedSuppression,
  byPosition,
  Engine,
  type FileResult,
  type TimingSink,
} from '../core/engine.js';
import { UsageError } from '../core/errors.js';
import { Fingerprints } from '../core/fingerprint.js';
import { nearest } from '../core/nearest.js';
import { optionProblems } from '../core/options.js';
import { isInside, isPlacedInside, realPath, workspaceRootOf } from '../core/paths.js';
import { readText } from '../core/read.js';
import { type Rule, ruleCategory } from '../core/rule.js';
import { failingCount } from '../core/severity.js';
import type {
  AppliedFix,
  ChangedLines,
  ChangeHistory,
  Diagnostic,
  EngineFinding,
  FailOn,
  Report,
  Severity,
  SeverityOrOff,
} from '../core/types.js';
import { buildReport } from '../report/json.js';
import { allRules, ruleMetas } from '../rules/index.js';
import { checkText } from '../scale/check-text.js';
import { contentHash, FindingsCache, findingsCacheKey } from '../scale/findings-cache.js';
import { type CheckedFile, CheckPool, workerCount } from '../scale/pool.js';
import { createRunContext } from '../scale/protocol.js';
import { VERSION } from '../version.js';
import { changeHistory } from './git.js';

export interface RunOptions {
  cwd: string;
  paths?: readonly string[];
  configPath?: string;
  offline?: boolean;
  mode?: 'check' | 'link-rot';
  failOn?: FailOn;
  /** `--rule ID=LEVEL` overrides, id or category. */
  ruleOverrides?: Record<string, SeverityOrOff>;
  /** Only these files, and only findings on these lines (from `--changed-since` or a PR diff). */
  changedLines?: ChangedLines;
  fix?: boolean;
  shard?: { index: number; count: number };
  rules?: readonly Rule[];
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads for parsing and per-file rules: absent, 0 or 1 keeps everything in this thread;
   * `auto` starts one per core once there are enough files to parse (see `POOL_THRESHOLD`). Workers
   * load the shipped rules, so a run with custom `rules` stays in one thread.
   */
  jobs?: number | 'auto';
  /**
   * Check with this commit's config instead of the workspace's (a pull request's base): the
   * workspace's own config, if different, is described by a `content/config-change` finding.
   */
  baseConfig?: BaseConfig;
  /** The repository (nothing outside it is read or written); default: the git work tree around cwd. */
  root?: string;
  /** Where the paths the config names must stay, when the config is not the checked repository's own. */
  configRoot?: string;
  /** Findings cache file (relative to cwd): unchanged files are not checked again. None when absent. */
  cacheFile?: string;
  /** Only for measurements: time spent per phase (summed over files and worker threads). */
  onTiming?: TimingSink;
  /** Fingerprints of findings the site accepted when it adopted Content Gate: not reported. */
  baseline?: ReadonlySet<string>;
  /**
   * The commit a change is compared with (a pull request's base, `--changed-since REF`): the
   * changed posts' earlier text is read from it, for `content/correction-note`.
   */
  historyBase?: string;
  /** Today, for correction notes; default now. */
  now?: Date;
}

/** How the files of a run were checked. */
export interface RunStats {
  workers: number;
  cacheHits: number;
  cacheMisses: number;
}

export interface RunResult {
  config: ResolvedConfig;
  files: string[];
  findings: EngineFinding[];
  diagnostics: Diagnostic[];
  /** Suppression comments the checked change adds (empty on a full run), for reviewers. */
  suppressions: AddedSuppression[];
  report: Report;
  fixes: AppliedFix[];
  exitCode: 0 | 1;
  stats: RunStats;
  /** Findings left out because the baseline holds them. */
  baselined: number;
}

/** Every rule id and category the product knows, engine ids included. */
export function knownRuleIds(rules: readonly Rule[] = allRules): string[] {
  return ruleMetas(rules).map((m) => m.id);
}

export function ruleCatalog(rules: readonly Rule[]): RuleCatalog {
  const metas = ruleMetas(rules);
  return {
    ids: metas.map((m) => m.id),
    parseOptions(id, raw) {
      const schema = metas.find((m) => m.id === id)?.options;
      return schema ? optionProblems(schema, raw) : undefined;
    },
  };
}

/** Checks `--rule` overrides name real rules or categories. */
export function validateOverrides(overrides: Record<string, SeverityOrOff>, ids: readonly string[]): void {
  const known = new Set([...ids, ...ids.map(ruleCategory)]);
  for (const id of Object.keys(overrides)) {
    if (known.has(id)) continue;
    const hint = nearest(id, known);
    throw new UsageError(`--rule ${id}: unknown rule or category${hint ? `; did you mean "${hint}"?` : ''}.`);
  }
}

/** The one pipeline the CLI and the action share: config, discovery, parse once, rules, report. */
export async function run(options: RunOptions): Promise<RunResult> {
  const cwd = resolve(options.cwd);
  const rules = options.rules ?? allRules;
  const catalog = ruleCatalog(rules);
  const root = options.root ? realPath(options.root) : workspaceRootOf(cwd);
  const { config, change: configChange } = chooseConfig(cwd, root, options, rules, catalog);
  const overrides = options.ruleOverrides ?? {};
  validateOverrides(overrides, catalog.ids);
  const timing = options.onTiming;

  let started = timing ? performance.now() : 0;
  const skipped: Diagnostic[] = [];
  let files = await discoverFiles({
    cwd,
    paths: options.paths ?? [],
    include: config.include,
    exclude: config.exclude,
    root,
    onSkipped: (file, reason) =>
      skipped.push({ level: 'warning', file, message: `Skipped: this file ${reason}` }),
  });
  if (options.changedLines) {
    const changed = options.changedLines;
    files = files.filter((f) => changed.has(f));
  }
  if (options.shard) {
    const { index, count } = options.shard;
    files = files.filter((f) => inShard(f, index, count));
  }
  if (timing) timing('discover', performance.now() - started);
  const nothingChanged = options.changedLines !== undefined || options.shard !== undefined;
  if (files.length === 0 && !nothingChanged) {
    throw new UsageError('No file matched: give Markdown files or folders, or set "include" in the config.');
  }

  const diagnostics: Diagnostic[] = options.changedLines
    ? skipped.filter((d) => d.file && options.changedLines?.has(d.file))
    : skipped;
  const configRules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(config.rules)) configRules[id] = normalizeRuleSetting(value);
  const severities = { cli: overrides, config: configRules };
  const history = historyOf(cwd, options, files, diagnostics);
  const base = {
    cwd,
    root,
    config,
    offline: options.offline ?? false,
    mode: options.mode ?? 'check',
    files,
    history,
  } as const;
  const runContext = createRunContext(
    base,
    (id) => engine.severityOf(id) !== 'off',
    (message, file) => diagnostics.push({ level: 'warning', message, file }),
  );
  const changed = options.changedLines;
  const engine = new Engine({
    rules,
    run: runContext,
    severities,
    onTiming: timing,
    suppressionPolicy: config.suppressions,
    isAdded: changed
      ? (file, line) => {
          const lines = changed.get(file);
          return lines === 'all' || (lines?.has(line) ?? false);
        }
      : undefined,
  });
  // Findings that compare a post with its base depend on more than its text: no cache then.
  const cache =
    options.cacheFile && !history
      ? FindingsCache.open(
          resolve(cwd, options.cacheFile),
          findingsCacheKey({
            version: VERSION,
            severities: Object.fromEntries(catalog.ids.map((id) => [id, engine.severityOf(id)])),
            config,
            offline: base.offline,
            mode: base.mode,
          }),
        )
      : undefined;

  // Read (and hash) every file first: cache hits need no parse, and the pool is sized by the rest.
  started = timing ? performance.now() : 0;
  const inputs: FileInput[] = [];
  for (const file of files) {
    const path = resolve(cwd, file);
    if (!isInside(root, path)) {
      const reason = isPlacedInside(root, path) ? OUTSIDE : NOT_IN_REPOSITORY;
      diagnostics.push({ level: 'warning', file, message: `Skipped: this file ${reason}` });
      continue;
    }
    const read = await readText(path);
    if (!read.ok) {
      diagnostics.push({ level: 'warning', file, message: `Skipped: this file ${read.reason}.` });
      continue;
    }
    const hash = cache ? contentHash(read.text) : '';
    inputs.push({ file, text: read.text, hash, cached: cache?.get(file, hash) });
  }
  const toCheck = inputs.filter((input) => !input.cached).length;
  const workers = options.rules === undefined ? workerCount(toCheck, options.jobs) : 0;
  if (timing) timing('read', performance.now() - started);

  started = timing ? performance.now() : 0;
  const pool =
    workers > 0
      ? await CheckPool.start(workers, { ...base, severities, timing: timing !== undefined })
      : undefined;
  await engine.setup(pool ? (rule) => !rule.finish : undefined);
  if (timing) timing('setup', performance.now() - started);

  const checked = new Map<string, Promise<CheckedFile>>();
  if (pool)
    for (const input of inputs)
      if (!input.cached) checked.set(input.file, pool.check(input.file, input.text));
  const mainThreadRules = engine.hasMainThreadRules;
  const scope = cache || pool ? 'portable' : 'all';
  let done = 0;
  try {
    for (const input of inputs) {
      const { file, text } = input;
      const path = resolve(cwd, file);
      let result = input.cached;
      const fromPool = checked.get(file);
      if (result) {
        engine.adopt(result, text);
      } else if (fromPool) {
        const at = timing ? performance.now() : 0;
        const outcome = await fromPool;
        if (timing) timing('wait for workers', performance.now() - at);
        result = outcome.result;
        engine.adopt(result, text);
        for (const message of outcome.warnings) diagnostics.push({ level: 'warning', message, file });
        if (timing && outcome.timings)
          for (const [phase, ms] of Object.entries(outcome.timings)) timing(phase, ms);
      } else {
        await checkText(engine, file, path, text, scope, timing);
        if (cache) result = engine.resultOf(file);
      }
      if (cache && result && !input.cached) cache.set(file, input.hash, result);
      if (mainThreadRules && scope !== 'all')
        await checkText(engine, file, path, text, 'main-thread', timing);
      options.onProgress?.(++done, inputs.length);
    }
  } finally {
    await pool?.close();
  }
  let findings = await engine.finish();
  if (cache) {
    started = timing ? performance.now() : 0;
    cache.save(cwd);
    if (timing) timing('cache save', performance.now() - started);
  }
  if (options.changedLines) findings = onChangedLines(findings, options.changedLines);
  let baselined = 0;
  const baseline = options.baseline;
  if (baseline) {
    const all = findings.length;
    findings = findings.filter((f) => !baseline.has(f.fingerprint));
    baselined = all - findings.length;
  }
  if (configChange && engine.severityOf(configChange.ruleId) !== 'off') {
    const severity = engine.severityOf(configChange.ruleId) as Severity;
    findings.push({ ...configChange, severity });
    findings.sort(byPosition);
  }

  const fixes = options.fix ? await applyFixes(cwd, findings) : [];
  if (fixes.length > 0) {
    const fixed = new Set(fixes.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`));
    findings = findings.filter((f) => !fixed.has(`${f.file}:${f.line}:${f.column}:${f.ruleId}`));
  }

  started = timing ? performance.now() : 0;
  const report = buildReport(VERSION, files, findings);
  if (timing) timing('report', performance.now() - started);
  const failOn = options.failOn ?? 'error';
  const exitCode = failingCount(findings, failOn) > 0 ? 1 : 0;
  const stats = { workers, cacheHits: cache?.hits ?? 0, cacheMisses: cache?.misses ?? 0 };
  const suppressions = engine.addedSuppressions();
  return { config, files, findings, diagnostics, suppressions, report, fixes, exitCode, stats, baselined };
}

/** The config to check with, and the finding that describes a config the change brings. */
function chooseConfig(
  cwd: string,
  root: string,
  options: RunOptions,
  rules: readonly Rule[],
  catalog: RuleCatalog,
): { config: ResolvedConfig; change?: EngineFinding } {
  const base = options.baseConfig;
  if (!base) {
    const configRoot = options.configRoot ? realPath(options.configRoot) : root;
    return { config: loadConfig(cwd, options.configPath, catalog, configRoot) };
  }
  const config = base.source
    ? parseConfig(base.source, cwd, catalog, root)
    : validateConfig({}, catalog, cwd, root);
  const headPath = options.configPath ? resolve(cwd, options.configPath) : findConfig(cwd);
  const shown = (path: string) => toRelative(cwd, path);
  const place = (path: string, line: number, column: number, message: string): EngineFinding => ({
    ruleId: 'content/config-change',
    category: 'content',
    severity: 'warning',
    message,
    policy: 'Content Gate',
    file: shown(path),
    line,
    column,
    endLine: line,
    endColumn: column,
    suggestions: [],
    fingerprint: new Fingerprints(shown(path)).next('content/config-change', message),
    documentLevel: true,
  });
  const used = `This check used the config of ${base.ref.slice(0, 12)}, the branch this change goes into`;
  if (!headPath || !existsSync(headPath)) {
    if (!base.source) return { config };
    return {
      config,
      change: place(
        base.source.path,
        1,
        1,
        `${used}. This change removes the config, which would turn every setting back to its default once merged; a maintainer should review that.`,
      ),
    };
  }
  let head: ResolvedConfig;
  try {
    head = loadConfig(cwd, headPath, catalog, root);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const problem = error.problems[0];
    return {
      config,
      change: place(
        headPath,
        problem?.line ?? 1,
        problem?.column ?? 1,
        `${used}. The config in this change is not valid, so it would stop every check once merged: ${error.describe().replace(/\s*\n\s*/g, ' ')}`,
      ),
    };
  }
  const effects = describeConfigChange(config, head, ruleMetas(rules));
  if (effects.length === 0) return { config };
  const text = readFileSync(headPath, 'utf8');
  const at = locateKey(YAML.parseDocument(text), text, effects[0]?.key ?? '');
  const listed = effects.slice(0, 6).map((e) => e.says);
  const more = effects.length > 6 ? `; and ${effects.length - 6} more changes` : '';
  return {
    config,
    change: place(
      headPath,
      at.line ?? 1,
      at.column ?? 1,
      `${used}, not this one. Once merged, this change to the config ${listed.join('; ')}${more}. A maintainer should review it.`,
    ),
  };
}

interface FileInput {
  file: string;
  text: string;
  hash: string;
  cached: FileResult | undefined;
}

/** Keeps findings that touch a changed line; a whole-document finding counts when its file changed. */
/** The base versions of the changed posts, when the run checks a change; a missing base is a warning. */
function historyOf(
  cwd: string,
  options: RunOptions,
  files: readonly string[],
  diagnostics: Diagnostic[],
): ChangeHistory | undefined {
  if (!options.historyBase) return undefined;
  try {
    return changeHistory(cwd, options.historyBase, files, options.now ?? new Date());
  } catch (error) {
    diagnostics.push({ level: 'warning', message: (error as Error).message });
    return undefined;
  }
}

export function onChangedLines(findings: EngineFinding[], changed: ChangedLines): EngineFinding[] {
  return findings.filter((f) => {
    const lines = changed.get(f.file);
    if (!lines) return false;
    if (lines === 'all' || f.documentLevel) return true;
    for (let line = f.line; line <= f.endLine; line++) if (lines.has(line)) return true;
    return false;
  });
}

/** Applies safe single-suggestion fixes, last first so earlier offsets stay valid. */
async function applyFixes(cwd: string, findings: EngineFinding[]): Promise<AppliedFix[]> {
  const byFile = new Map<string, EngineFinding[]>();
  for (const f of findings) {
    if (!f.fix?.safe) continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const applied: AppliedFix[] = [];
  for (const [file, list] of byFile) {
    const path = resolve(cwd, file);
    let text = await readFile(path, 'utf8');
    const hadBom = text.charCodeAt(0) === 0xfeff;
    if (hadBom) text = text.slice(1);
    const sorted = [...list].sort((a, b) => (b.fix?.start ?? 0) - (a.fix?.start ?? 0));
    let limit = Number.POSITIVE_INFINITY;
    const done: AppliedFix[] = [];
    for (const f of sorted) {
      const fix = f.fix;
      if (!fix || fix.end > limit) continue;
      const before = text.slice(fix.start, fix.end);
      text = text.slice(0, fix.start) + fix.text + text.slice(fix.end);
      limit = fix.start;
      done.push({ file, line: f.line, column: f.column, before, after: fix.text, ruleId: f.ruleId });
    }
    await writeFile(path, (hadBom ? '\ufeff' : '') + text);
    applied.push(...done.reverse());
  }
  return applied;
}
