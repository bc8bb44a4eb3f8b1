import { createHash } from 'node:crypto';
import type { Finding } from '../core/types.js';
import { cell, escapeMarkdown, GITHUB_BODY_LIMIT, plural } from './markdown.js';

/** A finding and whether its single suggestion may be applied without a person rewording it. */
export interface SuggestionCandidate {
  finding: Finding;
  safe: boolean;
}

/** The new side of one file's diff: added lines with their text, and every line a comment may use. */
export interface DiffSide {
  added: ReadonlyMap<number, string>;
  inDiff: ReadonlySet<number>;
}

export interface ReviewComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** A review comment already on the pull request. */
export interface PostedComment {
  path: string;
  body: string;
}

export interface SuggestionPlan {
  comments: ReviewComment[];
  alreadyPosted: number;
  overLimit: number;
}

const MARKER_PREFIX = '<!-- content-gate:suggestion ';

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The finding's lines with its single suggestion applied; undefined when a line is not an added line. */
export function replacedLines(f: Finding, side: DiffSide): string | undefined {
  const replacement = f.suggestions[0];
  if (replacement === undefined || f.endLine < f.line) return undefined;
  for (let line = f.line; line <= f.endLine; line++) {
    if (!side.added.has(line) || !side.inDiff.has(line)) return undefined;
  }
  const first = side.added.get(f.line) as string;
  const last = side.added.get(f.endLine) as string;
  if (f.column - 1 > first.length || f.endColumn - 1 > last.length) return undefined;
  return first.slice(0, f.column - 1) + replacement + last.slice(f.endColumn - 1);
}

export function suggestionKey(path: string, line: number, text: string): string {
  return createHash('sha256').update(`${path}\0${line}\0${text}`).digest('hex').slice(0, 16);
}

export function suggestionComment(f: Finding, text: string): ReviewComment {
  const fence = fenceFor(text);
  const body = [
    `${MARKER_PREFIX}${suggestionKey(f.file, f.line, text)} -->`,
    `**\`${cell(f.ruleId)}\`** ${escapeMarkdown(f.message)}`,
    '',
    `${fence}suggestion`,
    text,
    fence,
  ].join('\n');
  const comment: ReviewComment = {
    path: f.file,
    line: f.endLine,
    side: 'RIGHT',
    body: body.slice(0, GITHUB_BODY_LIMIT),
  };
  if (f.endLine > f.line) {
    comment.start_line = f.line;
    comment.start_side = 'RIGHT';
  }
  return comment;
}

/**
 * The suggested changes to post: findings with one safe replacement whose lines the pull request added,
 * at most one per line, none already posted, at most `max`.
 */
export function planSuggestions(
  candidates: readonly SuggestionCandidate[],
  sideOf: (file: string) => DiffSide | undefined,
  posted: readonly PostedComment[],
  max: number,
): SuggestionPlan {
  const postedKeys = new Set<string>();
  for (const c of posted) {
    for (const m of c.body.matchAll(/<!-- content-gate:suggestion ([0-9a-f]+) -->/g))
      postedKeys.add(`${c.path}\0${m[1]}`);
  }
  const usedLines = new Set<string>();
  const comments: ReviewComment[] = [];
  let alreadyPosted = 0;
  let overLimit = 0;
  for (const { finding: f, safe } of candidates) {
    if (!safe || f.suggestions.length !== 1) continue;
    const side = sideOf(f.file);
    if (!side) continue;
    const text = replacedLines(f, side);
    if (text === undefined) continue;
    const lines = Array.from({ length: f.endLine - f.line + 1 }, (_, i) => `${f.file}:${f.line + i}`);
    if (postedKeys.has(`${f.file}\0${suggestionKey(f.file, f.line, text)}`)) {
      // Still waiting to be applied: a second suggestion on these lines would conflict with it.
      for (const l of lines) usedLines.add(l);
      alreadyPosted++;
      continue;
    }
    if (lines.some((l) => usedLines.has(l))) continue;
    if (comments.length >= max) {
      overLimit++;
      continue;
    }
    for (const l of lines) usedLines.add(l);
    comments.push(suggestionComment(f, text));
  }
  return { comments, alreadyPosted, overLimit };
}

export function reviewBody(plan: SuggestionPlan): string {
  const lines = [
    `Content Gate suggests ${plural(plan.comments.length, 'change')} that can be applied with one click ("Commit suggestion").`,
  ];
  if (plan.overLimit > 0) {
    lines.push(
      `${plural(plan.overLimit, 'more suggestion')} are listed in the check run and the job summary (max-suggestions).`,
    );
  }
  return lines.join('\n\n');
}
