import type { TaggedEntry } from './tagged.js';

/** A political entry; some only count where the text is about an election. */
export interface PoliticalEntry extends TaggedEntry {
  /** Report only when election words are near (so a book bracket's "vote for Wonder" is left alone). */
  needsElectionContext?: boolean;
}

const HOUSE =
  'Content Gate house list, from the policy item "Charitable solicitations or political campaigning"';

/** A person's name as campaign material writes it: one to three capitalised words. */
// A name word is bounded (no name runs 40 letters) so a long run of capitals is read in linear time.
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]{1,40})(?: \p{Lu}[\p{L}'’.-]{1,40}){0,2}`;
/** Offices people run for. */
export const OFFICE = String.raw`(?:mayor|city council(?:or)?|council(?:or|man|woman|member)?|(?:state |u\.?s\.? )?senat(?:e|or)|congress(?:man|woman)?|governor|president|state rep(?:resentative)?|representative|school (?:committee|board)|sheriff|district attorney|selectboard|select board|alderman|alder|assembly(?:man|woman|member)?|county commission(?:er)?|judge|treasurer|clerk|trustee)`;
/** Ballot questions. */
const MEASURE = String.raw`(?:question|measure|prop(?:osition)?|amendment|ballot question|referendum|initiative|levy|override|issue|article|bond|the (?:library |school |tax )?(?:levy|override|bond|referendum|measure))`;

/** Campaigning: asking readers to vote for, elect or support a candidate, party or side of a ballot question. */
export const politicalPhrases: PoliticalEntry[] = [
  {
    category: 'vote for a candidate',
    pattern: `(?:please |everyone |go |remember to |make sure to |be sure to )?(?:vote (?:for|against)|(?:don't|don’t|do not|never) vote(?: for)?) ${NAME}`,
    needsElectionContext: true,
    message:
      'This text asks readers to vote for or against someone ("{match}"), which is political campaigning.',
    note: 'Needs election words nearby (candidate, office, election, ballot) so "vote for Wonder in our book bracket" is left alone.',
    source: HOUSE,
  },
  {
    category: 'vote on a ballot question',
    pattern: `vote (?:yes|no|"yes"|"no"|“yes”|“no”) (?:on|for|to) ${MEASURE}(?: (?:\\d+\\w?|[A-Z]{1,2}\\b))?|vote (?:yes|no)(?=[!.,]|\\s*$)|(?:vote|say) (?:yes|no) on \\p{Lu}?\\w+ \\d+\\w?|(?:support|oppose|defeat|reject|pass|approve) (?:the )?${MEASURE}(?: (?:\\d+\\w?|[A-Z]{1,2}\\b))?(?= on| this| in| at|[!.,:;]|\\s*$)`,
    message:
      'This text asks readers to take a side on a ballot question ("{match}"), which is political campaigning.',
    note: "Sides of ballot questions, the library's own levy included. Explaining what a question does is left alone.",
    source: HOUSE,
  },
  {
    category: 'elect a candidate',
    pattern: `(?:re-?elect|elect) ${NAME}|re-?elect\\b|(?:keep|put) ${NAME} in office|(?:vote|kick|throw) (?:him|her|them|the bums|${NAME}) out(?: of office)?`,
    unlessPrecededBy: '\\b(?:newly|was|were|been|to be|who|re-?)\\s*$',
    message: 'This text asks readers to elect or unseat someone ("{match}"), which is political campaigning.',
    note: '"Newly elected", "was elected" are reporting, not campaigning.',
    source: HOUSE,
  },
  {
    category: 'support a candidate',
    pattern: `(?:support|back|endorse|vote for|choose) ${NAME} (?:for|as) (?:our next |the next |your )?${OFFICE}|(?:i|we) (?:proudly |strongly )?(?:endorse|support) ${NAME}(?= for| in|[!.,])`,
    message: 'This text backs a candidate ("{match}"), which is political campaigning.',
    note: 'Explicit backing of a named candidate.',
    source: HOUSE,
  },
  {
    category: 'campaign slogan',
    pattern: `${NAME} for ${OFFICE}(?=[!.]|\\s*$| 20\\d\\d)`,
    unlessPrecededBy:
      '\\b(?:candidates?|running|race|debate|forum|nominees?|nominated|announced|campaign|candidacy|vote)\\s*$',
    severity: 'warning',
    message: 'This reads as a campaign slogan ("{match}"), which is political campaigning.',
    note: 'A slogan such as "Jane Smith for Mayor!". A warning, since a headline can read the same way.',
    source: HOUSE,
  },
  {
    category: 'party campaigning',
    pattern:
      "(?:vote|votes) (?:straight )?(?:democrat(?:ic)?|republican|gop|blue|red|green party|libertarian|labour|labor|tory|conservative|liberal)(?: (?:all the way|down the ballot|down ballot|this (?:year|november|fall|time)))?\\b|#vote\\w+|paid for by (?:the )?(?:committee|friends of|citizens for|people for|\\p{Lu}\\w+ for)|(?:join|volunteer (?:for|with)|canvass for|phone ?bank for|knock doors for|donate to|contribute to|give to) (?:the |my |his |her |their )?(?:\\p{Lu}[\\p{L}'’]+ )+(?:campaign|for (?:mayor|council|senate|congress|governor))|(?:donate|contribute|give) to (?:my|his|her|their|the) (?:re-?election |)campaign|(?:lawn|yard) signs? (?:for|supporting)",
    message: 'This text campaigns for a party or candidate ("{match}"), which is political campaigning.',
    note: 'Party slogans, "paid for by" lines, campaign volunteering and campaign donations.',
    source: HOUSE,
  },
];

/**
 * Nonpartisan civic information: where and how to vote, registering, forums to which every
 * candidate was invited. A sentence with one of these is left alone.
 */
export const NONPARTISAN = String.raw`\b(?:polling (?:place|location|station)s?|polls? (?:are|will be|open|close)|register(?:ed)? to vote|voter registration|registering voters|non-?partisan|all (?:\w+ )?(?:candidates|nominees)|every candidate|each candidate|both candidates|candidates? (?:forum|debate|night|q ?& ?a)|league of women voters|sample ballots?|early voting|absentee|mail-?in ballots?|vote by mail|where to vote|how to vote|your polling|mock election|book (?:award|bracket|madness|battle)|battle of the books|readers'? choice|favou?rite|best (?:book|cover|costume|pumpkin|photo|entry)|teen choice|(?:student|library) council)\b`;

/** Words that show a vote is an election, not a book bracket. */
export const ELECTION_CONTEXT = String.raw`\b(?:candidates?|election|elected|ballot|campaign|primary|polls?|office|${OFFICE}|district|ward|party|democrat(?:ic)?|republican|november|tuesday|term|seat|incumbent|voters?|re-?elect)\b`;
