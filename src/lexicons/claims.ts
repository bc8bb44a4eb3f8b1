/**
 * Cues of a statistic or a checkable claim about the world, for `content/unsourced-claim`. Each is a
 * regular-expression source matched case-insensitively on one sentence, with what it is called in
 * the message.
 */
export interface ClaimCue {
  kind: string;
  pattern: string;
  /** A statistic the library may state of its own work ("we lent 1.2 million items"): then it is left alone. */
  ownFactsExempt: boolean;
}

const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|a third|a quarter|a half)';
const GROUP =
  "(?:americans|adults|children|kids|teens|teenagers|students|people|readers|families|households|women|men|workers|voters|libraries|schools|homes|patrons|users|residents|seniors|parents|the (?:world|country|nation|population)|the world's)";

/** Whole populations; "most people" and "many users" are figures of speech, not statistics. */
const POPULATION =
  '(?:americans|adults|children|kids|teens|teenagers|students|families|households|women|men|workers|voters|parents|seniors|residents)';

export const CLAIM_CUES: ClaimCue[] = [
  {
    kind: 'a percentage',
    pattern: String.raw`\b\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)`,
    ownFactsExempt: true,
  },
  {
    kind: 'a proportion',
    pattern: String.raw`\b${NUMBER_WORD} (?:in|out of)(?: every)? (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\b(?:half|a third|two[- ]thirds|three[- ]quarters|a quarter|most|the majority|a majority) of (?:all )?${GROUP}|\b(?:most|few|many) ${POPULATION}\b|\bfor every (?:dollar|\$1)\b|\bthe average (?:american|person|adult|child|reader|household|family|teen|student)\b`,
    ownFactsExempt: true,
  },
  {
    kind: 'a large number',
    pattern: String.raw`\b\d+(?:\.\d+)? (?:million|billion|trillion)\b|\b\d{1,3}(?:,\d{3}){2,}\b`,
    ownFactsExempt: true,
  },
  {
    kind: 'a ranking',
    pattern: String.raw`\b(?:the|america's|the world's|the nation's|the country's) (?:(?:single|very) )?(?:(?:second|third|fourth|fifth) )?(?:largest|biggest|oldest|first|fastest[- ]growing|most (?:popular|visited|widely read|banned|challenged|common|trusted)|leading|top|number one|#1|only)(?: \w+){0,5} (?:in (?:the (?:world|country|nation|state|united states|us|u\.s\.)|america|history|europe)|ever|on (?:earth|record)|to (?:offer|open|lend|introduce|have|be))\b`,
    ownFactsExempt: true,
  },
  {
    kind: 'a change over time',
    pattern: String.raw`\b(?:has|have|had)(?: more than| nearly| almost)? (?:doubled|tripled|quadrupled|halved)\b|\b(?:rose|rises?|fell|falls?|dropped|drops?|grew|grows?|increased|increases?|decreased|decreases?|declined|declines?|climbed|surged|plummeted|raises?|boosts?|improves?|cuts?|reduces?|lowers?) (?:\w+ ){0,3}by (?:up to |more than |nearly |almost |about )?\d|\bsince (?:19|20)\d\d,? (?:the )?(?:number|rate|share|use|percentage) of\b|\bfor the first time (?:since|in) (?:(?:19|20)\d\d|decades|a century|history)\b`,
    ownFactsExempt: true,
  },
  {
    kind: 'a claim about research',
    ownFactsExempt: false,
    pattern: String.raw`(?<!\b(?:our|my) )\b(?:studies|research|researchers|scientists|scholars|historians|psychologists|experts|doctors|surveys|polls|statistics|the data|data|evidence|science|(?:a|one|the|a new|a recent) (?:study|survey|poll|report)) (?:(?:all|now|consistently|clearly) )?(?:show|shows|showed|have shown|has shown|prove|proves|proved|have proven|suggest|suggests|agree|say|says|believe|confirm|confirms|found|find|finds|indicate|indicates)\b|\b(?:it is|it's) (?:a )?(?:well[- ]known|proven|scientific) fact\b|\b(?:scientifically|clinically) proven\b`,
  },
  {
    kind: 'a health or legal claim',
    pattern: String.raw`\b(?:cures?|prevents?|reverses?|reduces? the risk of|lowers? (?:your|the) risk of|boosts? (?:your |the )?(?:immune|brain)|causes?|leads? to|is linked to|are linked to)\b (?:(?:(?:more|fewer|higher|lower) )?(?:cancer|dementia|alzheimer's|depression|anxiety|obesity|diabetes|autism|heart disease|heart attacks|strokes?|stress|insomnia|illness|disease|memory loss|violence|crime)\b)|\b(?:slows?|delays?|halts?) (?:\w+ )?(?:memory loss|dementia|aging|ageing|cognitive decline)\b|\b(?:is|are|it's|it is) (?:now )?(?:illegal|against the law|a (?:federal )?crime|legal) (?:to|in|for)\b`,
    ownFactsExempt: false,
  },
];

/** The author speaking of the library's own work: "our 200,000 books", "we lent 1.2 million items". */
export const OWN_VOICE = String.raw`\b(?:we|we've|we're|our|ours|us|i|my)\b`;

/** Words that name where a claim comes from, in its own sentence or paragraph. */
export const CITATION = String.raw`\b(?:according to|as reported (?:by|in)|reported by|source:|sources:|data from|figures from|cited in|published (?:by|in)|(?:a|the) (?:\d{4} )?(?:study|report|survey|poll|census) (?:by|from|of|published)|(?:study|report|survey) (?:by|from) (?:the )?[A-Z]|\(\s*(?:19|20)\d\d\s*\))`;
