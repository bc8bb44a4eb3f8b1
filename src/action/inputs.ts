import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import type { FailOn } from '../core/types.js';

export type CommentSetting = 'true' | 'false' | 'on-failure';
export type ActionMode = 'check' | 'link-rot' | 'publish';

/** The action's inputs, validated. Empty strings mean "not given". */
export interface ActionInputs {
  paths: string[];
  config?: string;
  failOn: FailOn;
  offline: boolean;
  token: string;
  /** Undefined: decided by the event (true on pull requests). */
  changedOnly?: boolean;
  comment: CommentSetting;
  maxSuggestions: number;
  sarifFile?: string;
  /** Undefined: decided by the event (link-rot on schedule and workflow_dispatch). */
  mode?: ActionMode;
  report?: string;
  /** False: check and write the report, publish nothing (the pull_request half of the fork-safe pair). */
  publish: boolean;
  /** Which config checks a pull request or push: the base commit's (default) or the change's own. */
  configSource: 'base' | 'head';
  /** The login the sticky comment is kept under: only its comments are ever edited. */
  commentAuthor: string;
  /** Set a commit status (what CMS screens show) on the checked commit. */
  commitStatus: boolean;
  statusContext: string;
  /** Where the workflow publishes the findings page; the commit status links there. */
  reportUrl?: string;
  /** Write the findings page (HTML) here. */
  htmlReport?: string;
  /** The branch whose pushes are checked and tracked; undefined: the repository's default branch. */
  publishBranch?: string;
  /** On CMS editorial-workflow pull requests: fail always, or only once the entry is ready to publish. */
  blockWhen: 'always' | 'ready';
  /** Branch prefix of CMS editorial-workflow pull requests (Decap: `cms/`). */
  cmsBranchPrefix: string;
}

export type InputReader = (name: string) => string;

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === '') return fallback;
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new UsageError(`Input ${name}: expected one of ${allowed.join(', ')}, got "${value}".`);
}

function bool(name: string, value: string): boolean | undefined {
  if (value === '') return undefined;
  return oneOf(name, value, ['true', 'false'] as const, 'false') === 'true';
}

function urlInput(name: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(value)) {
    throw new UsageError(`Input ${name}: expected an http(s) address, got "${value}".`);
  }
  return value;
}

/** Paths one per line or separated by commas. */
export function splitPaths(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Reads and validates every input; the only place that calls getInput. */
export function readInputs(read: InputReader = (name) => core.getInput(name)): ActionInputs {
  const max = read('max-suggestions');
  const maxSuggestions = max === '' ? 20 : Number(max);
  if (!Number.isInteger(maxSuggestions) || maxSuggestions < 0) {
    throw new UsageError(`Input max-suggestions: expected a whole number of 0 or more, got "${max}".`);
  }
  const mode = read('mode');
  return {
    paths: splitPaths(read('paths')),
    config: read('config') || undefined,
    failOn: oneOf('fail-on', read('fail-on'), ['error', 'warning', 'notice', 'never'] as const, 'error'),
    offline: bool('offline', read('offline')) ?? false,
    token: read('github-token'),
    changedOnly: bool('changed-only', read('changed-only')),
    comment: oneOf('comment', read('comment'), ['true', 'false', 'on-failure'] as const, 'true'),
    maxSuggestions,
    sarifFile: read('sarif-file') || undefined,
    mode: mode === '' ? undefined : oneOf('mode', mode, ['check', 'link-rot', 'publish'] as const, 'check'),
    report: read('report') || undefined,
    publish: bool('publish', read('publish')) ?? true,
    configSource: oneOf('config-source', read('config-source'), ['base', 'head'] as const, 'base'),
    commentAuthor: read('comment-author') || 'github-actions[bot]',
    commitStatus: bool('commit-status', read('commit-status')) ?? true,
    statusContext: read('status-context') || 'Content Gate',
    reportUrl: urlInput('report-url', read('report-url')),
    htmlReport: read('html-report') || undefined,
    publishBranch: read('publish-branch') || undefined,
    blockWhen: oneOf('block-when', read('block-when'), ['always', 'ready'] as const, 'always'),
    cmsBranchPrefix: read('cms-branch-prefix') || 'cms/',
  };
}
