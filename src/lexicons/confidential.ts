import type { LexiconEntry } from './types.js';

/** Budget and personnel matters, which stay confidential until they are approved. */
const CONFIDENTIAL_MATTERS =
  'budgets?|salar(?:y|ies)|wages?|pay (?:raises?|cuts?|increases?|freeze)|raises|layoffs?|lay-offs|furloughs?|staff(?:ing)? (?:cuts?|reductions?|changes?|plan)|job cuts?|positions? (?:cuts?|eliminations?)|personnel (?:changes?|actions?|decisions?|matters?)|hiring (?:freeze|plan)|new hires?|promotions?|terminations?|dismissals?|reorgani[sz]ation|restructuring|(?:union|employment|staff) contracts?|collective bargaining|fee increases?|branch closures?|closing of the \\w+ branch';

/** Words that say a decision has not been made yet. */
const NOT_YET_APPROVED =
  "(?:not yet|(?:has|have|had) not|hasn't|haven't|hadn't|(?:is|are|was|were) not|isn't|aren't|wasn't|weren't)(?: yet)?(?: been)? (?:(?:board|council)[- ])?(?:approved|finali[sz]ed|ratified|signed off)|pending (?:(?:board|council|city|final) )?approval|awaiting (?:(?:board|council|city|final) )?approval|subject to (?:(?:board|council|city|final) )?approval";

/** "internal only", "for internal use (only)", "staff eyes only", "for staff only". */
const INTERNAL_LABEL =
  '(?:(?:for )?internal(?:[ -]use)?[ -]only|for internal use|(?:for )?staff eyes only|for staff only)';

/** Patron help text that says an application is pending: not a confidential matter. */
const HELP_TEXT_SUBJECT =
  "\\b(?:your|their|his|her|the patron's) (?:\\w+ ){0,2}(?:account|card|application|request|registration|comment|post|submission|reservation|hold|membership)s?(?: (?:is|are|has|have|will be|remains?))?\\s*$";

/** Markers that a post is not finished. */
export const draftMarkers: LexiconEntry[] = [
  {
    pattern: 'DRAFT',
    caseSensitive: true,
    message: 'This post is marked DRAFT. Finish it and remove the marker before it is published.',
  },
  {
    pattern: "(?:do not|don't|dont|not (?:yet )?(?:ready )?for) (?:publish|post|publication|release)(?:ed)?",
    message:
      'This post says it is not ready to publish. Finish it and remove the note, or keep it out of the pull request.',
  },
  {
    pattern: 'TODO|FIXME|TBD|TBC|XXX',
    caseSensitive: true,
    message: 'An editing note ({match}) is still in the post. Resolve it and delete the note.',
  },
  {
    // Lower case only where a note starts ("to do: call the mayor"), not mid-sentence ("what they
    // are intended to do: help us").
    pattern: '(?:^|(?<=[\\n([*]\\s?))(?:to ?do|fix ?me|note to self):',
    message: 'An editing note ({match}) is still in the post. Resolve it and delete the note.',
  },
  {
    pattern: 'TK|TKTK',
    caseSensitive: true,
    message: 'The placeholder "{match}" marks something still to come. Fill it in and remove the marker.',
  },
  {
    pattern: 'lorem ipsum(?: dolor sit amet)?|dolor sit amet',
    message: 'Placeholder text ("{match}") is still in the post. Replace it with the real text.',
  },
  {
    pattern:
      '\\[(?:insert|add|placeholder|fill in|tbd|tbc|todo|to come|xx+|\\?+)(?:[^\\]\\n]{0,60})\\]|<(?:insert|add|placeholder) [^>\\n]{1,60}>',
    message: 'The placeholder {match} has not been filled in. Replace it with the real text.',
  },
];

/** Words that mark material as not for the public. */
export const internalMarkers: LexiconEntry[] = [
  {
    pattern: 'INTERNAL(?:[ -]USE)?[ -]ONLY|FOR INTERNAL USE(?: ONLY)?|STAFF EYES ONLY|FOR STAFF ONLY',
    caseSensitive: true,
    message:
      'This post contains material marked "{match}". Internal material must not be published: remove it, or get it cleared for the public first.',
  },
  {
    // A label ("Internal only:", "[for internal use]", a line of its own) or this material said to
    // be internal; not the idea of internal documents ("code that was for internal use only, or").
    pattern: `(?:^|(?<=[\\n([*_]\\s?))${INTERNAL_LABEL}(?=\\s*(?:[:)\\]*_—–-]|[.!]?\\s*$))|${INTERNAL_LABEL}(?=\\s*(?:[:)\\]]|[—–-]\\s))|(?:this|these|the following|the) (?:\\w+ ){0,2}(?:is|are) (?:strictly )?${INTERNAL_LABEL}`,
    message:
      'This post contains material marked "{match}". Internal material must not be published: remove it, or get it cleared for the public first.',
  },
  {
    pattern: 'CONFIDENTIAL',
    caseSensitive: true,
    message:
      'This post contains material marked "{match}". Remove it: confidential information must not be published.',
  },
  {
    pattern:
      "(?:strictly|highly) confidential|confidential and proprietary|confidential(?=:)|privileged and confidential|(?:is|are|remains?) confidential(?=[:;,.] *(?:do not|don't|please))",
    message:
      'This post contains material marked "{match}". Remove it: confidential information must not be published.',
  },
  {
    pattern:
      "(?:please )?(?:do not|don't|dont) (?:share|distribute|forward|circulate|repost)(?: this| these| it)?(?: (?:post|document|memo|information|info|draft|email|message|list|file))?",
    unlessFollowedBy:
      '\\s+(?:your|you|my|his|her|their|any|personal|passwords?|pins?|account|card|login|private|with strangers)',
    message:
      'This post says "{match}", which marks it as not for the public. Remove that material, or the note if it no longer applies.',
  },
  {
    pattern:
      'not for (?:public )?(?:distribution|release|circulation)|not to be (?:shared|distributed|released)',
    message: 'This post contains material marked "{match}". Remove it before publishing.',
  },
  {
    pattern:
      'embargoed(?:\\s+(?:until|till|through|to))?|embargo(?:es)? (?:date|lifts|ends|expires|is lifted)|under (?:an? )?embargo|(?:hold|held) (?:for|until) release|not for release (?:before|until)',
    message:
      'This post mentions an embargo ("{match}"). Publish embargoed news only after the embargo lifts, and remove the note.',
    source: 'The issue\'s confidential row: "embargoed until"',
  },
  {
    pattern: `(?:${CONFIDENTIAL_MATTERS})\\b[^.!?\\n]{0,80}?\\b(?:${NOT_YET_APPROVED})`,
    message:
      'This post describes a budget or personnel matter that is not approved yet. Such matters are confidential until the decision is made and announced: remove it and publish after approval.',
    source: 'The issue\'s confidential row: budget or personnel matters "not yet approved"',
  },
  {
    pattern: `(?:unapproved|draft) (?:${CONFIDENTIAL_MATTERS})`,
    message:
      'This post describes a "{match}". Budget and personnel matters are confidential until approved: wait for approval before publishing.',
    severity: 'warning',
  },
  {
    pattern: NOT_YET_APPROVED,
    unlessPrecededBy: HELP_TEXT_SUBJECT,
    message:
      'This post describes something "{match}". Budget and personnel matters are confidential until approved: wait for approval before publishing.',
    severity: 'warning',
  },
];
