import type { RuleMeta, RuleReport, RunContext } from '../../core/rule.js';
import type { LinkProblem, Occurrence } from '../../links/session.js';
import { POLICY } from '../shared/policy.js';

/** Links serve the policy's demand for cited sources and credit "via hyperlink". */
export const LINK_POLICY = POLICY.professional;

/** What a link finding says, placed on the link by the links rule. */
export type LinkReport = Omit<RuleReport, 'start' | 'end' | 'node' | 'document' | 'ruleId'>;

/**
 * One of the five `links/*` ids: its meta and how it reads a problem of the run's link check
 * (undefined: not this id's business). The links rule runs the check once and asks each of them.
 */
export interface LinkFinding {
  meta: RuleMeta;
  report(problem: LinkProblem, run: RunContext): LinkReport | undefined;
}

/** The link as the editor wrote it, shortened for a message. */
export function shownUrl(at: Occurrence): string {
  const url = at.link.url;
  return url.length > 100 ? `${url.slice(0, 97)}...` : url;
}

export function waybackUrl(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}
