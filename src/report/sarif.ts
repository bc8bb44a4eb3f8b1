import type { RuleMeta } from '../core/rule.js';
import type { EngineFinding } from '../core/types.js';

const LEVEL = { error: 'error', warning: 'warning', notice: 'note' } as const;

/** SARIF 2.1.0 for GitHub code scanning (`--format sarif`). */
export function formatSarif(
  findings: readonly EngineFinding[],
  metas: readonly RuleMeta[],
  version: string,
  informationUri = 'https://github.com/content-gate/content-gate',
): string {
  const used = [...new Set(findings.map((f) => f.ruleId))].sort();
  const metaById = new Map(metas.map((m) => [m.id, m]));
  const rules = used.map((id) => {
    const meta = metaById.get(id);
    const help = meta ? `${meta.description}\n\nPolicy, ${meta.policy}: "${meta.clause}"` : id;
    const helpMarkdown = meta ? `${meta.description}\n\n**Policy, ${meta.policy}:**\n\n> ${meta.clause}` : id;
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: meta?.description ?? id },
      fullDescription: { text: meta?.description ?? id },
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
          artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
    partialFingerprints: { 'contentGate/v1': f.fingerprint },
    ...(f.suggestions.length > 0
      ? {
          fixes: f.suggestions.slice(0, 1).map((text) => ({
            description: { text: `Replace with "${text}"` },
            artifactChanges: [
              {
                artifactLocation: { uri: f.file, uriBaseId: '%SRCROOT%' },
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
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
