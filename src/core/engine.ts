import type { Node } from 'unist';
import { Document } from './document.js';
import { fingerprint } from './fingerprint.js';
import { type Rule, type RuleMeta, type RuleReport, type RunContext, ruleCategory } from './rule.js';
import { lowerOf, resolveSeverity, type SeverityTable } from './severity.js';
import type { SourceIndex } from './source-index.js';
import { collectSuppressions, findSuppression, type Suppression } from './suppress.js';
import type { EngineFinding, Severity, SeverityOrOff } from './types.js';

/** Ids the engine itself reports under. */
export const ENGINE_RULES: RuleMeta[] = [
  {
    id: 'content/unused-suppression',
    policy: 'Content Gate',
    clause: 'A suppression comment that hides nothing should be removed, so stale ones do not pile up.',
    defaultSeverity: 'notice',
    description: 'A `content-gate-disable` comment or front-matter `disable` entry that suppresses nothing.',
  },
  {
    id: 'internal/rule-error',
    policy: 'Content Gate',
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
}

export interface EngineOptions {
  rules: readonly Rule[];
  run: RunContext;
  severities: SeverityTable;
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

  /** Calls `setup` of each rule with at least one enabled id. */
  async setup(): Promise<void> {
    for (const rule of this.options.rules) {
      const ids = [rule.meta, ...(rule.emits ?? [])].map((m) => m.id);
      if (!ids.some((id) => this.severityOf(id) !== 'off')) continue;
      try {
        const state = rule.setup ? await rule.setup(this.options.run) : undefined;
        this.entries.push({ rule, state });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.options.run.warn(
          `The rule '${rule.meta.id}' could not start (${reason}), so it did not run. The other rules ran. Please report this to the Content Gate maintainers.`,
        );
      }
    }
  }

  /** Checks one document. Only offsets are kept, so the tree can be dropped afterwards. */
  async check(doc: Document, part?: FilePart): Promise<void> {
    const known = part ? this.files.get(doc.file) : undefined;
    const state: FileState = known ?? {
      file: doc.file,
      index: part?.index ?? doc.index,
      suppressions: [],
      raw: [],
    };
    this.files.set(doc.file, state);
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
    const local = { index: doc.index, shift: part?.offset ?? 0 };
    for (const { rule, state: ruleState } of this.entries) {
      try {
        await rule.check(doc, {
          run: this.options.run,
          state: ruleState,
          report: (report) => this.place(state, this.metaFor(rule, report), report, local),
        });
      } catch (error) {
        this.place(state, this.metaById.get('internal/rule-error') as RuleMeta, ruleError(rule, error));
      }
    }
  }

  /** Runs site-wide rules, then stamps every finding: severity, position, suppression, fingerprint. */
  async finish(): Promise<EngineFinding[]> {
    for (const { rule, state } of this.entries) {
      if (!rule.finish) continue;
      try {
        await rule.finish({
          run: this.options.run,
          state,
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
    }
    const out: EngineFinding[] = [];
    for (const state of this.files.values()) out.push(...this.stamp(state));
    return out;
  }

  /** Stores a report as offsets into its whole file (`local` maps a part's offsets onto the file). */
  private place(
    state: FileState,
    meta: RuleMeta,
    report: RuleReport,
    local: { index: SourceIndex; shift: number } = { index: state.index, shift: 0 },
  ): void {
    let [start, end, documentLevel] = spanOf(local.index, report);
    if (documentLevel) [start, end] = spanOf(state.index, { document: true, message: '' });
    else {
      start += local.shift;
      end += local.shift;
    }
    const { node: _node, ...rest } = report as RuleReport & { node?: unknown };
    state.raw.push({ meta, report: rest as RuleReport, start, end, documentLevel });
  }

  private metaFor(rule: Rule, report: RuleReport): RuleMeta {
    if (!report.ruleId || report.ruleId === rule.meta.id) return rule.meta;
    const meta = rule.emits?.find((m) => m.id === report.ruleId);
    if (!meta) throw new Error(`rule ${rule.meta.id} reported under undeclared id ${report.ruleId}`);
    return meta;
  }

  private stamp(state: FileState): EngineFinding[] {
    const occurrences = new Map<string, number>();
    const kept: EngineFinding[] = [];
    const seen = new Set<string>();
    for (const { meta, report, start, end, documentLevel } of state.raw) {
      const configured = this.severityOf(meta.id);
      if (configured === 'off') continue;
      const severity = lowerOf(configured, report.severity);
      const from = state.index.point(start);
      const to = state.index.point(end);
      const key = `${meta.id}:${start}:${end}:${report.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (findSuppression(state.suppressions, meta.id, from.line, to.line)) continue;
      kept.push(
        this.finding(state, meta, severity, report, from, to, start, end, documentLevel, occurrences),
      );
    }
    kept.push(...this.unusedSuppressions(state, occurrences));
    return kept.sort(byPosition);
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
    occurrences: Map<string, number>,
  ): EngineFinding {
    const lineText = state.index.lines[from.line - 1] ?? '';
    const occurrenceKey = `${meta.id}\0${lineText.trim()}`;
    const occurrence = occurrences.get(occurrenceKey) ?? 0;
    occurrences.set(occurrenceKey, occurrence + 1);
    const suggestions = (report.suggestions ?? []).slice(0, 5);
    const finding: EngineFinding = {
      ruleId: meta.id,
      category: ruleCategory(meta.id),
      severity,
      message: report.message,
      policy: meta.policy,
      file: state.file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      suggestions,
      fingerprint: fingerprint(meta.id, state.file, lineText, occurrence),
    };
    if (documentLevel) finding.documentLevel = true;
    if (suggestions.length === 1 && report.safeFix && !documentLevel) {
      finding.fix = { start, end, text: suggestions[0] as string, safe: true };
    }
    return finding;
  }

  private unusedSuppressions(state: FileState, occurrences: Map<string, number>): EngineFinding[] {
    const meta = this.metaById.get('content/unused-suppression') as RuleMeta;
    const severity = this.severityOf(meta.id);
    if (severity === 'off') return [];
    const out: EngineFinding[] = [];
    for (const s of state.suppressions) {
      const targets = s.rules.length === 0 ? ['*'] : s.rules;
      for (const target of targets) {
        if (s.used.has(target)) continue;
        const known = target === '*' || this.isKnownTarget(target);
        // A suppression of a rule that did not run this time cannot be judged unused.
        if (known && target !== '*' && !this.targetRan(target)) continue;
        const message = known
          ? `This suppression of ${target === '*' ? 'all rules' : `'${target}'`} hides nothing here: remove it so it does not hide a future problem.`
          : `'${target}' is not a Content Gate rule or category, so this suppression hides nothing. Check the spelling of the rule id.`;
        const start = state.index.offset(s.line, s.column);
        const end = state.index.offset(s.endLine, s.endColumn);
        out.push(
          this.finding(
            state,
            meta,
            severity,
            { message, start, end },
            { line: s.line, column: s.column },
            { line: s.endLine, column: s.endColumn },
            start,
            end,
            false,
            occurrences,
          ),
        );
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

function ruleError(rule: Rule, error: unknown): RuleReport {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    document: true,
    message: `The rule '${rule.meta.id}' failed on this file (${reason}), so it was not checked by that rule. The other rules ran. Please report this to the Content Gate maintainers.`,
  };
}

/** Source span of a report, clamped into the file; document-level reports cover the first line. */
function spanOf(index: SourceIndex, report: RuleReport): [number, number, boolean] {
  const length = index.source.length;
  const clamp = (n: number) => Math.max(0, Math.min(Number.isFinite(n) ? n : 0, length));
  if ('document' in report) return [0, clamp(index.lines[0]?.length ?? 0), true];
  if ('node' in report) {
    const position = (report.node as Node).position;
    if (!position) return [0, clamp(index.lines[0]?.length ?? 0), true];
    const start = clamp(position.start.offset ?? index.offset(position.start.line, position.start.column));
    const end = clamp(position.end.offset ?? index.offset(position.end.line, position.end.column));
    return [start, Math.max(start, end), false];
  }
  const start = clamp(report.start);
  return [start, Math.max(start, clamp(report.end)), false];
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
