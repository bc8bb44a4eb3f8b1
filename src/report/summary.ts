import type { AddedSuppression } from '../core/engine.js';
import type { RuleMeta } from '../core/rule.js';
import type { Finding } from '../core/types.js';
import {
  categoryTable,
  cell,
  countLine,
  fitBlocks,
  type LineLink,
  plural,
  policyDetails,
  SEVERITY_ICON,
} from './markdown.js';
import { suppressionsSection } from './suppressions.js';

/** GitHub refuses a step summary over 1 MiB; stay well under it (other steps may add to the page). */
export const SUMMARY_BYTE_LIMIT = 1_000_000;

export interface SummaryOptions {
  /** Files checked in the run. */
  files: number;
  title?: string;
  link?: LineLink;
  /** Where every finding can still be read when the table is cut. */
  reportPath?: string;
  /** Lines about publishing (what failed, what was left out). */
  notes?: readonly string[];
  maxBytes?: number;
  /** Suppression comments the change adds, listed for the reviewer. */
  suppressions?: readonly AddedSuppression[];
  /** Rule metas, for the policy's words once per clause the findings cite. */
  metas?: readonly RuleMeta[];
  /** The findings page: where the workflow publishes it, else where this run wrote it. */
  page?: { url?: string; path: string };
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function locationCell(f: Finding, link: LineLink | undefined): string {
  const text = f.endLine > f.line ? `${f.line}–${f.endLine}` : String(f.line);
  const url = link?.(f.file, f.line, f.endLine);
  return url ? `[${text}](${url})` : text;
}

function findingRow(f: Finding, link: LineLink | undefined): string {
  const suggestion =
    f.suggestions.length > 0 ? ` Suggestion: ${f.suggestions.map((s) => `“${s}”`).join(' or ')}` : '';
  return `| ${SEVERITY_ICON[f.severity]} | ${cell(f.file)} | ${locationCell(f, link)} | \`${cell(f.ruleId)}\` | ${cell(f.message + suggestion)} |`;
}

/** The job summary: counts, counts by category and a table of findings cut with an "N more" line. */
export function formatSummary(findings: readonly Finding[], options: SummaryOptions): string {
  const head: string[] = [`## ${options.title ?? 'Content Gate'}`, ''];
  const withFindings = new Set(findings.map((f) => f.file)).size;
  if (findings.length === 0) {
    head.push(`✅ No findings in ${plural(options.files, 'file')} checked.`);
  } else {
    const mark = findings.some((f) => f.severity === 'error') ? '❌' : '⚠️';
    head.push(
      `${mark} ${countLine(findings)} in ${withFindings} of ${plural(options.files, 'file')} checked.`,
    );
  }
  if (options.page) {
    head.push(
      '',
      options.page.url
        ? `📄 [Findings page for editors](${options.page.url})`
        : `📄 Findings page for editors: \`${cell(options.page.path)}\` (upload it as an artifact or copy it into the site build to share it).`,
    );
  }
  for (const note of options.notes ?? []) head.push('', `> ${note.replace(/\n/g, ' ')}`);
  const suppressions = suppressionsSection(options.suppressions ?? [], options.link);
  if (suppressions) head.push('', suppressions);
  if (findings.length === 0) return `${head.join('\n')}\n`;
  head.push('', '### By category', '', categoryTable(findings), '');
  const policy = policyDetails(findings, options.metas ?? []);
  if (policy) head.push(policy, '');
  head.push('### Findings', '');
  head.push('| | File | Line | Rule | Message |', '| --- | --- | --- | --- | --- |');
  const start = `${head.join('\n')}\n`;
  const limit = options.maxBytes ?? SUMMARY_BYTE_LIMIT;
  const tailRoom = 400;
  const rows = findings.map((f) => findingRow(f, options.link));
  const { kept, omitted } = fitBlocks(rows, limit - bytes(start) - tailRoom, bytes);
  const where = options.reportPath ? `the JSON report (${cell(options.reportPath)})` : 'the JSON report';
  const tail =
    omitted > 0 ? `\n_${plural(omitted, 'more finding')} not shown here: read them all in ${where}._\n` : '';
  return `${start}${kept.join('\n')}\n${tail}`;
}
