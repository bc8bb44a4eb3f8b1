import type { Node } from 'unist';
import type { z } from 'zod';
import type { ResolvedConfig } from './config.js';
import type { Document } from './document.js';
import type { ChangeHistory, Severity } from './types.js';

/** What a rule declares about itself. The engine stamps id, category, severity and policy on findings. */
export interface RuleMeta {
  /** `category/name`, from the contract's rule table. */
  id: string;
  /** The policy section the rule enforces, e.g. "Attribution". */
  policy: string;
  /** The policy's own words, quoted in the documentation. */
  clause: string;
  defaultSeverity: Severity;
  /** One sentence for the README's rule table. */
  description: string;
  /** Why the default severity is what it is (shown in the rule table). */
  severityReason?: string;
  /** Where the rule is explained: set by `metasOf` from the id (a stable anchor in docs/rules.md). */
  docsUrl?: string;
  /**
   * What `rules.<id>.options` may hold, as a zod schema: it validates the config (each bad key
   * named) and types the generated JSON Schema. A rule without it takes no options.
   */
  options?: z.ZodType;
  /** True when the rule may offer a fix that `--fix` applies unread (`safeFix`); the engine refuses one otherwise. */
  fixable?: boolean;
}

/** The published rule reference; each rule has an anchor named after its id (`links-broken`). */
export const RULES_DOCS = 'https://github.com/content-gate/content-gate/blob/main/docs/rules.md';

export function docsAnchorOf(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

export function docsUrlOf(id: string): string {
  return `${RULES_DOCS}#${docsAnchorOf(id)}`;
}

/** Where a report points: a node with a position, a source offset range, or the whole document. */
export type ReportTarget = { node: Node } | { start: number; end: number } | { document: true };

export type RuleReport = ReportTarget & {
  message: string;
  /** The id to report under, when the rule emits more than one (it must be listed in `emits`). */
  ruleId?: string;
  /** A lower severity for this finding than the rule's configured one (never higher). */
  severity?: Severity;
  /** Replacement texts for the reported span, best first. */
  suggestions?: string[];
  /** True when the single suggestion may be applied by `--fix` without a human reading it. */
  safeFix?: boolean;
};

export interface RunContext {
  config: ResolvedConfig;
  /** Working folder all file paths are relative to. */
  cwd: string;
  /** The repository (a real path): nothing outside it is read. Default: `cwd`. */
  root?: string;
  offline: boolean;
  mode: 'check' | 'link-rot';
  /** Files of this run, relative to cwd. */
  files: readonly string[];
  /** Options configured for a rule id (`rules.<id>.options`), already validated. */
  options(id: string): unknown;
  isEnabled(id: string): boolean;
  /** Progress and warnings that are not findings. */
  warn(message: string, file?: string): void;
  /** The posts' text before the change, when the run checks a change against a base commit. */
  history?: ChangeHistory;
}

export interface RuleContext<State = unknown> {
  run: RunContext;
  state: State;
  report(report: RuleReport): void;
}

export interface FinishContext<State = unknown> {
  run: RunContext;
  state: State;
  /** Report against a file checked earlier in this run. */
  report(file: string, report: RuleReport): void;
  /**
   * What `collect` returned for each file of the run (file path to data), in file order. Files
   * checked in a worker or taken from the findings cache are here too.
   */
  collected: ReadonlyMap<string, unknown>;
}

export interface Rule<State = unknown> {
  meta: RuleMeta;
  /** Further ids this rule reports under (e.g. a grammar engine's kinds). */
  emits?: RuleMeta[];
  /** Once per run, only when one of the rule's ids is enabled. */
  setup?(run: RunContext): State | Promise<State>;
  /**
   * Per-file findings. They must depend only on this file's text and the config: they may be
   * computed in a worker thread or reused from the findings cache for an unchanged file. Anything
   * that looks at other files (does a link target exist?) belongs in `finish`.
   */
  check(doc: Document, ctx: RuleContext<State>): void | Promise<void>;
  /**
   * For site-wide rules: the plain data (JSON-safe: strings, numbers, arrays, plain objects) that
   * `finish` needs from this file, e.g. its links and anchors. It travels from worker threads and is
   * kept in the findings cache. A rule with `finish` but no `collect` keeps its data in `state` and
   * is then always run in the main process on every file, cached or not (correct, but it costs a
   * parse per file).
   */
  collect?(doc: Document, ctx: RuleContext<State>): unknown | Promise<unknown>;
  /** After every document was checked: for site-wide rules (links, names). */
  finish?(ctx: FinishContext<State>): void | Promise<void>;
}

/** The engine's own findings (suppressions, config, rule errors) cite no clause of the library's policy. */
export const ENGINE_POLICY = 'Content Gate';

/**
 * A finding's message as an editor reads it: the rule's words, then a short citation of the policy
 * section (the full clause is shown once per rule: docs, SARIF help, the summary and the comment).
 */
export function withCitation(message: string, meta: RuleMeta): string {
  return meta.policy === ENGINE_POLICY ? message : `${message} (Policy: ${meta.policy})`;
}

/** Every id the rules report under (their own and the ones they emit), with its docs link. */
export function metasOf(rules: readonly Rule[]): RuleMeta[] {
  return rules.flatMap((r) => [r.meta, ...(r.emits ?? [])]).map(withDocsUrl);
}

/** The meta with its docs link (from the id, unless the meta names its own). */
export function withDocsUrl(meta: RuleMeta): RuleMeta {
  return meta.docsUrl ? meta : { ...meta, docsUrl: docsUrlOf(meta.id) };
}

/** A site-wide rule whose per-file data lives in its `state`, so it must see every file in-process. */
export function needsMainThread(rule: Rule): boolean {
  return rule.finish !== undefined && rule.collect === undefined;
}

export function ruleCategory(id: string): string {
  const slash = id.indexOf('/');
  return slash === -1 ? id : id.slice(0, slash);
}
