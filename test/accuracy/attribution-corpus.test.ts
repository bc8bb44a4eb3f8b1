import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_RULE_IDS, checkRacCorpus, RAC_POSTS } from '../helpers/rac-corpus.js';

/**
 * The four rules over 292 real posts of the Rockefeller Archive Center's blog, with the archive's
 * own media marked as owned. Every finding below was read by hand (see docs/attribution.md):
 * the counts guard against new false alarms on real archive writing.
 */
describe.skipIf(!existsSync(RAC_POSTS))('attribution rules on a real archive blog', () => {
  it('raises only the reviewed findings', { timeout: 180_000 }, async () => {
    const { findings, files } = await checkRacCorpus();
    expect(files).toBe(292);
    const counts = Object.fromEntries(
      ATTRIBUTION_RULE_IDS.map((id) => [id, findings.filter((f) => f.ruleId === id).length]),
    );
    expect(counts).toEqual({
      'attribution/quote-source': 3,
      'attribution/media-credit': 5,
      'accessibility/alt-text': 48,
      'prohibited/copyright': 0,
    });
    const at = (file: string, rule: string) =>
      findings
        .filter((f) => f.file === `_posts/${file}` && f.ruleId === rule)
        .map((f) => `${f.line}:${f.column} ${f.severity}`);
    // Logos hotlinked from other sites with no credit.
    expect(
      at(
        '2012-10-12-reading-round-up-or-what-digital-archives-readings-i-recommend-this-week.md',
        'attribution/media-credit',
      ),
    ).toEqual(['19:1 error', '22:1 error', '26:1 error', '28:1 error']);
    // Three blockquotes in a row introduced by a linked sentence are one sourced quotation.
    expect(
      at('2014-02-10-metaarchive-and-distributed-digital-preservation.md', 'attribution/quote-source'),
    ).toEqual([]);
    // A glossary quoted by name without a link.
    expect(at('2024-09-19-film-inspection.md', 'attribution/quote-source')).toEqual(['51:1 warning']);
    // File names left as alt text by an old import; real descriptions that match a well-named file are fine.
    expect(at('2013-09-16-dimes-update.md', 'accessibility/alt-text')).toHaveLength(6);
    expect(at('2022-12-12-measuring-our-impact.md', 'accessibility/alt-text')).toEqual([]);
  });
});
