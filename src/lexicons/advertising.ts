import { DESCRIBED } from './spam.js';
import type { TaggedEntry } from './tagged.js';

const HOUSE =
  'Content Gate house list, from the policy item "Advertising or sale of merchandise or services"';

/** Phrases that sell: calls to buy, discount codes, "DM me", paid services. */
export const advertisingPhrases: TaggedEntry[] = [
  {
    category: 'discount code',
    pattern:
      '(?:promo|promotional|discount|coupon|voucher|referral|offer|checkout) codes?|use (?:the )?code:? [A-Z0-9]{3,}|(?:enter|apply) (?:the )?code:? [A-Z0-9]{3,}|\\d{1,2} ?% off (?:with|using|when you use) (?:the )?code',
    unlessPrecededBy: DESCRIBED,
    message: 'This text gives a discount code ("{match}"), which is advertising.',
    note: 'Discount and promo codes sell for someone; the library does not issue them.',
    source: HOUSE,
  },
  {
    category: '"DM me"',
    pattern:
      '(?:dm|pm|inbox) me|(?:dm|pm|inbox|message|msg|text|whatsapp|email|call) (?:me|us) (?:for (?:prices?|pricing|rates|orders?|a quote|quotes|a price|more pics)|to (?:order|buy|purchase|book (?:a|your) (?:session|appointment)))|(?:send|shoot|drop) me an? (?:dm|pm|direct message|private message)|slide into (?:my|our) dms|link in (?:my|our) bio',
    message:
      'This text asks readers to contact the writer privately ("{match}"), the usual call of a sales post.',
    note: 'Private-message sales calls. A library\'s "contact us at the desk" names a public contact instead.',
    source: HOUSE,
  },
  {
    category: 'call to buy',
    pattern:
      '(?:buy|order|shop|book) (?:yours |one |it |them )?(?:now|today|online now|while supplies last)|(?:get|grab|order|reserve) yours (?:now|today|before)|shop (?:my|our) (?:store|shop|site|collection|sale)|(?:visit|check out|shop at) my (?:etsy |ebay |amazon |online |shopify )?(?:shop|store|boutique)|free shipping|limited[- ]time (?:offer|deal|sale)|buy one,? get one(?: free)?|bogo|(?:this|today|tonight)(?: week| weekend)? only|(?:order|buy) (?:through|from|via) my (?:link|site|page|store)',
    unlessPrecededBy: "\\b(?:friends|library)(?:'s|’s)?[^.!?]{0,40}$",
    message: 'This text is a call to buy ("{match}"), which is advertising.',
    note: "Sales calls. The Friends' or library's own sales are left alone by the own-event check.",
    source: HOUSE,
  },
  {
    category: 'paid services',
    pattern:
      "(?:my|our) (?:hourly |reasonable |affordable |competitive |low )?(?:rates|prices) (?:are|start)|(?:reasonable|affordable|competitive|unbeatable|lowest) (?:rates|prices)|free (?:estimates?|quotes?|consultations?)|(?:call|text) (?:me|now) (?:for|to book|today)|book (?:a|your) (?:session|appointment|consultation) with me|(?:i|we) (?:buy|pay cash for) (?:houses|homes|cars|gold|junk cars)|(?:i am|i'm|we are|we're) (?:now )?(?:taking|accepting) (?:new )?(?:clients|orders|commissions|students)",
    message: 'This text offers paid services ("{match}"), which is advertising.',
    note: "Service adverts. The library's free programs are not priced and are left alone.",
    source: HOUSE,
  },
  {
    category: 'paid services',
    pattern: 'hire me',
    unlessPrecededBy: '\\b(?!please\\b|just\\b|so\\b|and\\b|then\\b)\\p{L}+\\s+$',
    message: 'This text offers paid services ("{match}"), which is advertising.',
    note: 'Only as a request: "they did not hire me" is a story.',
    source: HOUSE,
  },
  {
    category: 'sale of merchandise',
    pattern:
      "(?:(?:i'm|i am|we're|we are) selling|(?:selling|for sale):? (?:my|a|an|our|this|these|\\d+)|(?:is|are) (?:up )?for sale|obo|or best offer|(?:brand )?new in box|asking \\$\\s?\\d)",
    unlessPrecededBy:
      "\\b(?:books?|friends|library|withdrawn|discarded|donated|used)(?:'s|’s)? (?:\\w+ ){0,3}$",
    message: 'This text sells merchandise ("{match}"), which is advertising.',
    note: 'Classified-style sale posts. Library and Friends book sales are left alone.',
    source: HOUSE,
  },
];

/** A price: "$19.99", "£5", "25 dollars". */
export const PRICE = String.raw`(?:[$£€]\s?\d[\d,]*(?:\.\d{2})?|\b\d[\d,]*(?:\.\d{2})? ?(?:dollars|bucks|usd)\b)`;

/** Words that ask the reader to buy, in the same sentence as a price. */
export const BUY_CALL = String.raw`(?:\b(?:buy(?!-in)|order|purchase|shop|get yours|grab yours|reserve yours|pay(?:able)? (?:via|by|with)|venmo|cash ?app|paypal|zelle|dm|pm|(?:message|contact|email|text|call) me|for sale|on sale|discount(?:ed)?|clearance)\b|\d ?% off\b)`;

/** A sentence about the past ("in 1925 you could buy a house for $3,000") is history, not a sale. */
export const HISTORICAL = String.raw`\b(?:1[0-8]\d\d|19\d\d)\b|\bcould (?:buy|order|purchase)\b|\bused to (?:cost|buy)\b`;

/**
 * The library's and Friends' own business: book sales, fines and fees, events and signings.
 * A price or call to buy in a sentence naming one of these is library news, not advertising.
 */
export const OWN_COMMERCE = String.raw`\b(?:(?:at|in|inside) (?:the|our|any|all|every) (?:[\p{L}-]+ )?(?:public )?(?:librar(?:y|ies)|branch(?:es)?)|(?:the |our )?library(?:'s|’s)|(?:the|our) library (?:sells|charges|offers|gift shop|shop|store|café|cafe)|library cards?|friends of (?:the )?[\p{L} .'’-]{0,40}librar(?:y|ies)|friends(?:'|’)? (?:book ?(?:sale|store|shop)|sale|shop|store|group)|the friends|book ?sale|bag sale|used[- ]book|(?:book|author) signing|signing|circulation desk|front desk|reference desk|branch|branches|(?:late|overdue|replacement|printing|copy|copier|card|lost[- ]item|membership|meeting[- ]room|room|program|registration|processing) (?:fees?|fines?|charges?|costs?)|fines?|per page|(?:at|after) the (?:event|program|talk|reading|signing|festival|fair|lecture|concert|workshop)|tickets? (?:are|cost|for the)|museum pass(?:es)?)\b`;
