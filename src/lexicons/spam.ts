import type { TaggedEntry } from './tagged.js';

const HOUSE = 'Content Gate house list, from the policy item "Spam" and common spam patterns';

/** Words before a lure that describe it rather than make it ("scams that promise guaranteed returns"). */
export const DESCRIBED =
  '\\b(?:promis(?:e|es|ing)|offer(?:s|ing)?|claims? of|like|such as|about|avoid|spot|spotting|beware of|recogni[sz]e|fake|scams?(?: that)?)\\s+(?:\\w+\\s+)?$';

/**
 * Hosts that only redirect to another address, hiding where a link goes. Sources: the
 * shorteners most often seen in spam reports and in link-shortener directories.
 */
export const urlShorteners: readonly string[] = [
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'goo.gl',
  't.co',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'rebrand.ly',
  'cutt.ly',
  'shorturl.at',
  'tiny.cc',
  'rb.gy',
  'bit.do',
  'adf.ly',
  'lnkd.in',
  's.id',
  't.ly',
  'shorte.st',
  'bl.ink',
  'soo.gd',
  'qr.ae',
  'po.st',
  'mcaf.ee',
  'trib.al',
  'clck.ru',
  'x.co',
  'shorturl.com',
  'tr.im',
  'snip.ly',
  'urlz.fr',
  'linktr.ee',
  'short.io',
  'shrtco.de',
  'tinylink.onl',
  'surl.li',
  'gg.gg',
  'u.to',
  'db.tt',
  'ouo.io',
  'bc.vc',
  'sh.st',
  'adfoc.us',
];

/** Money-making, prize and follower bait: the words of spam, not of a library post. */
export const spamPhrases: TaggedEntry[] = [
  {
    category: 'prize bait',
    pattern:
      "(?:you(?:'ve|’ve| have)|u have|you are|you're|you’re) (?:just )?(?:won|been selected|a (?:lucky )?winner)",
    unlessPrecededBy: '\\b(?:if|whether|when|once|after)\\s+$',
    message:
      'This text tells the reader they have won or been selected ("{match}"), which is how prize scams open.',
    note: 'Prize notifications. "If you\'ve won a raffle prize, pick it up at the desk" is library business.',
    source: HOUSE,
  },
  {
    category: 'prize bait',
    pattern:
      '(?:claim|collect|redeem) (?:your|ur) (?:free |cash |\\$\\s?\\d[\\d,]* )?(?:prize|reward|gift ?cards?|winnings|money|cash|bonus|iphone)',
    unlessFollowedBy: '\\s+(?:at|from|in person at) (?:the|any|our|a)\\b',
    message: 'This text asks the reader to claim a prize or reward ("{match}"), which is prize bait.',
    note: 'Library prizes are picked up "at the desk": those are left alone.',
    source: HOUSE,
  },
  {
    category: 'prize bait',
    pattern:
      '(?:free|unlimited) (?:gift ?cards?|gift card codes|paypal money|iphones?|ipads?|ps5|playstation|xbox|robux|v-?bucks|bitcoins?|crypto|followers|subscribers|likes|views|money|cash)',
    unlessPrecededBy: DESCRIBED,
    message: 'This text offers "{match}", a classic spam lure.',
    note: 'Giveaways of gadgets, game currency and followers.',
    source: HOUSE,
  },
  {
    category: 'money-making bait',
    pattern:
      '(?:earn|make|making|earning|generate) (?:up to |over |at least )?(?:\\$|£|€)\\s?\\d[\\d,.]*k?\\+? (?:a|per|every|each) (?:day|week|hour|month|daily)|(?:earn|make|making|earning) (?:extra |easy |quick |real )?(?:money|cash|income|\\$+) (?:fast|online|from home|quickly|easily|while you sleep|today|now)',
    unlessPrecededBy: DESCRIBED,
    message: 'This text promises easy money ("{match}"), which is money-making spam.',
    note: 'Income promises. A financial-literacy program describes, it does not promise.',
    source: HOUSE,
  },
  {
    category: 'money-making bait',
    pattern:
      'get rich quick|double your (?:money|bitcoin|crypto|investment|income)|guaranteed (?:income|returns?|profits?|winnings|payouts?)|risk[- ]free (?:investment|income|profits?|returns?)|passive income (?:system|opportunity|secret)|(?:work|job|jobs) from home (?:and|&) (?:earn|make)|be your own boss',
    unlessPrecededBy: DESCRIBED,
    message: 'This text promises easy money ("{match}"), which is money-making spam.',
    note: 'Get-rich schemes. A book of that title is written in italics or quotes and is left alone.',
    source: HOUSE,
  },
  {
    category: 'self-promotion',
    pattern:
      '(?:check out|check|see|visit|watch|subscribe to|sub to|go to|look at|listen to|spread|share) my (?:new |first |latest |youtube |yt |music |gaming |dubstep |\\d+bit )?(?:channel|page|profile|videos?|vids?|clips?|music|mixtape|songs?|covers?|remixes|playlist|stream|website|site|instagram|tiktok|soundcloud|twitch)|(?:my|our) (?:youtube |yt |gaming |music |new |first )?channel and subscribe|(?:on|in|to) my (?:youtube |yt |gaming |music |new |first )?channel|check (?:me|us) out|(?:follow|add) me (?:on|at)\\b|(?:subscribe|suscribe|sub) (?:to )?(?:me|my channel)\\b',
    message:
      'This text promotes the writer\'s own channel or page ("{match}"), which is spam on the library\'s site.',
    note: 'Channel plugs, the commonest comment spam. "Our" is left alone: it is the library\'s own voice ("visit our website").',
    source: 'UCI YouTube Spam Collection (patterns, not rows) and the policy item "Spam"',
  },
  {
    category: 'self-promotion',
    pattern:
      'sub4sub|sub 4 sub|subscribe back|(?:please |pls |plz )?(?:like|share|comment),? (?:and|&) subscribe|subscribe,? (?:like|comment) (?:and|&) (?:share|comment)|subscribe (?:for more|please|pls|plz)|follow (?:me )?back|follow4follow|f4f|l4l',
    message: 'This text asks for follows or subscriptions ("{match}"), which is spam on the library\'s site.',
    note: 'Follower swapping.',
    source: 'UCI YouTube Spam Collection (patterns, not rows) and the policy item "Spam"',
  },
  {
    category: 'scam',
    pattern:
      '(?:buy|get|gain) (?:real |cheap |instant |\\d+k? )?(?:youtube |instagram |tiktok |twitter |facebook )?(?:followers|subscribers|likes|views)|(?:cheap|discount|generic) (?:viagra|cialis|meds|pills)|(?:send|wire) (?:me|us) (?:your )?(?:bank|account|card) details|(?:click|tap) (?:here|the link|this link|below|my link) (?:to|and) (?:claim|win|earn|collect|receive|get (?:your|free|paid))',
    message: 'This text is a known spam or scam lure ("{match}").',
    note: 'Bought followers, pill spam, bank-detail phishing, click-to-claim bait.',
    source: HOUSE,
  },
];
