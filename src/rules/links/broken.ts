import type { LinkResult } from '../../links/check.js';
import { externalOptionsSchema } from '../../links/options.js';
import type { LinkProblem } from '../../links/session.js';
import { LINK_POLICY, type LinkFinding, waybackUrl } from './shared.js';

export const brokenLink: LinkFinding = {
  meta: {
    id: 'links/broken',
    options: externalOptionsSchema,
    policy: LINK_POLICY.section,
    clause: LINK_POLICY.text,
    defaultSeverity: 'error',
    description:
      'An external link that fails (4xx, 5xx, DNS, TLS, timeout, redirect loop) or a malformed `mailto:`/`tel:` link. Sites that block automated checks, embeds that cannot be verified and private addresses are a warning or notice instead. In `--mode link-rot`, only links that failed in `links.rotAfter` scans.',
    severityReason: 'Readers who follow a broken link, or a cited source that is gone, reach nothing.',
  },
  report(problem, run) {
    const linkRot = run.mode === 'link-rot';
    if (problem.kind === 'contact') {
      const what = problem.at.link.url.toLowerCase().startsWith('tel:') ? 'phone' : 'email';
      return {
        message: `This ${what} link is malformed: ${problem.problem}. Correct it so readers can use it.`,
      };
    }
    if (problem.kind !== 'external') return undefined;
    return externalReport(problem, linkRot);
  },
};

function externalReport(
  problem: Extract<LinkProblem, { kind: 'external' }>,
  linkRot: boolean,
): { message: string; severity?: 'warning' | 'notice' } | undefined {
  const { result } = problem;
  if (result.state === 'ok') return undefined;
  if (linkRot) return problem.rotten ? { message: rotMessage(problem) } : undefined;
  return stateReport(result);
}

function stateReport(result: LinkResult): { message: string; severity?: 'warning' | 'notice' } {
  switch (result.state) {
    case 'broken':
      return {
        message: `This link does not work: ${result.reason}. Find the page's new address (an archived copy may exist at ${waybackUrl(result.url)}) or remove the link.`,
      };
    case 'missing':
      return {
        severity: 'warning',
        message: `${result.reason}. Open the link to confirm, then replace or remove it.`,
      };
    case 'blocked':
      return {
        severity: 'warning',
        message: `This link could not be checked: ${result.reason}. Such sites block automated checks, so open the link yourself to make sure it works.`,
      };
    case 'refused':
      return {
        severity: 'warning',
        message: `This link was not checked because ${result.reason}. Readers on the internet cannot reach such addresses either: use the page's public address.`,
      };
    default:
      return { severity: 'notice', message: `This link could not be checked: ${result.reason}.` };
  }
}

function rotMessage(problem: Extract<LinkProblem, { kind: 'external' }>): string {
  const { result, history } = problem;
  const since = history?.firstFailure
    ? new Date(history.firstFailure).toISOString().slice(0, 10)
    : 'recently';
  const scans = history?.consecutive ?? 0;
  return `This link has stopped working: it failed in ${scans} scans since ${since} (${result.reason}). Find the page's new address (an archived copy may exist at ${waybackUrl(result.url)}) or remove the link.`;
}
