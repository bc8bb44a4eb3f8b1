import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ChangedLines } from './cli/git.js';
import { UsageError } from './config/errors.js';
import { loadConfig, type RuleCatalog } from './config/load.js';
import { normalizeRuleSetting, type ResolvedConfig, type RuleSetting } from './config/schema.js';
import { discoverFiles, inShard } from './core/discover.js';
import { Document } from './core/document.js';
import { ENGINE_RULES, Engine } from './core/engine.js';
import { nearest } from './core/nearest.js';
import { readText } from './core/read.js';
import { type Rule, type RunContext, ruleCategory } from './core/rule.js';
import { atLeast } from './core/severity.js';
import { SourceIndex } from './core/source-index.js';
import { partStarts } from './core/split.js';
import type { Diagnostic, EngineFinding, Report, SeverityOrOff } from './core/types.js';
import { buildReport } from './report/json.js';
import { allRules } from './rules/index.js';
import { VERSION } from './version.js';

export type FailOn = 'error' | 'warning' | 'notice' | 'never';

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
}

export interface AppliedFix {
  file: string;
  line: number;
  column: number;
  before: string;
  after: string;
  ruleId: string;
}

export interface RunResult {
  config: ResolvedConfig;
  files: string[];
  findings: EngineFinding[];
  diagnostics: Diagnostic[];
  report: Report;
  fixes: AppliedFix[];
  exitCode: 0 | 1;
}

/** Every rule id and category the product knows, engine ids included. */
export function knownRuleIds(rules: readonly Rule[] = allRules): string[] {
  return [...ENGINE_RULES, ...rules.flatMap((r) => [r.meta, ...(r.emits ?? [])])].map((m) => m.id);
}

export function ruleCatalog(rules: readonly Rule[]): RuleCatalog {
  const ids = knownRuleIds(rules);
  return {
    ids,
    parseOptions(id, raw) {
      const rule = rules.find((r) => r.meta.id === id || r.emits?.some((m) => m.id === id));
      if (!rule?.parseOptions) return undefined;
      const result = rule.parseOptions(raw);
      return result.ok ? [] : result.errors;
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
  const config = loadConfig(cwd, options.configPath, catalog);
  const overrides = options.ruleOverrides ?? {};
  validateOverrides(overrides, catalog.ids);

  let files = await discoverFiles({
    cwd,
    paths: options.paths ?? [],
    include: config.include,
    exclude: config.exclude,
  });
  if (options.changedLines) {
    const changed = options.changedLines;
    files = files.filter((f) => changed.has(f));
  }
  if (options.shard) {
    const { index, count } = options.shard;
    files = files.filter((f) => inShard(f, index, count));
  }
  const nothingChanged = options.changedLines !== undefined || options.shard !== undefined;
  if (files.length === 0 && !nothingChanged) {
    throw new UsageError('No file matched: give Markdown files or folders, or set "include" in the config.');
  }

  const diagnostics: Diagnostic[] = [];
  const configRules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(config.rules)) configRules[id] = normalizeRuleSetting(value);
  const runContext: RunContext = {
    config,
    cwd,
    offline: options.offline ?? false,
    mode: options.mode ?? 'check',
    files,
    options: (id) => configRules[id]?.options,
    isEnabled: (id) => engine.severityOf(id) !== 'off',
    warn: (message, file) => diagnostics.push({ level: 'warning', message, file }),
  };
  const engine = new Engine({ rules, run: runContext, severities: { cli: overrides, config: configRules } });
  await engine.setup();

  let done = 0;
  for (const file of files) {
    const read = await readText(resolve(cwd, file));
    if (read.ok) {
      await checkText(engine, file, resolve(cwd, file), read.text);
    } else {
      diagnostics.push({ level: 'warning', file, message: `Skipped: this file ${read.reason}.` });
    }
    options.onProgress?.(++done, files.length);
  }
  let findings = await engine.finish();
  if (options.changedLines) findings = onChangedLines(findings, options.changedLines);

  const fixes = options.fix ? await applyFixes(cwd, findings) : [];
  if (fixes.length > 0) {
    const fixed = new Set(fixes.map((f) => `${f.file}:${f.line}:${f.column}:${f.ruleId}`));
    findings = findings.filter((f) => !fixed.has(`${f.file}:${f.line}:${f.column}:${f.ruleId}`));
  }

  const report = buildReport(VERSION, files, findings);
  const failOn = options.failOn ?? 'error';
  const exitCode = findings.some((f) => atLeast(f.severity, failOn)) ? 1 : 0;
  return { config, files, findings, diagnostics, report, fixes, exitCode };
}

/** Checks one post; a runaway file is parsed in parts at blank lines so memory stays bounded. */
async function checkText(engine: Engine, file: string, path: string, text: string): Promise<void> {
  const starts = partStarts(text);
  if (starts.length === 1) return engine.check(new Document(file, path, text));
  const index = new SourceIndex(text);
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i] as number;
    const part = text.slice(offset, starts[i + 1] ?? text.length);
    await engine.check(new Document(file, path, part), { offset, index });
  }
}

/** Keeps findings that touch a changed line; a whole-document finding counts when its file changed. */
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
