import { LINK_POLICY, type LinkFinding } from './shared.js';

export const insecureLink: LinkFinding = {
  meta: {
    id: 'links/insecure',
    fixable: true,
    policy: LINK_POLICY.section,
    clause: LINK_POLICY.text,
    defaultSeverity: 'warning',
    description:
      'An `http://` link whose `https://` form works; the `https://` address is suggested. Links whose site offers no https are left alone.',
    severityReason:
      'The link works, but unencrypted pages expose what patrons read; the fix is a one-word change.',
  },
  report(problem) {
    if (problem.kind !== 'external' || problem.result.state !== 'ok') return undefined;
    const upgrade = problem.result.httpsUpgrade;
    if (!upgrade || problem.result.permanentTarget?.startsWith('https:')) return undefined;
    const suggestion = problem.fragment ? upgrade + problem.fragment : upgrade;
    return {
      message: `This link uses unencrypted "http://", but the same page works over "https://". Use "${suggestion}" to keep readers' browsing private.`,
      suggestions: [suggestion],
      safeFix: true,
    };
  },
};
