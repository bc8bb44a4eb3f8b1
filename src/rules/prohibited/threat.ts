import type { Rule } from '../../core/rule.js';
import { STORY_CUES } from '../../lexicons/harm.js';
import { HISTORY_CUES, THREAT_TRIGGERS, THREATS } from '../../lexicons/threat.js';
import { isMention } from '../shared/mentions.js';
import { compileLexicon, matchText, reportMatch } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';

const lexicon = compileLexicon(THREATS);
const mayThreaten = new RegExp(THREAT_TRIGGERS, 'iu');
const storyOrHistory = new RegExp(`${STORY_CUES}|${HISTORY_CUES}`, 'iu');

export const threatRule: Rule = {
  meta: {
    id: 'prohibited/threat',
    policy: POLICY.defamation.section,
    clause: `${POLICY.defamation.text} And, ${POLICY.harassment.section}: ${POLICY.harassment.text}`,
    defaultSeverity: 'error',
    description:
      'Threats of violence or harm, conditional ones too ("if they cut our hours I will make sure somebody gets hurt"), calls for violence, and veiled threats ("you\'ll regret this"); leaves alone violence in book titles, story summaries and history.',
    severityReason:
      'A threat of violence is unacceptable on sight, even as a joke: error. Veiled threats ("watch your back") are warnings, since tone and context decide.',
  },
  check(doc, ctx) {
    for (const block of doc.prose) {
      if (!mayThreaten.test(block.text)) continue;
      for (const match of matchText(block.text, lexicon)) {
        const end = match.index + match.text.length;
        if (isMention(doc, block, match.index, end)) continue;
        const incitement = THREATS.find((t) => t === match.entry)?.category === 'incitement';
        if (incitement && storyOrHistory.test(block.text)) continue;
        ctx.report(reportMatch({ ...match, block }));
      }
    }
  },
};
