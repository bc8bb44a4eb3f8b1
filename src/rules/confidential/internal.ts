import type { Rule } from '../../core/rule.js';
import { internalMarkers } from '../../lexicons/confidential.js';
import { compileLexicon, matchProse, reportMatch } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';

const lexicon = compileLexicon(internalMarkers);

export const internalRule: Rule = {
  meta: {
    id: 'confidential/internal',
    policy: POLICY.confidential.section,
    clause: POLICY.confidential.text,
    defaultSeverity: 'error',
    description:
      'Material marked "internal only", "confidential", "do not share/distribute", "not for distribution", "embargoed until" / "hold for release", and budget or personnel matters (budget, salaries, layoffs, staff cuts, hires) "not yet approved" or "pending approval".',
    severityReason:
      'A marker saying the material is not for the public is the author\'s own word, and an unapproved budget or personnel matter is confidential by its nature: both must not merge. Any other "not yet approved" is a warning, since it can be reported news; patron help text ("your application is pending approval") is left alone.',
  },
  check(doc, ctx) {
    for (const match of matchProse(doc, lexicon)) ctx.report(reportMatch(match));
  },
};
