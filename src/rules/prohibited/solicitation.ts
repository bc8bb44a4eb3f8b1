import type { ProseBlock } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import {
  CAMPAIGN_FOR_OFFICE,
  CROWDFUNDING_NAMES,
  crowdfundingHosts,
  FUNDRAISING_BODY,
  IN_KIND,
  MONEY,
  OWN_APPEAL,
  solicitationPhrases,
} from '../../lexicons/solicitation.js';
import { POLICY } from '../shared/policy.js';
import { anyCase, compileCased } from './context/cased.js';
import { hostIs, linksOf } from './context/links.js';
import { mentionIndex } from './context/mentions.js';
import { ownOrganization } from './context/organization.js';
import { sentenceAround } from './context/sentences.js';
import { allProse, occursIn, spanOf, usesOf } from './context/uses.js';

const lexicon = compileCased(solicitationPhrases);
const ownAppeal = anyCase(OWN_APPEAL);
const fundraisingBody = new RegExp(FUNDRAISING_BODY, 'u');
const inKind = anyCase(IN_KIND);
const money = anyCase(MONEY);
const campaignForOffice = anyCase(CAMPAIGN_FOR_OFFICE);
const crowdfundingName = anyCase(`(?<![\\p{L}\\p{N}])(?:${CROWDFUNDING_NAMES})(?![\\p{L}\\p{N}])`, true);
const appealVerb = anyCase(
  String.raw`\b(?:donate|donating|donations?|give|giving|chip in|contribute|pledge|support (?:us|me|our|my|the|this|them|him|her)|help (?:us|me|them|him|her|the|our|my)|back (?:us|me|our|my)|share (?:our|my|this|the link))\b`,
);

const ADVICE = {
  'third-party':
    "Remove the appeal: the library's site does not carry charitable solicitations for other causes.",
  unlisted:
    "If this is the library's own foundation or Friends, list its name under organization.fundraising in .content-gate.yml; otherwise remove the appeal.",
  link: "Remove the link. If the page is the library's own campaign, list its address under organization.fundraising in .content-gate.yml.",
} as const;

export const solicitationRule: Rule = {
  meta: {
    id: 'prohibited/solicitation',
    policy: POLICY.solicitation.section,
    clause: POLICY.solicitation.text,
    defaultSeverity: 'error',
    description:
      'Charitable solicitation: donate-to appeals and crowdfunding links (GoFundMe, Kickstarter, Patreon and the like). The library itself and the foundation or Friends listed in config `organization` are left alone.',
    severityReason:
      "An appeal for a third party's cause is plain to any reviewer, so it is an error. An appeal naming a foundation or Friends group that is not in config is a warning: it may be the library's own, not yet listed.",
  },
  check(doc, ctx) {
    const mentions = mentionIndex(doc);
    const own = ownOrganization(ctx.run.config);
    const links = linksOf(doc);

    for (const link of links) {
      if (!crowdfundingHosts.some((h) => hostIs(link.host, h)) || own.fundraisingLink(link)) continue;
      ctx.report({
        start: link.start,
        end: link.end,
        message: `This links a crowdfunding or money-request page (${link.host}), which is charitable solicitation. ${ADVICE.link}`,
      });
    }

    const blockHasOwnFundraisingLink = (block: ProseBlock) => {
      const start = block.node.position?.start.offset ?? 0;
      const end = block.node.position?.end.offset ?? 0;
      return links.some((l) => l.start >= start && l.end <= end && own.fundraisingLink(l));
    };

    const judge = (sentence: string, block: ProseBlock): 'own' | 'unlisted' | 'third-party' => {
      if (own.namedIn(sentence) || blockHasOwnFundraisingLink(block)) return 'own';
      if (inKind.test(sentence) && !money.test(sentence)) return 'own';
      // A foundation or Friends group named but not listed may be the library's own: an editor checks.
      if (fundraisingBody.test(sentence)) return 'unlisted';
      return ownAppeal.test(sentence) ? 'own' : 'third-party';
    };

    const reported = new Set<string>();
    for (const use of usesOf<(typeof solicitationPhrases)[number]>(doc, lexicon, mentions)) {
      if (campaignForOffice.test(use.sentence) || reported.has(use.sentence)) continue;
      const verdict = judge(use.sentence, use.block);
      if (verdict === 'own') continue;
      reported.add(use.sentence);
      ctx.report({
        ...spanOf(use),
        ...(verdict === 'unlisted' ? { severity: 'warning' as const } : {}),
        message: `${use.entry.message.replaceAll('{match}', use.text)} ${ADVICE[verdict]}`,
      });
    }
    const blocks = occursIn(crowdfundingName, allProse(doc)) ? doc.prose : [];
    for (const block of blocks) {
      for (const m of block.text.matchAll(crowdfundingName)) {
        if (mentions.covers(block, m.index)) continue;
        const sentence = sentenceAround(block.text, m.index, m[0].length);
        if (reported.has(sentence) || !appealVerb.test(block.text) || campaignForOffice.test(sentence))
          continue;
        const verdict = judge(sentence, block);
        if (verdict === 'own') continue;
        reported.add(sentence);
        ctx.report({
          ...spanOf({ block, index: m.index, text: m[0] }),
          ...(verdict === 'unlisted' ? { severity: 'warning' as const } : {}),
          message: `This sentence asks readers to give through ${m[0]}, which is charitable solicitation. ${ADVICE[verdict]}`,
        });
      }
    }
  },
};
