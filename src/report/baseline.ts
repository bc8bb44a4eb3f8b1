import type { EngineFinding } from '../core/types.js';

/** A baseline: the findings a site had when it adopted Content Gate, by fingerprint. */
export interface Baseline {
  fingerprints: ReadonlySet<string>;
}

const FORMAT = 1;

export function formatBaseline(findings: readonly EngineFinding[], version: string, at: Date): string {
  const fingerprints = [...new Set(findings.map((f) => f.fingerprint))].sort();
  const body = {
    tool: { name: 'content-gate', version },
    format: FORMAT,
    created: at.toISOString(),
    note: 'Findings that existed when this baseline was made; `content-gate check --baseline` reports only new ones.',
    findings: fingerprints.length,
    fingerprints,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * Reads a baseline file. A damaged file, or one another tool or version wrote, is not used: the
 * problem says so, and the check reports every finding (never fewer than it should).
 */
export function parseBaseline(text: string, version: string): { baseline: Baseline } | { problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  const b = data as {
    tool?: { name?: unknown; version?: unknown };
    format?: unknown;
    fingerprints?: unknown;
  };
  if (typeof b !== 'object' || b === null || b.tool?.name !== 'content-gate') {
    return { problem: 'was not written by content-gate init --baseline' };
  }
  if (b.format !== FORMAT || b.tool.version !== version) {
    return {
      problem: `was written by Content Gate ${String(b.tool.version)}, not ${version} (fingerprints may differ between versions); make it again with content-gate init --baseline --force`,
    };
  }
  if (!Array.isArray(b.fingerprints) || !b.fingerprints.every((f) => typeof f === 'string')) {
    return { problem: 'has no list of fingerprints' };
  }
  return { baseline: { fingerprints: new Set(b.fingerprints) } };
}
