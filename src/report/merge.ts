import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { Fingerprints } from '../core/fingerprint.js';
import type { EngineFinding, Finding, Report } from '../core/types.js';
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

/** Plain code-unit order, the order discovery lists files in, so a merge orders files as one run does. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of findings in a report: by file, then position, rule and message (as the engine sorts). */
function reportOrder(a: Finding, b: Finding): number {
  return (
    byCodeUnits(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}

/**
 * Combines shard reports into one of the same shape: files and findings deduplicated (the same
 * finding in two reports counts once) and ordered as a single run over all the files orders them.
 */
export function mergeReports(reports: readonly Report[], version: string): Report {
  const files = new Set<string>();
  const findings = new Map<string, Finding>();
  for (const report of reports) {
    for (const f of report.files) files.add(f.file);
    for (const f of report.findings) {
      files.add(f.file);
      const key = [f.file, f.line, f.column, f.endLine, f.endColumn, f.ruleId, f.message].join('\0');
      if (!findings.has(key)) findings.set(key, f);
    }
  }
  const sorted = [...findings.values()].sort(reportOrder);
  return buildReport(version, [...files].sort(byCodeUnits), sorted);
}

/**
 * Gives merged findings the fingerprints a single run would give them (rule, file, the text of
 * the finding's line, which occurrence of that text it is), reading each file from `cwd`. A file
 * that cannot be read falls back to a fingerprint of the finding's place.
 */
export function withFingerprints(findings: readonly Finding[], cwd: string): EngineFinding[] {
  const lines = new Map<string, string[] | undefined>();
  const fingerprints = new Map<string, Fingerprints>();
  return findings.map((f) => {
    if (!lines.has(f.file)) {
      let text: string | undefined;
      try {
        text = readFileSync(resolve(cwd, f.file), 'utf8').replace(/^\uFEFF/, '');
      } catch {
        text = undefined;
      }
      lines.set(f.file, text?.split(/\r?\n/));
    }
    const fileLines = lines.get(f.file);
    if (!fileLines) return { ...f, fingerprint: `${f.ruleId}:${f.file}:${f.line}:${f.column}` };
    const lineText = fileLines[f.line - 1] ?? '';
    let forFile = fingerprints.get(f.file);
    if (!forFile) {
      forFile = new Fingerprints(f.file);
      fingerprints.set(f.file, forFile);
    }
    return {
      ...f,
      fingerprint: forFile.next(f.ruleId, lineText),
      lineHash: forFile.lineHash(f.line, lineText),
    };
  });
}
