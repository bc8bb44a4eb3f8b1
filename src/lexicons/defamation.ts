import type { HarmEntry } from './harm.js';

/** Titles that make a following capitalised word a named person. */
const HONORIFIC =
  '(?:Councilor|Councillor|Councilwoman|Councilman|Mayor|Director|Trustee|Senator|Representative|Rep\\.|Commissioner|Chief|Officer|Sheriff|Dr\\.|Mr\\.|Mrs\\.|Ms\\.|Mx\\.|Judge|Superintendent|Treasurer|Chair|Chairman|Chairwoman|President|Professor|Principal|Governor|Alderman|Selectman|Selectwoman|Manager|Pastor|Reverend|Rev\\.)';

/** A capitalised name of one to four words, e.g. "Jane Smith", "Acme Books", "Mayor Ruiz". */
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]{0,40}";
export const NAMED = `(?:${HONORIFIC} )?${NAME_WORD}(?: (?:${NAME_WORD}|of|&|and))*?(?: ${NAME_WORD})?`;

/** Capitalised words that begin sentences without naming anyone. */
export const NOT_A_NAME =
  '^(?:The|This|That|These|Those|He|She|It|They|We|I|You|Our|Their|His|Her|My|Your|A|An|Someone|Somebody|Everyone|Everybody|Nobody|Anyone|One|Patrons?|Staff|People|Readers|Nothing|What|Who|If|When|And|But|So|Then|There|Here|Each|Every|Some|Many|Most|All|No|Yes|Today|Yesterday|Now|Also|Sadly|Apparently|Clearly|Honestly|Frankly)$';

const RELATIVE =
  '(?:also |still |clearly |obviously |just |really |basically |actually |totally |nothing but |no better than |a bunch of |a pack of |a gang of )?';

export const ACCUSATIONS: HarmEntry[] = [
  {
    pattern: `(?:is|was|are|were|has been|have been|'s|’s) ${RELATIVE}(?:an? |the )?(?:(?:total|complete|known|real|proven|convicted|lying|corrupt|common|petty|shameless) )?(?:fraud|fraudster|scam|scam artist|ripoff|rip-off|crook|thief|thieves|criminal|criminals|con (?:artist|man)|embezzler|scammer|swindler|racketeer|money launderer|pedophile|paedophile|child molester|sex offender|drug dealer|gangster|mobster|grifter|extortionist|bribe-taker)s?\\b`,
    category: 'crime',
    message:
      'This sentence accuses a named person or organisation ({name}) of a crime with no source. Remove it, or link to published reporting or a court record that supports it.',
    note: 'Calling a named person or organisation a criminal, fraud or thief.',
    source: 'This project, after the policy (Posting on Social Media, item 3)',
  },
  {
    pattern:
      '(?:has |have |had )?(?:been )?(?:stole|steals|stolen|stealing|embezzled|embezzles|embezzling|laundered|launders|laundering|defrauded|defrauds|defrauding|bribed|bribes|extorted|swindled|scammed|skimmed|pocketed|falsified|forged|rigged|(?:took|takes|taking) (?:bribes|kickbacks|payoffs)|committed (?:fraud|a crime|crimes|perjury)|molested|abused (?:children|kids|a child|patrons|staff))(?! (?:the show|the spotlight|(?:my|our|your|his|her|their) hearts?|a (?:glance|look|kiss)|home|(?:second|third) base|the scene)\\b)',
    category: 'crime',
    message:
      'This sentence accuses a named person or organisation ({name}) of a crime with no source. Remove it, or link to published reporting or a court record that supports it.',
    note: 'A crime attributed as fact to a named subject. Idioms ("stole the show") are left alone.',
    source: 'This project',
  },
  {
    pattern: `(?:is|was|are|were|has been|'s|’s) ${RELATIVE}(?:an? )?(?:(?:pathological|compulsive|known|total|complete|shameless) )?(?:liars?|cheats?|crooked|corrupt|dishonest|lying|on the take)\\b|(?:lied|lies|lying|has lied|have lied) (?:to|about) (?:the |us|you|voters|taxpayers|patrons|the public|everyone)|(?:cooked|cooks|cooking) the books|(?:cheated|cheats|cheating) (?:the|us|you|voters|taxpayers|patrons|the public|everyone)`,
    category: 'dishonesty',
    severity: 'warning',
    message:
      'This sentence calls a named person or organisation ({name}) dishonest with no source. Reword it as your own opinion on the record, or link to reporting that supports it.',
    note: 'Dishonesty is a judgment a reviewer has to weigh: warning.',
    source: 'This project',
  },
];

/** Words that make a claim reported rather than asserted: an allegation attributed to someone. */
export const HEDGES =
  '\\b(?:allegedly|alleged|accused of|charged with|indicted|according to|reported(?:ly)?|court records?|was convicted|pleaded|pled guilty|lawsuit|claims? that)\\b';

/** Word stems every accusation pattern contains: blocks without any are skipped cheaply. */
export const ACCUSATION_TRIGGERS =
  '(?:fraud|scam|rip-?off|crook|thie[fv]|criminal|con (?:artist|man)|embezzl|swindl|racketeer|launder|p(?:a)?edophile|molest|offender|dealer|gangster|mobster|grifter|extort|brib|stole|steal|defraud|skimm|pocket|falsif|forged|rigged|kickback|payoff|committed|abused|liar|cheat|corrupt|dishonest|lying|lied|lies|on the take|cook)';
