import type { Rule } from '../../core/rule.js';
import {
  ELECTION_CONTEXT,
  NONPARTISAN,
  type PoliticalEntry,
  politicalPhrases,
} from '../../lexicons/political.js';
import { POLICY } from '../shared/policy.js';
import { anyCase, compileCased } from './context/cased.js';
import { mentionIndex } from './context/mentions.js';
import { spanOf, usesOf } from './context/uses.js';

const lexicon = compileCased(politicalPhrases);
const nonpartisan = anyCase(NONPARTISAN);
const electionContext = anyCase(ELECTION_CONTEXT);

const ADVICE =
  "Remove it: the library's site does not campaign. Nonpartisan information (polling places, registering to vote, forums to which every candidate is invited) is welcome.";

export const politicalRule: Rule = {
  meta: {
    id: 'prohibited/political',
    policy: POLICY.solicitation.section,
    clause: POLICY.solicitation.text,
    defaultSeverity: 'error',
    description:
      'Political campaigning: vote for, elect, re-elect or support a candidate or party, or take a side on a ballot question. Polling places, voter registration and forums open to every candidate are left alone.',
    severityReason:
      '"Vote for" or "re-elect" a named candidate is campaigning on sight, so an error. A bare "Name for Office" line is a warning: a headline can read the same way.',
  },
  check(doc, ctx) {
    const mentions = mentionIndex(doc);
    const title = typeof doc.frontMatter?.data.title === 'string' ? doc.frontMatter.data.title : '';
    for (const use of usesOf<PoliticalEntry>(doc, lexicon, mentions)) {
      if (nonpartisan.test(use.sentence)) continue;
      if (use.entry.needsElectionContext && !electionContext.test(`${use.block.text} ${title}`)) continue;
      ctx.report({
        ...spanOf(use),
        ...(use.entry.severity ? { severity: use.entry.severity } : {}),
        message: `${use.entry.message.replaceAll('{match}', use.text)} ${ADVICE}`,
      });
    }
  },
};
