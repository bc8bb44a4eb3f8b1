import type { FinishContext, RuleReport, RunContext } from '../../core/rule.js';
import { type LinkProblem, type LinkSession, linkSession, type Occurrence } from '../../links/session.js';
import { POLICY } from '../shared/policy.js';

/** Links serve the policy's demand for cited sources and credit "via hyperlink". */
export const LINK_POLICY = POLICY.professional;

export function setupLinks(run: RunContext): LinkSession {
  return linkSession(run);
}

/** Reports each problem a rule turns into a finding; `toReport` returns undefined to pass one over. */
export async function reportProblems(
  ctx: FinishContext<LinkSession>,
  toReport: (problem: LinkProblem) => Omit<RuleReport, 'start' | 'end' | 'node' | 'document'> | undefined,
): Promise<void> {
  for (const problem of await ctx.state.problems()) {
    const report = toReport(problem);
    if (!report) continue;
    const { link } = problem.at;
    const exact = link.exact;
    ctx.report(problem.at.file, {
      ...report,
      start: link.start,
      end: link.end,
      ...(exact ? {} : { suggestions: [], safeFix: false }),
    } as RuleReport);
  }
}

/** The link as the editor wrote it, shortened for a message. */
export function shownUrl(at: Occurrence): string {
  const url = at.link.url;
  return url.length > 100 ? `${url.slice(0, 97)}...` : url;
}

export function waybackUrl(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}
