import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { annotationBatches, checkAnnotation, checkConclusion } from '../../src/report/check-run.js';
import { formatComment, STICKY_MARKER } from '../../src/report/comment.js';
import { escapeMarkdown, GITHUB_BODY_LIMIT } from '../../src/report/markdown.js';
import { fenceFor, planSuggestions, replacedLines, suggestionComment } from '../../src/report/review.js';
import { formatSummary, SUMMARY_BYTE_LIMIT } from '../../src/report/summary.js';
import { allRuleMetas } from '../../src/rules/index.js';

function finding(over: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'spelling/unknown-word',
    category: 'spelling',
    severity: 'warning',
    message: 'Unknown word.',
    policy: 'Accuracy',
    file: 'blog/a.md',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 11,
    suggestions: ['library'],
    ...over,
  };
}

const side = (lines: Record<number, string>, context: number[] = []) => ({
  added: new Map(Object.entries(lines).map(([k, v]) => [Number(k), v])),
  inDiff: new Set([...Object.keys(lines).map(Number), ...context]),
});

describe('suggested changes', () => {
  it('makes fences longer than any backtick run in the replacement', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ``` b')).toBe('````');
    expect(fenceFor('``````')).toBe('```````');
  });

  it('applies the replacement to whole added lines, across lines too', () => {
    expect(replacedLines(finding(), side({ 3: 'The libary is open.' }))).toBe('The library is open.');
    const twoLines = finding({ line: 3, column: 5, endLine: 4, endColumn: 4, suggestions: ['X'] });
    expect(replacedLines(twoLines, side({ 3: 'The first', 4: 'two lines' }))).toBe('The X lines');
    const comment = suggestionComment(twoLines, 'The X lines');
    expect(comment).toMatchObject({
      path: 'blog/a.md',
      start_line: 3,
      line: 4,
      side: 'RIGHT',
      start_side: 'RIGHT',
    });
    // A context line is in the diff but its text is not known from the patch: no suggestion.
    expect(replacedLines(finding(), side({}, [3]))).toBeUndefined();
  });

  it('plans at most max, one per line, skips unsafe, off-diff and already posted ones', () => {
    const sideOf = () => side({ 3: 'The libary is open.', 4: 'Teh end.', 5: 'More teh.' });
    const candidates = [
      { finding: finding(), safe: true },
      { finding: finding({ column: 1, endColumn: 4, suggestions: ['A'] }), safe: true }, // same line as the first
      {
        finding: finding({ line: 4, endLine: 4, column: 1, endColumn: 4, suggestions: ['The'] }),
        safe: true,
      },
      {
        finding: finding({ line: 5, endLine: 5, column: 6, endColumn: 9, suggestions: ['the'] }),
        safe: false,
      },
      { finding: finding({ line: 9, endLine: 9 }), safe: true }, // not in the diff
      {
        finding: finding({ line: 5, endLine: 5, column: 6, endColumn: 9, suggestions: ['the', 'ten'] }),
        safe: true,
      },
    ];
    const plan = planSuggestions(candidates, sideOf, [], 5);
    expect(plan.comments.map((c) => c.line)).toEqual([3, 4]);
    const again = planSuggestions(candidates, sideOf, plan.comments.slice(0, 1), 5);
    expect(again.comments.map((c) => c.line)).toEqual([4]);
    expect(again.alreadyPosted).toBe(1);
    const capped = planSuggestions(candidates, sideOf, [], 1);
    expect([capped.comments.length, capped.overLimit]).toEqual([1, 1]);
  });
});

describe('check-run annotations', () => {
  it('maps levels, keeps columns only on one-line spans and batches by 50', () => {
    expect(checkAnnotation(finding({ severity: 'error' }))).toEqual({
      path: 'blog/a.md',
      start_line: 3,
      end_line: 3,
      start_column: 5,
      end_column: 11,
      annotation_level: 'failure',
      message: 'Unknown word.',
      title: 'spelling/unknown-word',
      raw_details: 'Suggestion: library',
    });
    const multi = checkAnnotation(finding({ endLine: 5, suggestions: [] }));
    expect(multi).not.toHaveProperty('start_column');
    expect(multi).not.toHaveProperty('raw_details');
    const batches = annotationBatches(Array.from({ length: 120 }, () => finding()));
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(checkConclusion([finding()], 'error')).toBe('success');
    expect(checkConclusion([finding()], 'warning')).toBe('failure');
  });
});

describe('job summary and sticky comment limits', () => {
  const many = Array.from({ length: 20_000 }, (_, i) =>
    finding({
      line: i + 1,
      endLine: i + 1,
      message: `Word ${i} is unknown. ${'Long explanation. '.repeat(8)}`,
    }),
  );

  it('keeps the job summary under 1 MiB with an "N more" line', () => {
    const summary = formatSummary(many, { files: 1, reportPath: 'report.json' });
    expect(Buffer.byteLength(summary)).toBeLessThan(SUMMARY_BYTE_LIMIT);
    const rows = summary.match(/^\| ⚠️ /gm)?.length ?? 0;
    const more = Number(
      /_(\d+) more findings not shown here: read them all in the JSON report \(report\.json\)\._/.exec(
        summary,
      )?.[1],
    );
    expect(rows).toBeGreaterThan(1000);
    expect(rows + more).toBe(20_000);
  });

  it('keeps the comment under 65,535 characters, collapsed, with what was left out', () => {
    const body = formatComment(many, { files: 1 });
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body.startsWith(STICKY_MARKER)).toBe(true);
    expect(body).toContain('<details><summary>');
    const shown = body.match(/^- ⚠️ /gm)?.length ?? 0;
    const more = Number(/_(\d+) more findings not shown here/.exec(body)?.[1]);
    expect(shown + more).toBe(20_000);
  });

  it('says all clear when nothing is left, and cannot be spoofed by a message', () => {
    expect(formatComment([], { files: 3 })).toContain('✅ All clear');
    const tricky = finding({ message: `${STICKY_MARKER} ping @octocat about #12 <img src=x>` });
    const body = formatComment([tricky], { files: 1 });
    expect(body.split(STICKY_MARKER)).toHaveLength(2);
    expect(body).toContain('@\u200boctocat');
    expect(body).toContain('#\u200b12');
    expect(body).toContain('&lt;img src=x&gt;');
    expect(escapeMarkdown('a\nb')).toBe('a b');
  });
});

describe('the policy clause, once per rule', () => {
  const findings = [
    finding({ ruleId: 'attribution/quote-source', line: 3, message: 'No link. (Policy: Attribution)' }),
    finding({ ruleId: 'attribution/quote-source', line: 9, message: 'No link. (Policy: Attribution)' }),
    finding({ ruleId: 'attribution/media-credit', line: 12, message: 'No credit. (Policy: Attribution)' }),
    finding({ ruleId: 'content/unused-suppression', line: 14, message: 'Hides nothing.' }),
  ];
  const clause = 'When quoting another blog or publication, be sure to link to the original.';

  it('appears once in the job summary and the comment, folded, naming the rules that cite it', () => {
    for (const text of [
      formatSummary(findings, { files: 1, metas: allRuleMetas }),
      formatComment(findings, { files: 1, metas: allRuleMetas }),
    ]) {
      expect(text.split(clause)).toHaveLength(2);
      expect(text).toContain('<details><summary>What the policy says</summary>');
      expect(text).toContain(
        '- **[Attribution](https://github.com/content-gate/content-gate/blob/main/docs/rules.md#attribution-quote-source)** (`attribution/quote-source`, `attribution/media-credit`): “When quoting',
      );
      expect(text).not.toContain('Content Gate**');
    }
  });

  it('is left out when no finding cites the policy', () => {
    const engineOnly = [findings[3] as Finding];
    expect(formatSummary(engineOnly, { files: 1, metas: allRuleMetas })).not.toContain(
      'What the policy says',
    );
  });
});
