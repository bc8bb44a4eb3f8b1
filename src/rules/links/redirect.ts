import { LINK_POLICY, type LinkFinding } from './shared.js';

export const permanentRedirect: LinkFinding = {
  meta: {
    id: 'links/redirect',
    fixable: true,
    policy: LINK_POLICY.section,
    clause: LINK_POLICY.text,
    defaultSeverity: 'warning',
    description:
      'An external link that permanently redirects (301 or 308) to another address; the final address is suggested. Temporary redirects (302, 303, 307) are left alone.',
    severityReason:
      'The link still works today, but the old address may be retired; updating it is quick and safe.',
  },
  report(problem) {
    if (problem.kind !== 'external' || problem.result.state !== 'ok') return undefined;
    const target = problem.result.permanentTarget;
    if (!target) return undefined;
    const suggestion = problem.fragment && !target.includes('#') ? target + problem.fragment : target;
    return {
      message: `This link permanently redirects to "${suggestion}". Use the new address, so the link keeps working when the old one is retired.`,
      suggestions: [suggestion],
      safeFix: sameSite(problem.result.url, target),
    };
  },
};

/** A move within one site is safe to apply unread; a move to another site deserves a look. */
function sameSite(from: string, to: string): boolean {
  const host = (url: string) => new URL(url).hostname.replace(/^www\./, '');
  try {
    return host(from) === host(to);
  } catch {
    return false;
  }
}
