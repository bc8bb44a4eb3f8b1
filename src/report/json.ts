import type { EngineFinding, Finding, Report } from '../core/types.js';

/** The contract's finding fields only, in the contract's order. */
export function toContractFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    category: f.category,
    severity: f.severity,
    message: f.message,
    policy: f.policy,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    suggestions: f.suggestions,
  };
}

export function buildReport(version: string, files: readonly string[], findings: readonly Finding[]): Report {
  const perFile = new Map<string, number>(files.map((f) => [f, 0]));
  for (const f of findings) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  return {
    tool: { name: 'content-gate', version },
    files: [...perFile].map(([file, count]) => ({ file, findings: count })),
    findings: findings.map(toContractFinding),
    summary: {
      files: perFile.size,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      notices: findings.filter((f) => f.severity === 'notice').length,
    },
  };
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export type { EngineFinding };
