import { failingCount } from '../core/severity.js';
import type { FailOn, Finding } from '../core/types.js';
import { categoryTable, cell, countLine, GITHUB_BODY_LIMIT, plural } from './markdown.js';

export const CHECK_RUN_NAME = 'Content Gate';
/** The checks API takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title: string;
  raw_details?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
}

const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' } as const;

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** One check-run annotation per finding; columns only on one-line spans (the API ignores them otherwise). */
export function checkAnnotation(f: Finding): CheckAnnotation {
  const annotation: CheckAnnotation = {
    path: f.file,
    start_line: f.line,
    end_line: Math.max(f.line, f.endLine),
    annotation_level: LEVEL[f.severity],
    message: clip(f.message, 60_000),
    title: f.ruleId,
  };
  if (f.line === f.endLine) {
    annotation.start_column = f.column;
    annotation.end_column = Math.max(f.column, f.endColumn);
  }
  if (f.suggestions.length > 0) {
    annotation.raw_details = clip(`Suggestion: ${f.suggestions.join('\nor: ')}`, 60_000);
  }
  return annotation;
}

/** The annotations in request-sized batches. */
export function annotationBatches(findings: readonly Finding[]): CheckAnnotation[][] {
  const all = findings.map(checkAnnotation);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < all.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(all.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}

export function checkConclusion(findings: readonly Finding[], failOn: FailOn): 'success' | 'failure' {
  return failingCount(findings, failOn) > 0 ? 'failure' : 'success';
}

/** Title and summary of the check run (under the API's 65,535-character limit). */
export function checkOutput(findings: readonly Finding[], files: number, failOn: FailOn): CheckOutput {
  const title = findings.length === 0 ? 'No findings' : countLine(findings);
  const lines = [
    findings.length === 0
      ? `No findings in ${plural(files, 'file')} checked.`
      : `${countLine(findings)} in ${plural(new Set(findings.map((f) => f.file)).size, 'file')} (${plural(files, 'file')} checked). Each finding is an annotation on its line.`,
    '',
    failOn === 'never'
      ? 'This check never fails on findings (fail-on: never).'
      : `This check fails on findings of level ${cell(failOn)} or above.`,
    ...(findings.length > 0 ? ['', categoryTable(findings)] : []),
  ];
  return { title, summary: clip(lines.join('\n'), GITHUB_BODY_LIMIT) };
}
