import type { Rule } from '../../core/rule.js';
import { internalMarkers } from '../../lexicons/confidential.js';
import { compileLexicon, matchProse, reportMatch } from '../shared/phrases.js';
import { POLICY, withPolicy } from '../shared/policy.js';

const lexicon = compileLexicon(internalMarkers);

export const internalRule: Rule = {
  meta: {
    id: 'confidential/internal',
    policy: POLICY.confidential.section,
    clause: POLICY.confidential.text,
    defaultSeverity: 'error',
    description:
      'Material marked "internal only", "confidential", "do not share/distribute", "not for distribution", embargoed, or not yet approved.',
    severityReason:
      'A marker saying the material is not for the public is the author\'s own word: it must not merge. "Not yet approved" is a warning, since it can be reported news.',
  },
  check(doc, ctx) {
    for (const match of matchProse(doc, lexicon)) {
      const report = reportMatch(match);
      ctx.report({ ...report, message: withPolicy(report.message, POLICY.confidential) });
    }
  },
};
