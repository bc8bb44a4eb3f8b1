import { LINK_POLICY, type LinkFinding } from './shared.js';

export const missingAnchor: LinkFinding = {
  meta: {
    id: 'links/missing-anchor',
    policy: LINK_POLICY.section,
    clause: LINK_POLICY.text,
    defaultSeverity: 'error',
    description:
      'A `#fragment` that matches no heading (GitHub-style slug), explicit `{#id}` or HTML `id`/`name` in this post or in the linked Markdown or HTML file; the closest anchor is suggested.',
    severityReason:
      'The reader lands at the top of the page instead of the section the post promises, which is a broken citation.',
  },
  report(problem) {
    if (problem.kind !== 'missing-anchor') return undefined;
    const where = problem.target ? `"${problem.target}"` : 'this post';
    const hint = problem.suggestion ? ` Did you mean "${problem.suggestion}"?` : '';
    return {
      message: `This link goes to the section "#${problem.fragment}", but ${where} has no heading or anchor by that name.${hint} Correct the part after "#" to match the heading.`,
      suggestions: problem.suggestion ? [problem.suggestion] : [],
    };
  },
};
