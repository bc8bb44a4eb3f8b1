import type { Rule } from '../../core/rule.js';
import { advertisingPhrases, BUY_CALL, HISTORICAL, OWN_COMMERCE, PRICE } from '../../lexicons/advertising.js';
import { CAMPAIGN_FOR_OFFICE } from '../../lexicons/solicitation.js';
import { POLICY } from '../shared/policy.js';
import { anyCase, compileCased } from './context/cased.js';
import { mentionIndex } from './context/mentions.js';
import { ownOrganization } from './context/organization.js';
import { sentenceAround } from './context/sentences.js';
import { allProse, occursIn, spanOf, usesOf } from './context/uses.js';

const lexicon = compileCased(advertisingPhrases);
const ownCommerce = anyCase(OWN_COMMERCE);
const price = anyCase(PRICE, true);
const buyCall = anyCase(BUY_CALL);
const historical = anyCase(HISTORICAL);
const notASale = anyCase(`${CAMPAIGN_FOR_OFFICE}|\\b(?:donate|donations?)\\b`);

const ADVICE =
  "Remove it: the library's site does not carry advertising. If it is the library's or the Friends' own sale or event, name them in the sentence.";

export const advertisingRule: Rule = {
  meta: {
    id: 'prohibited/advertising',
    policy: POLICY.advertising.section,
    clause: POLICY.advertising.text,
    defaultSeverity: 'error',
    description:
      'Advertising and sales: prices with a call to buy, discount codes, "DM me", paid services and items for sale. The library\'s and Friends\' own book sales, fees and author signings are left alone.',
    severityReason:
      "A sales pitch on the library's site is plain to any reviewer, and the own-business check leaves library sales, fees and signings alone, so findings are errors.",
  },
  check(doc, ctx) {
    const mentions = mentionIndex(doc);
    const own = ownOrganization(ctx.run.config);
    // A campaign or donation appeal is reported by prohibited/political or prohibited/solicitation.
    const isOwnBusiness = (sentence: string) =>
      ownCommerce.test(sentence) || own.namedIn(sentence) || notASale.test(sentence);
    const reported = new Set<string>();

    for (const use of usesOf<(typeof advertisingPhrases)[number]>(doc, lexicon, mentions)) {
      if (isOwnBusiness(use.sentence)) continue;
      reported.add(use.sentence);
      ctx.report({
        ...spanOf(use),
        message: `${use.entry.message.replaceAll('{match}', use.text)} ${ADVICE}`,
      });
    }
    const blocks = occursIn(price, allProse(doc)) ? doc.prose : [];
    for (const block of blocks) {
      for (const m of block.text.matchAll(price)) {
        if (mentions.covers(block, m.index)) continue;
        const sentence = sentenceAround(block.text, m.index, m[0].length);
        if (reported.has(sentence) || !buyCall.test(sentence)) continue;
        if (isOwnBusiness(sentence) || historical.test(sentence)) continue;
        reported.add(sentence);
        ctx.report({
          ...spanOf({ block, index: m.index, text: m[0] }),
          message: `This sentence puts a price (${m[0].trim()}) beside a call to buy, which is advertising. ${ADVICE}`,
        });
      }
    }
  },
};
