import { ruleCategory } from '../core/rule.js';
import { failingCount } from '../core/severity.js';
import { type FailOn, type Finding, SEVERITY_RANK } from '../core/types.js';
import { plural } from './markdown.js';
import PLAIN_WORDS from './plain-words.json' with { type: 'json' };

type Phrase = { one: string; many: string };
const PHRASES = PLAIN_WORDS as unknown as Record<string, Phrase | string>;

/** GitHub cuts a commit status description at 140 characters. */
export const STATUS_DESCRIPTION_LIMIT = 140;

function phraseOf(ruleId: string): Phrase {
  const entry = PHRASES[ruleId] ?? PHRASES[ruleCategory(ruleId)];
  return typeof entry === 'object' ? entry : { one: 'other problem', many: 'other problems' };
}

/** "1 broken link", "2 photos or videos need a credit". */
export function countInWords(ruleId: string, count: number): string {
  const phrase = phraseOf(ruleId);
  return `${count} ${count === 1 ? phrase.one : phrase.many}`;
}

/** Findings counted by kind, in words, the most severe and most numerous kinds first. */
export function kindsInWords(findings: readonly Finding[]): string[] {
  const groups = new Map<string, { rank: number; count: number; ruleId: string }>();
  for (const f of findings) {
    const phrase = phraseOf(f.ruleId);
    const key = phrase.many;
    const group = groups.get(key) ?? { rank: 0, count: 0, ruleId: f.ruleId };
    group.count++;
    group.rank = Math.max(group.rank, SEVERITY_RANK[f.severity]);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => b.rank - a.rank || b.count - a.count || a.ruleId.localeCompare(b.ruleId))
    .map((g) => countInWords(g.ruleId, g.count));
}

/** Joins phrases while they fit in `limit`, ending with "and N more" when some do not. */
export function fitPhrases(phrases: readonly string[], limit: number, more: (n: number) => string): string {
  for (let kept = phrases.length; kept > 0; kept--) {
    const rest = phrases.length - kept;
    const text = phrases.slice(0, kept).join(', ') + (rest > 0 ? `, ${more(rest)}` : '');
    if (text.length <= limit) return text;
  }
  return more(phrases.length).slice(0, limit);
}

/**
 * A commit status line an editor understands, within GitHub's 140 characters: what to fix when the
 * check fails, what is worth a look when it passes with findings, or that the posts are clean.
 */
export function statusDescription(findings: readonly Finding[], files: number, failOn: FailOn): string {
  const posts = plural(files, 'post');
  if (findings.length === 0) return `No problems found in ${posts}`;
  const failing = findings.filter((f) => failingCount([f], failOn) > 0);
  const more = (n: number) => `${n} more kind${n === 1 ? '' : 's'}`;
  if (failing.length === 0) {
    const head = 'Ready to publish; worth a look: ';
    return head + fitPhrases(kindsInWords(findings), STATUS_DESCRIPTION_LIMIT - head.length, more);
  }
  const rest = findings.length - failing.length;
  const tail = rest > 0 ? `; ${rest} more worth a look` : '';
  return (fitPhrases(kindsInWords(failing), STATUS_DESCRIPTION_LIMIT - tail.length, more) + tail).slice(
    0,
    STATUS_DESCRIPTION_LIMIT,
  );
}
