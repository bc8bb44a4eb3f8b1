import type { TaggedEntry } from './tagged.js';

const HOUSE =
  'Content Gate house list, from the policy item "Charitable solicitations or political campaigning"';

/**
 * Sites whose pages collect money for a person or cause. Sources: the crowdfunding and
 * money-request services most often linked in fundraising appeals.
 */
export const crowdfundingHosts: readonly string[] = [
  'gofundme.com',
  'gofund.me',
  'kickstarter.com',
  'indiegogo.com',
  'patreon.com',
  'fundly.com',
  'givebutter.com',
  'fundrazr.com',
  'crowdrise.com',
  'justgiving.com',
  'donorbox.org',
  'ko-fi.com',
  'buymeacoffee.com',
  'givesendgo.com',
  'spot.fund',
  'paypal.me',
  'venmo.com',
  'cash.app',
  'gogetfunding.com',
  'youcaring.com',
  'mightycause.com',
  'fundrise.com',
  'giveforward.com',
  'plumfund.com',
  'mealtrain.com',
  'freefunder.com',
  'chuffed.org',
  'ketto.org',
  'milaap.org',
  'leetchi.com',
  'vakinha.com.br',
  'gogetfunding.com',
  'every.org',
  'classy.org',
  'givelively.org',
  'fundraise.givesmart.com',
  'onecause.com',
  'bonfire.com',
];

/** Names of those services, for appeals that name them in words ("our GoFundMe"). */
export const CROWDFUNDING_NAMES = String.raw`go ?fund ?me|kickstarter|indiegogo|patreon|givebutter|justgiving|ko-?fi|buy ?me ?a ?coffee|givesendgo|venmo|cash ?app|paypal\.me|meal ?train`;

/** Appeals for money or gifts to a cause. */
export const solicitationPhrases: TaggedEntry[] = [
  {
    category: 'donation appeal',
    pattern:
      '(?:please |kindly |consider |can you |could you |would you )?(?:donate|give|chip in)(?: (?:what|anything|whatever) you can| generously| today| now| a few dollars| \\$\\s?\\d+)? (?:to|towards?|for|at|via|through)\\b|(?:please|kindly|consider|can you|could you|would you|help us and) (?:donate|donating|give|giving|contribute|contributing|chip in|pledge)\\b|donate (?:now|today|here|generously|what you can|anything)',
    message: 'This text asks readers to donate ("{match}"), which is charitable solicitation.',
    note: 'Donate-to appeals. The library and its configured foundation or Friends are left alone.',
    source: HOUSE,
  },
  {
    category: 'fundraising appeal',
    pattern:
      "(?:help|support) (?:us|me|our (?:family|team|club|church|school|cause)|my (?:family|son|daughter|mom|dad|team|friend|cause)|the \\p{Lu}\\w+ family|this family|them) (?:raise|reach|get to|hit|meet) (?:\\$\\s?\\d[\\d,]*k?|our|my|the|money|funds)|(?:every|any) (?:dollar|donation|amount|contribution|gift|bit) (?:helps|counts|matters|makes a difference)|(?:sponsor|pledge) me (?:in|for|at)|(?:make|send) a (?:donation|contribution|pledge)|raising (?:money|funds) (?:for|to)|(?:our|my|his|her|their|the family's) (?:fundraiser|fund-raiser|donation page|crowdfunding|go ?fund ?me)|(?:donations|contributions) (?:are|can be) (?:sent|made|dropped off)|(?:tax[- ]deductible) (?:donation|gift|contribution)s?",
    message: 'This text appeals for money for a cause ("{match}"), which is charitable solicitation.',
    note: "Fundraising language. The library's own foundation or Friends, listed in config, are left alone.",
    source: HOUSE,
  },
];

/** The library itself as the one asking: "donate books to the library", "at any branch". */
export const OWN_APPEAL = String.raw`\b(?:(?:the|our|your|any) (?:public )?librar(?:y|ies)|library(?:'s|’s)?|(?:at|to) (?:the|any|all|our) (?:\w+ )?branch(?:es)?|circulation desk|front desk|drop[- ]off (?:bins?|box)|book drop)\b`;

/** A foundation or Friends group, named but perhaps not listed in config `organization.fundraising`. */
export const FUNDRAISING_BODY = String.raw`\b(?:[Ff]riends of (?:the )?[\p{L} .'’-]{0,40}[Ll]ibrar(?:y|ies)|[\p{Lu}][\p{L}'’]+(?: [\p{Lu}][\p{L}'’]+){0,5} (?:[Ll]ibrary )?[Ff]oundation|[Ll]ibrary [Ff]oundation|the Friends)\b`;

/** Things given in kind for a library drive ("donate gently used books"), not money. */
export const IN_KIND = String.raw`\b(?:books?|dvds?|cds|magazines|yarn|seeds|puzzles|board games|photographs|photos|letters|scrapbooks|records|memorabilia|blood)\b`;

/** Money words: an appeal that mentions them asks for money, not for things. */
export const MONEY = String.raw`(?:[$£€]\s?\d|\b(?:money|funds|cash|dollars|donations? of any amount|gofundme|venmo|paypal)\b)`;

/** An appeal for a candidate's campaign is political campaigning, reported by prohibited/political. */
export const CAMPAIGN_FOR_OFFICE = String.raw`\b(?:re-?elect|elect|candidate|candidacy|(?:his|her|their|my) (?:re-?election )?campaign|re-?election|campaign (?:for|to elect)|for (?:mayor|city council|council|senate|congress|governor|state rep(?:resentative)?|school committee|school board|sheriff|selectboard))\b`;
