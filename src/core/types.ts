/** Severity levels are GitHub's annotation levels. */
export type Severity = 'error' | 'warning' | 'notice';
export type SeverityOrOff = Severity | 'off';

/** The English dialects spelling and grammar follow (config `language`). */
export const ENGLISH_DIALECTS = ['en-US', 'en-GB', 'en-CA', 'en-AU'] as const;
export type EnglishDialect = (typeof ENGLISH_DIALECTS)[number];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];
export const SEVERITY_RANK: Record<SeverityOrOff, number> = { off: 0, notice: 1, warning: 2, error: 3 };

/** A 1-based line and column, with the 0-based offset into the source. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/** A replacement of a source span; `safe` ones may be applied by `--fix`. */
export interface Fix {
  start: number;
  end: number;
  text: string;
  safe: boolean;
}

/** One finding, as the JSON report carries it (see the contract). */
export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  policy: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: string[];
}

/** A finding plus what the engine keeps for fixes, fingerprints and review comments. */
export interface EngineFinding extends Finding {
  fingerprint: string;
  /** Code scanning's line key (`primaryLocationLineHash`); absent where the line's text is unknown. */
  lineHash?: string;
  fix?: Fix;
  /** True for findings about the whole document rather than a span. */
  documentLevel?: boolean;
}

/** A file that could not be checked, or a problem that is not a finding. */
export interface Diagnostic {
  file?: string;
  line?: number;
  column?: number;
  level: 'warning' | 'error';
  message: string;
}

export interface FileSummary {
  file: string;
  findings: number;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  notices: number;
}

export interface Report {
  tool: { name: string; version: string };
  files: FileSummary[];
  findings: Finding[];
  summary: Summary;
}

/** The lowest severity that fails a run (`--fail-on`); `never` keeps the exit code 0. */
export type FailOn = 'error' | 'warning' | 'notice' | 'never';

/** Files of a change and their changed lines (1-based), or `all` for a file that is new as a whole. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/** A fix `--fix` wrote into a post. */
export interface AppliedFix {
  file: string;
  line: number;
  column: number;
  before: string;
  after: string;
  ruleId: string;
}

/**
 * What a change did to the posts it touches, from git: each changed post's text at the base commit
 * (renames followed) and when it was first committed there. Plain data, so it reaches workers.
 */
export interface ChangeHistory {
  /** The commit the change is compared with (a pull request's base, `--changed-since REF`). */
  base: string;
  /** Today, `YYYY-MM-DD`: a correction note's date. */
  today: string;
  files: Record<string, { previous: string; firstCommitted?: string }>;
}
