import type { Html } from 'mdast';
import type { Document } from './document.js';
import { ruleCategory } from './rule.js';

/** One suppression directive, from a comment or the front matter. */
export interface Suppression {
  /** Rule ids or categories; empty means every rule. */
  rules: string[];
  /** First and last line (1-based, inclusive) it covers. */
  fromLine: number;
  toLine: number;
  /** Where the directive is written, for the unused-suppression notice. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Why it is there: the text after ` -- ` (or front-matter `reason`); empty when none is given. */
  reason: string;
  /** Which of its rules hid at least one finding. */
  used: Set<string>;
}

/**
 * The text of a directive is bounded so an unclosed `<!-- content-gate-disable` repeated through
 * a post costs linear time rather than a scan to the end of the file from each one.
 */
const COMMENT = /<!--\s*content-gate-(disable-next-line|disable|enable)\b([\s\S]{0,1000}?)-->/g;

/** More suppression comments than any real post needs; those past it hide nothing. */
export const MAX_SUPPRESSIONS = 500;
export const TOO_MANY_SUPPRESSIONS = `This post has more than ${MAX_SUPPRESSIONS} suppression comments; those after the ${MAX_SUPPRESSIONS}th hide nothing. Fix the text instead, or split the post.`;

function parseRuleList(text: string): string[] {
  const beforeReason = text.split(/\s--(?:\s|$)/)[0] ?? '';
  return beforeReason
    .split(/[,\s]+/)
    .map((r) => r.trim())
    .filter((r) => r.length > 0 && r !== '*');
}

/** Finds every suppression comment and the front-matter `content-gate.disable` list. */
export function collectSuppressions(doc: Document): Suppression[] {
  const out: Suppression[] = [];
  const open = new Map<string, Suppression>();
  const lastLine = doc.lines.length;

  for (const node of doc.nodes<Html>('html')) {
    if (!node.value.includes('content-gate-')) continue;
    const base = node.position?.start.offset ?? 0;
    const raw = doc.source.slice(base, node.position?.end.offset ?? base);
    for (const match of raw.matchAll(COMMENT)) {
      const start = doc.point(base + (match.index ?? 0));
      const end = doc.point(base + (match.index ?? 0) + match[0].length);
      const rules = parseRuleList(match[2] ?? '');
      const reason = reasonOf(match[2] ?? '');
      const at = { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      if (match[1] === 'disable-next-line') {
        out.push({ rules, fromLine: end.line + 1, toLine: end.line + 1, ...at, reason, used: new Set() });
      } else if (match[1] === 'disable') {
        const s: Suppression = {
          rules,
          fromLine: end.line,
          toLine: lastLine,
          ...at,
          reason,
          used: new Set(),
        };
        out.push(s);
        open.set(rules.join(',') || '*', s);
      } else {
        const key = rules.join(',') || '*';
        const s = open.get(key);
        if (s) {
          s.toLine = start.line;
          open.delete(key);
        }
      }
    }
  }

  const fm = doc.frontMatter;
  const settings = fm?.data['content-gate'];
  const { disable, reason } =
    settings && typeof settings === 'object' ? (settings as { disable?: unknown; reason?: unknown }) : {};
  if (fm && Array.isArray(disable)) {
    const start = fm.node.position?.start;
    const end = fm.node.position?.end;
    out.push({
      rules: disable.filter((r): r is string => typeof r === 'string'),
      fromLine: 1,
      toLine: lastLine,
      line: start?.line ?? 1,
      column: start?.column ?? 1,
      endLine: end?.line ?? 1,
      endColumn: end?.column ?? 1,
      reason: typeof reason === 'string' ? reason.trim() : '',
      used: new Set(),
    });
  }
  return out;
}

/** The reason after ` -- ` in a directive, trimmed. */
function reasonOf(text: string): string {
  const at = text.search(/\s--(?:\s|$)/);
  return at < 0 ? '' : text.slice(at).replace(/^\s--/, '').trim();
}

/** Which suppressions a change may add (config `suppressions`). */
export type SuppressionPolicy = 'allow' | 'require-reason' | 'deny';

/** Why a suppression added by a change does not count, or undefined when it does. */
export function refusal(s: Pick<Suppression, 'reason'>, policy: SuppressionPolicy): string | undefined {
  if (policy === 'deny') {
    return 'This suppression was added by this change, and the site does not allow new suppressions (config "suppressions: deny"), so it hides nothing. Fix the text instead, or ask a maintainer.';
  }
  if (policy === 'require-reason' && s.reason === '') {
    return 'This suppression was added by this change without a reason, so it hides nothing. Say why after "--", e.g. <!-- content-gate-disable-next-line spelling -- the author\'s own spelling -->.';
  }
  return undefined;
}

export function suppressionMatches(rule: string, findingId: string): boolean {
  return rule === findingId || rule === ruleCategory(findingId);
}

/** The suppression that hides a finding, if any (and marks it used). */
export function findSuppression(
  suppressions: Suppression[],
  ruleId: string,
  line: number,
  endLine: number,
): Suppression | undefined {
  for (const s of suppressions) {
    if (line > s.toLine || endLine < s.fromLine) continue;
    if (s.rules.length === 0) {
      s.used.add('*');
      return s;
    }
    const hit = s.rules.find((r) => suppressionMatches(r, ruleId));
    if (hit) {
      s.used.add(hit);
      return s;
    }
  }
  return undefined;
}
