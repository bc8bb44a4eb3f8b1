import type { RuleReport } from '../../core/rule.js';

/**
 * The text around a match in the source: the sentence it sits in, cut at paragraph breaks and
 * sentence ends, for rules that judge a value by the words near it.
 */
export interface Around {
  /** The sentence up to the match (at most `reach` characters). */
  before: string;
  /** The sentence after the match (at most `reach` characters). */
  after: string;
}

const SENTENCE_END = /[.!?]["'”’)]*\s+(?=[A-Z"“(*_[])|\n\s*\n/g;

export function around(source: string, start: number, end: number, reach = 160): Around {
  let before = source.slice(Math.max(0, start - reach), start);
  let cut = -1;
  for (const m of before.matchAll(SENTENCE_END)) cut = (m.index ?? 0) + m[0].length;
  if (cut !== -1) before = before.slice(cut);
  let after = source.slice(end, end + reach);
  SENTENCE_END.lastIndex = 0;
  const stop = after.search(SENTENCE_END);
  if (stop !== -1) after = after.slice(0, stop + 1);
  return { before, after };
}

/** Compiles a list of pattern sources into one case-insensitive test. */
export function anyOf(patterns: readonly string[]): RegExp {
  return new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'i');
}

/** Source ranges of URLs written in the text (link targets and bare URLs), in order. */
export function urlRanges(source: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of source.matchAll(
    /\b[a-z][a-z0-9+.-]{0,15}:\/\/[^\s<>()[\]"'`]+|\bwww\.[^\s<>()[\]"'`]+/gi,
  )) {
    out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  }
  return out;
}

/** True when [start, end) overlaps one of the ranges, which are sorted and do not overlap. */
export function inRanges(ranges: readonly [number, number][], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid] as [number, number];
    if (to <= start) lo = mid + 1;
    else if (from >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** One finding per stretch of text: the earliest, then the longest, match wins. */
export function withoutOverlaps(reports: RuleReport[]): RuleReport[] {
  const spans = reports as (RuleReport & { start: number; end: number })[];
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let end = -1;
  return spans.filter((r) => {
    if (r.start < end) return false;
    end = r.end;
    return true;
  });
}
