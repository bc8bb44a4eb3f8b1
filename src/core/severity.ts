import type { RuleSetting } from './config.js';
import { ruleCategory } from './rule.js';
import { type FailOn, SEVERITY_RANK, type Severity, type SeverityOrOff } from './types.js';

/** Rule and category settings, with command-line overrides taking precedence over the config. */
export interface SeverityTable {
  cli: Record<string, SeverityOrOff>;
  config: Record<string, RuleSetting>;
}

/** Severity of a rule id: `--rule` (id, then category), then config (id, then category), then the default. */
export function resolveSeverity(id: string, fallback: Severity, table: SeverityTable): SeverityOrOff {
  const category = ruleCategory(id);
  return (
    table.cli[id] ??
    table.cli[category] ??
    table.config[id]?.severity ??
    table.config[category]?.severity ??
    fallback
  );
}

/** A rule may lower the severity of one finding, never raise it above what is configured. */
export function lowerOf(configured: Severity, requested: Severity | undefined): Severity {
  if (!requested) return configured;
  return SEVERITY_RANK[requested] < SEVERITY_RANK[configured] ? requested : configured;
}

export function atLeast(severity: Severity, threshold: SeverityOrOff | 'never'): boolean {
  if (threshold === 'never' || threshold === 'off') return false;
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** The run's verdict: how many findings are at or above `--fail-on`; any at all fails the run. */
export function failingCount(findings: readonly { severity: Severity }[], failOn: FailOn): number {
  let count = 0;
  for (const f of findings) if (atLeast(f.severity, failOn)) count++;
  return count;
}
