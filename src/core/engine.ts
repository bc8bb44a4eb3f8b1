import type { Code } from 'mdast';
import type { Node } from 'unist';
import { Document } from './document.js';
import { clipQuotes, keepSuggestion } from './excerpt.js';
import { Fingerprints } from './fingerprint.js';
import {
  ENGINE_POLICY,
  needsMainThread,
  type Rule,
  type RuleMeta,
  type RuleReport,
  type RunContext,
  ruleCategory,
  withCitation,
} from './rule.js';
import { lowerOf, resolveSeverity, type SeverityTable } from './severity.js';
import { lastAtOrBefore } from './sorted.js';
import { SourceIndex } from './source-index.js';
import {
  collectSuppressions,
  findSuppression,
  MAX_SUPPRESSIONS,
  refusal,
  type Suppression,
  type SuppressionPolicy,
  TOO_MANY_SUPPRESSIONS,
} from './suppress.js';
import type { EngineFinding, Severity, SeverityOrOff } from './types.js';

/** Ids the engine itself reports under. */
export const ENGINE_RULES: RuleMeta[] = [
  {
    id: 'content/unused-suppression',
    policy: ENGINE_POLICY,
    clause: 'A suppression comment that hides nothing should be removed, so stale ones do not pile up.',
    defaultSeverity: 'notice',
    description: 'A `content-gate-disable` comment or front-matter `disable` entry that suppresses nothing.',
  },
  {
    id: 'content/config-change',
    policy: ENGINE_POLICY,
    clause:
      'A change is checked with the config of the branch it goes into: a change to the config takes effect only once a maintainer has merged it.',
    defaultSeverity: 'warning',
    description:
      'A pull request (or `--config-from`) changes the config; this says what the change would do once merged.',
  },
  {
    id: 'content/refused-suppression',
    policy: ENGINE_POLICY,
    clause:
      'A suppression added by a change needs a reason a reviewer can read (config `suppressions`), so problems are not hidden in plain sight.',
    defaultSeverity: 'notice',
    description:
      'A suppression comment added without a reason after `--`, or where the config does not allow new ones, or past the 500th in one post: it hides nothing.',
  },
  {
    id: 'internal/rule-error',
    policy: ENGINE_POLICY,
    clause: 'A rule that fails is reported instead of stopping the run.',
    defaultSeverity: 'warning',
    description: 'A rule failed on this file; the other rules still ran. Please report it.',
  },
];

interface RuleEntry {
  rule: Rule;
  state: unknown;
}

/** A rule finding placed in its file, before the engine stamps severity, policy and fingerprint. */
interface RawFinding {
  meta: RuleMeta;
  report: RuleReport;
  start: number;
  end: number;
  documentLevel: boolean;
}

/** A part of a file too large to parse whole: where it starts, and the whole file's index. */
export interface FilePart {
  offset: number;
  index: SourceIndex;
}

/** What is kept of a checked file once its parse tree may be dropped. */
interface FileState {
  file: string;
  index: SourceIndex;
  suppressions: Suppression[];
  raw: RawFinding[];
  /** What each site-wide rule's `collect` returned for this file, by rule id. */
  collected: Record<string, unknown>;
}

/**
 * A checked file as plain data (structured-clone and JSON safe): what a worker thread sends back and
 * what the findings cache keeps. Severity, suppression and fingerprints are applied later, in `finish`.
 */
export interface FileResult {
  file: string;
  suppressions: Omit<Suppression, 'used'>[];
  findings: { ruleId: string; report: RuleReport; start: number; end: number; documentLevel: boolean }[];
  collected: Record<string, unknown>;
}

/**
 * Which rules `check` runs: all of them; the portable ones (whose results are plain data, so they may
 * run in a worker or come from the cache); or only the site-wide rules that keep per-file data in
 * their state and so must see every file in this process.
 */
export type CheckScope = 'all' | 'portable' | 'main-thread';

/** Receives the time spent in a phase: `suppressions`, `check:<category>`, `finish:<category>`, `stamp`. */
export type TimingSink = (phase: string, ms: number) => void;

export interface EngineOptions {
  rules: readonly Rule[];
  run: RunContext;
  severities: SeverityTable;
  /** Only for measurements (the benchmark): when absent, nothing is timed. */
  onTiming?: TimingSink;
  /** Whether a line is new in the change being checked; absent: a full run, nothing is new. */
  isAdded?: (file: string, line: number) => boolean;
  /** Which suppressions the change may add (config `suppressions`); default `allow`. */
  suppressionPolicy?: SuppressionPolicy;
  /**
   * Tests: a position outside the file (or ending before it starts) throws, so the rule that
   * reported it fails loudly. Otherwise positions are clamped into the file.
   */
  strictPositions?: boolean;
}

/** A suppression the change being checked adds, for reviewers to see. */
export interface AddedSuppression {
  file: string;
  line: number;
  /** Rule ids or categories; empty means every rule. */
  rules: string[];
  reason: string;
  /** False when it was refused (no reason, or not allowed), so it hid nothing. */
  counts: boolean;
}

/**
 * Runs every enabled rule over each document and stamps the findings: id, category, severity,
 * policy, positions checked against the file, suppressions applied. A throwing rule becomes one
 * `internal/rule-error` finding.
 */
export class Engine {
  private readonly entries: RuleEntry[] = [];
  private readonly metaById = new Map<string, RuleMeta>();
  private readonly files = new Map<string, FileState>();
  private readonly options: EngineOptions;

  constructor(options: EngineOptions) {
    this.options = options;
    for (const meta of ENGINE_RULES) this.metaById.set(meta.id, meta);
    for (const rule of options.rules) {
      for (const meta of [rule.meta, ...(rule.emits ?? [])]) this.metaById.set(meta.id, meta);
    }
  }

  severityOf(id: string): SeverityOrOff {
    const meta = this.metaById.get(id);
    return resolveSeverity(id, meta?.defaultSeverity ?? 'warning', this.options.severities);
  }

  /**
   * Calls `setup` of each rule with at least one enabled id. `skipSetup` names rules that are enabled
   * but will not be checked here (worker threads check them), so their engines are not loaded twice.
   */
  async setup(skipSetup?: (rule: Rule) => boolean): Promise<void> {
    for (const rule of this.options.rules) {
      const ids = [rule.meta, ...(rule.emits ?? [])].map((m) => m.id);
      if (!ids.some((id) => this.severityOf(id) !== 'off')) continue;
      const started = this.options.onTiming ? performance.now() : 0;
      try {
        const state = rule.setup && !skipSetup?.(rule) ? await rule.setup(this.options.run) : undefined;
        this.entries.push({ rule, state });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.options.run.warn(
          `The rule '${rule.meta.id}' could not start (${reason}), so it did not run. The other rules ran. Please report this to the Content Gate maintainers.`,
        );
      }
      this.options.onTiming?.(`setup:${ruleCategory(rule.meta.id)}`, performance.now() - started);
    }
  }

  /** True when an enabled site-wide rule keeps per-file data in its state (see `Rule.collect`). */
  get hasMainThreadRules(): boolean {
    return this.entries.some((e) => needsMainThread(e.rule));
  }

  /**
   * Checks one document. Only offsets are kept, so the tree can be dropped afterwards. `part` places a
   * part of a file too large to parse whole; `scope` picks which rules run (see `CheckScope`).
   */
  async check(doc: Document, part?: FilePart, scope: CheckScope = 'all'): Promise<void> {
    const timing = this.options.onTiming;
    const known = this.files.get(doc.file);
    const state: FileState = known ?? {
      file: doc.file,
      index: part?.index ?? doc.index,
      suppressions: [],
      raw: [],
      collected: {},
    };
    this.files.set(doc.file, state);
    // A second pass over the same text (the main-thread rules) must not collect them twice.
    if (!known || part || scope !== 'main-thread') {
      const started = timing ? performance.now() : 0;
      const lineShift = part ? part.index.point(part.offset).line - 1 : 0;
      for (const s of collectSuppressions(doc)) {
        state.suppressions.push({
          ...s,
          line: s.line + lineShift,
          endLine: s.endLine + lineShift,
          fromLine: s.fromLine + lineShift,
          toLine: s.toLine + lineShift,
        });
      }
      if (timing) timing('suppressions', performance.now() - started);
    }
    const local = { index: doc.index, shift: part?.offset ?? 0, code: codeSpans(doc) };
    for (const { rule, state: ruleState } of this.entries) {
      if (scope !== 'all' && needsMainThread(rule) !== (scope === 'main-thread')) continue;
      const started = timing ? performance.now() : 0;
      const ctx = {
        run: this.options.run,
        state: ruleState,
        report: (report: RuleReport) => this.place(state, this.metaFor(rule, report), report, local),
      };
      try {
        await rule.check(doc, ctx);
        // A file parsed in parts keeps the data of its first part.
        if (rule.collect && !(rule.meta.id in state.collected)) {
          state.collected[rule.meta.id] = await rule.collect(doc, ctx);
        }
      } catch (error) {
        this.place(state, this.metaById.get('internal/rule-error') as RuleMeta, ruleError(rule, error));
      }
      if (timing) timing(`check:${ruleCategory(rule.meta.id)}`, performance.now() - started);
    }
  }

  /** The plain data of a checked file so far (for the findings cache). */
  resultOf(file: string): FileResult | undefined {
    const state = this.files.get(file);
    if (!state) return undefined;
    return {
      file,
      suppressions: state.suppressions.map(({ used: _used, ...rest }) => rest),
      findings: state.raw.map(({ meta, ...rest }) => ({ ruleId: meta.id, ...rest })),
      collected: state.collected,
    };
  }

  /** The plain data of a checked file, which the engine then forgets (used by worker threads). */
  take(file: string): FileResult | undefined {
    const result = this.resultOf(file);
    this.files.delete(file);
    return result;
  }

  /** Takes in a file checked elsewhere (a worker, or the findings cache); `source` is its text. */
  adopt(result: FileResult, source: string | SourceIndex): void {
    const index = typeof source === 'string' ? new SourceIndex(source) : source;
    const raw: RawFinding[] = [];
    for (const { ruleId, ...rest } of result.findings) {
      const meta = this.metaById.get(ruleId);
      if (meta) raw.push({ meta, ...rest });
    }
    this.files.set(result.file, {
      file: result.file,
      index,
      suppressions: result.suppressions.map((s) => ({ ...s, used: new Set<string>() })),
      raw,
      collected: { ...result.collected },
    });
  }

  /** Runs site-wide rules, then stamps every finding: severity, position, suppression, fingerprint. */
  async finish(): Promise<EngineFinding[]> {
    const timing = this.options.onTiming;
    for (const { rule, state } of this.entries) {
      if (!rule.finish) continue;
      const started = timing ? performance.now() : 0;
      const collected = new Map<string, unknown>();
      if (rule.collect) {
        for (const file of this.files.values()) {
          if (rule.meta.id in file.collected) collected.set(file.file, file.collected[rule.meta.id]);
        }
      }
      try {
        await rule.finish({
          run: this.options.run,
          state,
          collected,
          report: (file, report) => {
            const target = this.files.get(file);
            if (target) this.place(target, this.metaFor(rule, report), report);
          },
        });
      } catch (error) {
        const first = this.files.values().next().value;
        if (first)
          this.place(first, this.metaById.get('internal/rule-error') as RuleMeta, ruleError(rule, error));
      }
      if (timing) timing(`finish:${ruleCategory(rule.meta.id)}`, performance.now() - started);
    }
    const started = timing ? performance.now() : 0;
    const out: EngineFinding[] = [];
    for (const state of this.files.values()) for (const finding of this.stamp(state)) out.push(finding);
    if (timing) timing('stamp', performance.now() - started);
    return out;
  }

  /** Stores a report as offsets into its whole file (`local` maps a part's offsets onto the file). */
  private place(
    state: FileState,
    meta: RuleMeta,
    report: RuleReport,
    local: PlaceIn = { index: state.index, shift: 0 },
  ): void {
    let [start, end, documentLevel] = spanOf(local.index, report, this.options.strictPositions);
    const inCode = !documentLevel && isInside(local.code?.() ?? { starts: [], ends: [] }, start);
    const { source } = local.index;
    const around = source.slice(Math.max(0, start - QUOTE_REACH), end + QUOTE_REACH);
    report = limitQuoting(report, around, source.slice(start, end), inCode);
    if (documentLevel) [start, end] = spanOf(state.index, { document: true, message: '' });
    else {
      start += local.shift;
      end += local.shift;
    }
    const { node: _node, ...rest } = report as RuleReport & { node?: unknown };
    state.raw.push({ meta, report: rest as RuleReport, start, end, documentLevel });
  }

  private metaFor(rule: Rule, report: RuleReport): RuleMeta {
    const meta =
      !report.ruleId || report.ruleId === rule.meta.id
        ? rule.meta
        : rule.emits?.find((m) => m.id === report.ruleId);
    if (!meta) throw new Error(`rule ${rule.meta.id} reported under undeclared id ${report.ruleId}`);
    if (report.safeFix && !meta.fixable) {
      throw new Error(`${meta.id} offered a fix to apply unread, but its meta does not declare fixable`);
    }
    return meta;
  }

  /** Suppressions the change adds (after `finish`), in file and line order. */
  addedSuppressions(): AddedSuppression[] {
    const out: AddedSuppression[] = [];
    const isAdded = this.options.isAdded;
    if (!isAdded) return out;
    for (const state of this.files.values()) {
      for (const s of state.suppressions) {
        if (!isAdded(state.file, s.line)) continue;
        const counts = refusal(s, this.options.suppressionPolicy ?? 'allow') === undefined;
        out.push({ file: state.file, line: s.line, rules: s.rules, reason: s.reason, counts });
      }
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  }

  private stamp(state: FileState): EngineFinding[] {
    const fingerprints = new Fingerprints(state.file);
    const kept: EngineFinding[] = [];
    const seen = new Set<string>();
    const refused = this.refusedSuppressions(state);
    const active = state.suppressions.filter((s) => !refused.has(s));
    for (const { meta, report, start, end, documentLevel } of state.raw) {
      const configured = this.severityOf(meta.id);
      if (configured === 'off') continue;
      const severity = lowerOf(configured, report.severity);
      const from = state.index.point(start);
      const to = state.index.point(end);
      const key = `${meta.id}:${start}:${end}:${report.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (findSuppression(active, meta.id, from.line, to.line)) continue;
      kept.push(
        this.finding(state, meta, severity, report, from, to, start, end, documentLevel, fingerprints),
      );
    }
    kept.push(...this.unusedSuppressions(state, active, fingerprints));
    kept.push(...this.refusedFindings(state, refused, fingerprints));
    return kept.sort(byPosition);
  }

  /** Suppressions the change adds that do not count, with the reason why. */
  private refusedSuppressions(state: FileState): Map<Suppression, string> {
    const refused = new Map<Suppression, string>();
    const { isAdded, suppressionPolicy = 'allow' } = this.options;
    state.suppressions.forEach((s, index) => {
      const why =
        index >= MAX_SUPPRESSIONS
          ? TOO_MANY_SUPPRESSIONS
          : isAdded?.(state.file, s.line)
            ? refusal(s, suppressionPolicy)
            : undefined;
      if (why) refused.set(s, why);
    });
    return refused;
  }

  private refusedFindings(
    state: FileState,
    refused: Map<Suppression, string>,
    fingerprints: Fingerprints,
  ): EngineFinding[] {
    const meta = this.metaById.get('content/refused-suppression') as RuleMeta;
    const severity = this.severityOf(meta.id);
    if (severity === 'off') return [];
    return [...refused].map(([s, message]) =>
      this.directiveFinding(state, meta, severity, s, message, fingerprints),
    );
  }

  private directiveFinding(
    state: FileState,
    meta: RuleMeta,
    severity: Severity,
    s: Suppression,
    message: string,
    fingerprints: Fingerprints,
  ): EngineFinding {
    const start = state.index.offset(s.line, s.column);
    const end = state.index.offset(s.endLine, s.endColumn);
    return this.finding(
      state,
      meta,
      severity,
      { message, start, end },
      { line: s.line, column: s.column },
      { line: s.endLine, column: s.endColumn },
      start,
      end,
      false,
      fingerprints,
    );
  }

  private finding(
    state: FileState,
    meta: RuleMeta,
    severity: Severity,
    report: RuleReport,
    from: { line: number; column: number },
    to: { line: number; column: number },
    start: number,
    end: number,
    documentLevel: boolean,
    fingerprints: Fingerprints,
  ): EngineFinding {
    const lineText = state.index.lines[from.line - 1] ?? '';
    const suggestions = (report.suggestions ?? []).slice(0, 5);
    const finding: EngineFinding = {
      ruleId: meta.id,
      category: ruleCategory(meta.id),
      severity,
      message: withCitation(report.message, meta),
      policy: meta.policy,
      file: state.file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      suggestions,
      fingerprint: fingerprints.next(meta.id, lineText),
      lineHash: fingerprints.lineHash(from.line, lineText),
    };
    if (documentLevel) finding.documentLevel = true;
    if (suggestions.length === 1 && report.safeFix && !documentLevel) {
      finding.fix = { start, end, text: suggestions[0] as string, safe: true };
    }
    return finding;
  }

  private unusedSuppressions(
    state: FileState,
    active: Suppression[],
    fingerprints: Fingerprints,
  ): EngineFinding[] {
    const meta = this.metaById.get('content/unused-suppression') as RuleMeta;
    const severity = this.severityOf(meta.id);
    if (severity === 'off') return [];
    const out: EngineFinding[] = [];
    for (const s of active) {
      const targets = s.rules.length === 0 ? ['*'] : s.rules;
      for (const target of targets) {
        if (s.used.has(target)) continue;
        const known = target === '*' || this.isKnownTarget(target);
        // A suppression of a rule that did not run this time cannot be judged unused.
        if (known && target !== '*' && !this.targetRan(target)) continue;
        const message = known
          ? `This suppression of ${target === '*' ? 'all rules' : `'${target}'`} hides nothing here: remove it so it does not hide a future problem.`
          : `'${target}' is not a Content Gate rule or category, so this suppression hides nothing. Check the spelling of the rule id.`;
        out.push(this.directiveFinding(state, meta, severity, s, message, fingerprints));
      }
    }
    return out;
  }

  private isKnownTarget(target: string): boolean {
    for (const id of this.metaById.keys()) if (id === target || ruleCategory(id) === target) return true;
    return false;
  }

  private targetRan(target: string): boolean {
    for (const id of this.metaById.keys()) {
      if ((id === target || ruleCategory(id) === target) && this.severityOf(id) !== 'off') {
        return this.entries.some((e) => [e.rule.meta, ...(e.rule.emits ?? [])].some((m) => m.id === id));
      }
    }
    return false;
  }
}

/** Where a report is placed: the document (or part) it was made on, and its code blocks. */
interface PlaceIn {
  index: SourceIndex;
  shift: number;
  code?: () => CodeSpans;
}

/** Where the document's fenced and indented code blocks start and end, in order. */
interface CodeSpans {
  starts: number[];
  ends: number[];
}

/** The document's code blocks, found once when first asked. */
function codeSpans(doc: Document): () => CodeSpans {
  let spans: CodeSpans | undefined;
  return () => {
    if (!spans) {
      const nodes = doc.nodes<Code>('code');
      spans = {
        starts: nodes.map((n) => n.position?.start.offset ?? 0),
        ends: nodes.map((n) => n.position?.end.offset ?? 0),
      };
    }
    return spans;
  };
}

/** How far either side of a finding its message's quotations of the post are looked for. */
const QUOTE_REACH = 2_000;

/** Whether `offset` falls in one of the code blocks. */
function isInside({ starts, ends }: CodeSpans, offset: number): boolean {
  if (starts.length === 0 || offset < (starts[0] as number)) return false;
  return offset < (ends[lastAtOrBefore(starts, offset)] as number);
}

/** The report with its quotations of the post capped (see `clipQuotes`). */
function limitQuoting(report: RuleReport, source: string, span: string, inCode: boolean): RuleReport {
  const message = clipQuotes(report.message, source, inCode);
  const suggestions = report.suggestions?.filter((s) => !inCode && keepSuggestion(s, span));
  if (message === report.message && suggestions?.length === report.suggestions?.length) return report;
  const limited = { ...report, message, suggestions };
  if (suggestions?.length !== report.suggestions?.length) limited.safeFix = false;
  return limited;
}

function ruleError(rule: Rule, error: unknown): RuleReport {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    document: true,
    message: `The rule '${rule.meta.id}' failed on this file (${reason}), so it was not checked by that rule. The other rules ran. Please report this to the Content Gate maintainers.`,
  };
}

/** Source span of a report, clamped into the file (or checked, when strict); document-level reports cover the first line. */
function spanOf(index: SourceIndex, report: RuleReport, strict = false): [number, number, boolean] {
  const length = index.source.length;
  const firstLine: [number, number, boolean] = [0, Math.min(index.lines[0]?.length ?? 0, length), true];
  if ('document' in report) return firstLine;
  let start: number;
  let end: number;
  if ('node' in report) {
    const position = (report.node as Node).position;
    if (!position) return firstLine;
    start = position.start.offset ?? index.offset(position.start.line, position.start.column);
    end = position.end.offset ?? index.offset(position.end.line, position.end.column);
  } else {
    start = report.start;
    end = report.end;
  }
  if (
    strict &&
    !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)
  )
    throw new RangeError(`reported span ${start}..${end} is outside the file of ${length} characters`);
  const clamp = (n: number) => Math.max(0, Math.min(Number.isFinite(n) ? n : 0, length));
  start = clamp(start);
  return [start, Math.max(start, clamp(end)), false];
}

export function byPosition(a: EngineFinding, b: EngineFinding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

export { Document };
