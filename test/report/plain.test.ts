import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/core/types.js';
import {
  countInWords,
  fitPhrases,
  STATUS_DESCRIPTION_LIMIT,
  statusDescription,
} from '../../src/report/plain.js';

function f(ruleId: string, severity: Severity = 'error'): Finding {
  return {
    ruleId,
    category: ruleId.split('/')[0] as string,
    severity,
    message: 'm',
    policy: 'p',
    file: 'a.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    suggestions: [],
  };
}

describe('commit status description', () => {
  it('counts what to fix in words an editor knows, worst and most numerous first', () => {
    const findings = [
      f('links/broken'),
      f('attribution/media-credit'),
      f('attribution/media-credit'),
      f('spelling/unknown-word', 'warning'),
    ];
    expect(statusDescription(findings, 3, 'error')).toBe(
      '2 photos or videos need a credit, 1 broken link; 1 more worth a look',
    );
  });

  it('says the posts are clean, or ready with what is worth a look', () => {
    expect(statusDescription([], 3, 'error')).toBe('No problems found in 3 posts');
    expect(statusDescription([], 1, 'error')).toBe('No problems found in 1 post');
    expect(statusDescription([f('spelling/unknown-word', 'warning')], 1, 'error')).toBe(
      'Ready to publish; worth a look: 1 spelling question',
    );
  });

  it('stays within GitHub’s 140 characters, saying how many kinds were left out', () => {
    const many = [
      'attribution/media-credit',
      'attribution/quote-source',
      'accessibility/alt-text',
      'links/broken',
      'links/missing-file',
      'prohibited/spam',
      'conduct/spokesperson',
      'confidential/internal',
    ].map((id) => f(id));
    const text = statusDescription(many, 9, 'error');
    expect(text.length).toBeLessThanOrEqual(STATUS_DESCRIPTION_LIMIT);
    expect(text).toBe(
      '1 image needs a description, 1 photo or video needs a credit, 1 quotation needs its source, 1 claim to speak for the library, 4 more kinds',
    );
  });

  it('names rules by id, then category, then a plain fallback', () => {
    expect(countInWords('links/redirect', 2)).toBe('2 links that moved');
    expect(countInWords('grammar/agreement', 1)).toBe('1 grammar suggestion');
    expect(countInWords('future/rule', 3)).toBe('3 other problems');
    expect(fitPhrases(['aaaa', 'bbbb'], 3, (n) => `${n} more`)).toBe('2 m');
  });
});
