import { UsageError } from '../config/errors.js';
import type { Finding, Report } from '../core/types.js';
import { buildReport } from './json.js';

/** Checks that parsed JSON has the report contract's shape. */
export function asReport(value: unknown, name: string): Report {
  const r = value as Partial<Report> | null;
  if (
    !r ||
    typeof r !== 'object' ||
    r.tool?.name !== 'content-gate' ||
    !Array.isArray(r.findings) ||
    !Array.isArray(r.files)
  ) {
    throw new UsageError(`${name} is not a Content Gate JSON report (made with --format json).`);
  }
  return r as Report;
}

/** Combines shard reports into one of the same shape: files and findings deduplicated and sorted. */
export function mergeReports(reports: readonly Report[], version: string): Report {
  const files = new Set<string>();
  const findings = new Map<string, Finding>();
  for (const report of reports) {
    for (const f of report.files) files.add(f.file);
    for (const f of report.findings) {
      const key = [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.message].join('\0');
      if (!findings.has(key)) findings.set(key, f);
    }
  }
  const sorted = [...findings.values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  );
  return buildReport(version, [...files].sort(), sorted);
}
