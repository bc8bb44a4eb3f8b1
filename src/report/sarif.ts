import { docsUrlOf, type RuleMeta } from '../core/rule.js';
import { type EngineFinding, SEVERITY_RANK } from '../core/types.js';

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

/** Code scanning keeps at most this many results of one run; the rest would be dropped unseen. */
export const SARIF_MAX_RESULTS = 25_000;

/** The findings a SARIF run carries: all, or the most severe `SARIF_MAX_RESULTS` in file order. */
export function sarifResults(findings: readonly EngineFinding[]): {
  kept: EngineFinding[];
  leftOut: number;
} {
  if (findings.length <= SARIF_MAX_RESULTS) return { kept: [...findings], leftOut: 0 };
  const order = findings.map((f, i) => ({ f, i }));
  order.sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i);
  const kept = order
    .slice(0, SARIF_MAX_RESULTS)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
  return { kept, leftOut: findings.length - SARIF_MAX_RESULTS };
}

/**
 * A repository path as a relative URI reference: each segment percent-encoded (`#`, `%`, spaces,
 * letters outside ASCII, and `:` that would read as a scheme), the slashes kept.
 */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 for GitHub code scanning (`--format sarif`). */
export function formatSarif(
  allFindings: readonly EngineFinding[],
  metas: readonly RuleMeta[],
  version: string,
  informationUri = 'https://github.com/content-gate/content-gate',
): string {
  const { kept: findings, leftOut } = sarifResults(allFindings);
  const used = [...new Set(findings.map((f) => f.ruleId))].sort();
  const metaById = new Map(metas.map((m) => [m.id, m]));
  const rules = used.map((id) => {
    const meta = metaById.get(id);
    const help = meta ? `${meta.description}\n\nPolicy, ${meta.policy}: "${meta.clause}"` : id;
    const helpMarkdown = meta ? `${meta.description}\n\n**Policy, ${meta.policy}:**\n\n> ${meta.clause}` : id;
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: shortDescriptionOf(meta?.description ?? id) },
      fullDescription: { text: meta?.description ?? id },
      helpUri: meta?.docsUrl ?? docsUrlOf(id),
      help: { text: help, markdown: helpMarkdown },
      defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'warning'] },
      properties: {
        category: id.split('/')[0],
        policy: meta?.policy ?? '',
        tags: ['content', id.split('/')[0]],
      },
    };
  });
  const index = new Map(used.map((id, i) => [id, i]));
  const results = findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: {
      'contentGate/v1': f.fingerprint,
      ...(f.lineHash ? { primaryLocationLineHash: f.lineHash } : {}),
    },
    ...(f.suggestions.length > 0
      ? {
          fixes: f.suggestions.slice(0, 1).map((text) => ({
            description: { text: `Replace with "${text}"` },
            artifactChanges: [
              {
                artifactLocation: { uri: pathToUri(f.file), uriBaseId: '%SRCROOT%' },
                replacements: [
                  {
                    deletedRegion: {
                      startLine: f.line,
                      startColumn: f.column,
                      endLine: f.endLine,
                      endColumn: f.endColumn,
                    },
                    insertedContent: { text },
                  },
                ],
              },
            ],
          })),
        }
      : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Content Gate', semanticVersion: version, informationUri, rules } },
        // Columns are JavaScript string indexes. %SRCROOT% is left for code scanning to resolve to the
        // checkout, so the relative paths match the repository's files.
        columnKind: 'utf16CodeUnits',
        results,
        ...(leftOut > 0
          ? {
              properties: {
                resultsLeftOut: leftOut,
                note: `${leftOut} less severe findings were left out: code scanning keeps at most ${SARIF_MAX_RESULTS} results per run.`,
              },
            }
          : {}),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** The first sentence of a description, without Markdown code marks: code scanning's one-line title. */
function shortDescriptionOf(description: string): string {
  const first = description.match(/^.*?[.!?](?=\s|$)/)?.[0] ?? description;
  return first.replaceAll('`', '');
}
