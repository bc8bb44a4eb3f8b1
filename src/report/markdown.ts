import { ENGINE_POLICY, type RuleMeta } from '../core/rule.js';
import type { Finding, Severity } from '../core/types.js';

/** GitHub's limit on issue, comment, review and check-run text bodies. */
export const GITHUB_BODY_LIMIT = 65_535;

export const SEVERITY_ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Text from a post or a report shown in Markdown: HTML is escaped (no hidden markers or tags slip in),
 * @mentions and #references do not notify anyone, and newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\s*\r?\n\s*/g, ' ');
}

/** A table cell: escaped, with pipes that cannot end the cell. */
export function cell(text: string): string {
  return escapeMarkdown(text).replaceAll('|', '\\|');
}

export function countLine(findings: readonly Pick<Finding, 'severity'>[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('notice'), 'notice')}`;
}

/** `| Category | Errors | Warnings | Notices |` with one row per category that has findings. */
export function categoryTable(findings: readonly Finding[]): string {
  const rows = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const row = rows.get(f.category) ?? { error: 0, warning: 0, notice: 0 };
    row[f.severity]++;
    rows.set(f.category, row);
  }
  const lines = ['| Category | Errors | Warnings | Notices |', '| --- | ---: | ---: | ---: |'];
  for (const [category, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| ${cell(category)} | ${row.error} | ${row.warning} | ${row.notice} |`);
  }
  return lines.join('\n');
}

/** Builds a link to a file's lines on GitHub, when the report knows the commit. */
export type LineLink = (file: string, line: number, endLine: number) => string | undefined;

export function blobLink(serverUrl: string, owner: string, repo: string, sha: string): LineLink {
  return (file, line, endLine) => {
    const path = file.split('/').map(encodeURIComponent).join('/');
    const lines = endLine > line ? `L${line}-L${endLine}` : `L${line}`;
    return `${serverUrl}/${owner}/${repo}/blob/${sha}/${path}#${lines}`;
  };
}

export function byFile<T extends Pick<Finding, 'file'>>(findings: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const f of findings) {
    const list = groups.get(f.file) ?? [];
    list.push(f);
    groups.set(f.file, list);
  }
  return groups;
}

/** Keeps blocks, in order, while they fit in `budget`; says how many were left out. */
export function fitBlocks(blocks: readonly string[], budget: number, measure = (s: string) => s.length) {
  const kept: string[] = [];
  let used = 0;
  for (const block of blocks) {
    const size = measure(block) + 1;
    if (used + size > budget) break;
    kept.push(block);
    used += size;
  }
  return { kept, omitted: blocks.length - kept.length };
}

export function severityOrder(a: Finding, b: Finding): number {
  const rank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
  return rank[a.severity] - rank[b.severity];
}

/** The policy clauses the findings cite, each once, with the rule ids that cite it. */
export function clausesCited(
  findings: readonly Finding[],
  metas: readonly RuleMeta[],
): { meta: RuleMeta; ids: string[] }[] {
  const used = new Set(findings.map((f) => f.ruleId));
  const clauses = new Map<string, { meta: RuleMeta; ids: string[] }>();
  for (const meta of metas) {
    if (!used.has(meta.id) || meta.policy === ENGINE_POLICY) continue;
    const key = `${meta.policy}\0${meta.clause}`;
    const entry = clauses.get(key) ?? { meta, ids: [] };
    entry.ids.push(meta.id);
    clauses.set(key, entry);
  }
  return [...clauses.values()];
}

/**
 * The policy's words, once per clause that the findings cite, folded: each message ends with only a
 * short citation ("Policy: Attribution"). Empty when no finding cites a clause.
 */
export function policyDetails(findings: readonly Finding[], metas: readonly RuleMeta[]): string {
  const clauses = clausesCited(findings, metas);
  if (clauses.length === 0) return '';
  const lines = clauses.map(({ meta, ids }) => {
    const rules = ids.map((id) => `\`${id}\``).join(', ');
    const section = meta.docsUrl ? `[${meta.policy}](${meta.docsUrl})` : meta.policy;
    return `- **${section}** (${rules}): “${escapeMarkdown(meta.clause)}”`;
  });
  return ['<details><summary>What the policy says</summary>', '', ...lines, '', '</details>'].join('\n');
}
