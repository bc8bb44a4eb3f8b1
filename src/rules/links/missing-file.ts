import { LINK_POLICY, type LinkFinding } from './shared.js';

export const missingFile: LinkFinding = {
  meta: {
    id: 'links/missing-file',
    fixable: true,
    policy: LINK_POLICY.section,
    clause: LINK_POLICY.text,
    defaultSeverity: 'error',
    description:
      'A relative or root-relative link or image whose file does not exist, whose name differs only in capital letters, or a folder with no index page; the closest existing name is suggested.',
    severityReason: 'Readers following the link get an error page, or see a missing image.',
  },
  report(problem) {
    if (problem.kind !== 'missing-file') return undefined;
    const { resolution } = problem;
    const suggestions = resolution.suggestion ? [resolution.suggestion] : [];
    if (resolution.problem === 'case') {
      return {
        message: `This link's capital letters do not match the file's name ("${resolution.shown}"). The site is served from a host where capitals matter, so the link would break: change it to "${resolution.suggestion}".`,
        suggestions,
        safeFix: true,
      };
    }
    if (resolution.problem === 'outside') {
      return {
        message: `This link points to "${resolution.shown}", outside the site's folder, so readers cannot reach it and it was not checked. Link to a page of the site, or to its full web address.`,
      };
    }
    if (resolution.problem === 'no-index') {
      return {
        message: `This link points to the folder "${resolution.shown}", which has no index page, so readers would get an error. Link to a page inside the folder instead.`,
      };
    }
    const hint = resolution.suggestion ? ` Did you mean "${resolution.suggestion}"?` : '';
    return {
      message: `This link points to "${resolution.shown}", which does not exist in the site.${hint} Correct the path or remove the link.`,
      suggestions,
    };
  },
};
