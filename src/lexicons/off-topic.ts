import type { TaggedEntry } from './tagged.js';

const HOUSE =
  'Content Gate house list, from the policy item "Content not related to library business, programs, events, resources, and materials"';

/** A sign that a post is about something other than the library. */
export interface OffTopicEntry extends TaggedEntry {
  /** 2 for words that are hardly ever library business, 1 for words that can be. */
  weight: 1 | 2;
}

/** Trading tips, gambling, dating and unrelated commerce. */
export const offTopicSignals: OffTopicEntry[] = [
  {
    category: 'trading tips',
    weight: 2,
    pattern:
      'forex|binary options|crypto(?:currency)? (?:signals|trading|gains|pump|profits?|investment platform)|trading signals|penny stocks?|stock picks?|day[- ]trading|options trading|altcoins?|meme ?coins?|to the moon|buy the dip|pump and dump|100x|1000x|10x gains|pips|leverage(?:d)? trading|trading bot|signals group',
    message: 'trading tips ({match})',
    note: 'Investment tips. A financial-literacy program names the library, so the post is on topic.',
    source: HOUSE,
  },
  {
    category: 'trading tips',
    weight: 1,
    pattern:
      'bitcoin|ethereum|crypto|dogecoin|nfts?|stocks?|shares|portfolio|investors?|returns|profits?|gains|trading|traders?|broker',
    message: 'investing ({match})',
    note: 'Investing words that a library program can also use.',
    source: HOUSE,
  },
  {
    category: 'gambling',
    weight: 2,
    pattern:
      '(?:online )?casinos?|sportsbooks?|sports betting|bet(?:ting)? (?:on|odds|slip)|betting (?:tips|odds|site|app)|parlays?|slot machines?|slots|poker|blackjack|roulette|jackpots?|free spins|deposit bonus|(?:lottery|lotto) numbers|online gambling|place your bets?|odds (?:on|are|for)',
    message: 'gambling ({match})',
    note: 'Gambling. A local-history talk on the old racetrack names the library, so it is on topic.',
    source: HOUSE,
  },
  {
    category: 'gambling',
    weight: 1,
    pattern: 'bets?|betting|wager|gambl(?:e|ing)|lottery|lotto|odds|bookie',
    message: 'gambling ({match})',
    note: 'Gambling words that history and fiction also use.',
    source: HOUSE,
  },
  {
    category: 'dating',
    weight: 2,
    pattern:
      'dating (?:site|app|profile|service)s?|(?:hot |lonely |local )?singles (?:in your area|near you|nearby)|hook ?ups?|swipe right|looking for (?:a |my )?(?:man|woman|girlfriend|boyfriend|wife|husband|soulmate|sugar daddy|sugar baby)|sugar (?:daddy|baby|mommy)|meet (?:local |hot )?(?:singles|women|men|girls|guys)|(?:single|lonely) (?:and|&) looking|dtf',
    message: 'dating ({match})',
    note: 'Dating and hook-up posts.',
    source: HOUSE,
  },
  {
    category: 'dating',
    weight: 1,
    pattern: 'dating|single (?:men|women|ladies|guys)|romance|flirt(?:ing|y)?|lonely|date night',
    message: 'dating ({match})',
    note: 'Dating words that romance-novel programs also use.',
    source: HOUSE,
  },
  {
    category: 'unrelated commerce',
    weight: 2,
    pattern:
      'weight loss (?:pills?|supplements?|secret)|diet pills?|keto (?:pills|gummies)|cbd (?:oil|gummies)|vape (?:shop|juice)|seo services?|essay writing services?|payday loans?|car insurance quotes?|mortgage rates|replica (?:watches|handbags)|cheap flights|(?:used )?cars? for sale|house for sale|real estate (?:listing|agent)|lawn (?:care|mowing) services?|(?:house|carpet|gutter) cleaning|roofing|plumbing services|moving company|web design services|followers for sale|we buy (?:houses|homes|cars|gold)|(?:cash for|sell us your) (?:houses|homes|cars|gold|junk cars)|(?:houses|homes|cars) for cash',
    message: 'unrelated commerce ({match})',
    note: 'Goods and services unrelated to the library.',
    source: HOUSE,
  },
  {
    category: 'unrelated commerce',
    weight: 1,
    pattern:
      'for sale|selling|discount|promo|coupon|deals?|free shipping|miles|obo|price|prices|customers|clients|products?',
    message: 'commerce ({match})',
    note: 'Commerce words a library post can also use (book sale prices).',
    source: HOUSE,
  },
];

/**
 * Words of library business: services, collections, programs, events, partners and local
 * history. Each one found counts against an off-topic verdict.
 */
export const LIBRARY_BUSINESS = String.raw`\b(?:librar(?:y|ies|ian|ians)|branch(?:es)?|catalog(?:ue)?|collections?|archives?|archival|archivists?|exhibits?|exhibitions?|story ?times?|book ?clubs?|reading|readers|patrons?|borrow(?:ing|ed)?|check(?:ing)? out|checkouts?|programs?|programmes?|workshops?|events?|classes|talks?|lectures?|databases?|e-?books?|audiobooks?|museums?|local history|genealogy|historical society|history|reference|makerspace|library cards?|card holders|volunteers?|friends of|partners?|partnership|co-?sponsored|community|authors?|books|novels?|magazines?|newspapers?|digital|digitized|research(?:ers)?|records|finding aids?|manuscripts?|special collections|reading room|circulation|literacy|tutoring|homework help|summer reading|storytelling|oral histor(?:y|ies)|film screening|concert|trustees?|teens?|kids|children(?:'s|’s)?|seniors|families|board games|game night|crafts?|crafting|class|clubs?|safety|storytime|literacy)\b`;
