import type { Finding } from '../core/types.js';

/** Escapes a workflow-command message (data part). */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow-command property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One `::error file=...::message` workflow command, as GitHub Actions turns into an annotation. */
export function annotation(f: Finding): string {
  const props = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.line}`,
    `endLine=${f.endLine}`,
    // GitHub shows columns only for findings on one line.
    ...(f.line === f.endLine ? [`col=${f.column}`, `endColumn=${f.endColumn}`] : []),
    `title=${escapeProperty(f.ruleId)}`,
  ];
  const suggestion = f.suggestions.length > 0 ? `\nSuggestion: ${f.suggestions.join(' or ')}` : '';
  return `::${f.severity} ${props.join(',')}::${escapeData(f.message + suggestion)}`;
}

/** Workflow commands for all findings (`--format github`). */
export function formatAnnotations(findings: readonly Finding[]): string {
  return findings.map((f) => `${annotation(f)}\n`).join('');
}
