import type { LexiconEntry } from './types.js';

/** The `grammar/<kind>` ids grammar findings report under (see language/grammar-kinds.ts). */
export type GrammarKind =
  | 'agreement'
  | 'article'
  | 'repetition'
  | 'word-choice'
  | 'verb-form'
  | 'capitalization'
  | 'punctuation';

/**
 * Common errors that harper's rules let through, written as narrow patterns so that correct
 * sentences do not match. The named group `w` is the wrong word or words; `replacement` replaces
 * just that group (`$<name>` refers to other named groups). Matching ignores case; the
 * replacement takes the case of the word it replaces.
 */
export interface GrammarEntry extends LexiconEntry {
  kind: GrammarKind;
  /** The text that replaces group `w`; `$<name>` inserts a named group. */
  replacement?: string;
  /** Or a change of the verb in `w`: to its plain form (likes → like), or to the plural (is → are). */
  transform?: 'base-verb' | 'plural-verb';
}

const PRONOUN_SUBJECT = '(?:he|she|it|they|we|you|i)';
const DETERMINED_NOUN =
  '(?:(?:the|a|an|this|that|your|our|my|his|her|their|its)\\s+(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|many|few|much|more|most|other|way|time)\\b)[a-z]+)';
const ADJECTIVE_AFTER_TOO =
  'expensive|many|much|late|early|busy|small|big|far|hot|cold|long|loud|young|old|difficult|hard|few|soon|tired|full|crowded|heavy';
const STATE_AFTER_THEYRE =
  'ready|going|coming|welcome|able|happy|excited|interested|invited|done|finished|busy|sure|here|there|not';
const PLURAL_PEOPLE =
  'children|people|men|women|kids|students|teens|families|volunteers|members|parents|patrons|librarians|readers|visitors|adults';
const SINGULAR_PERSON =
  'sister|brother|mother|father|son|daughter|friend|teacher|librarian|child|neighbor|neighbour|grandmother|grandfather';
/** Words ending in s that are not third-person verbs. */
const NOT_VERBS =
  '(?:always|sometimes|perhaps|nevertheless|us|this|thus|plus|yes|news|series|unless|across|towards|afterwards|besides|whereas|its|his|hers|ours|yours|theirs|is|was|has|does|bus|gas|lens|campus|bonus|focus|status|chaos|canvas|alias|atlas)';
const NOT_DOUBLED =
  '(?:had|that|is|do|no|bye|ha|la|so|very|really|well|now|yada|blah|tut|chop|knock|never|many|far|go|boo|choo|night|round|again|more|on|out|over|there|tom|din|pom|hush|mama|papa|dum|tick|tock|ding|dong|ho|hee|yeah|oh|hip)';
const NUMBER_WORD =
  'many|several|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|numerous';

export const grammarPatterns: GrammarEntry[] = [
  {
    kind: 'repetition',
    pattern: `(?<w>(?!${NOT_DOUBLED}\\b)(?<first>[a-z]+)\\s+\\k<first>)`,
    replacement: '$<first>',
    message: 'A word is written twice in a row ("{match}"). Delete one.',
    source: 'doubled words harper lets through ("be be", "new new")',
  },
  {
    kind: 'agreement',
    pattern: `(?:^|(?<=[.!?,;]\\s*)|(?<=\\b(?:how|why|where|when|what|who|which|and|or|but|so)\\s+))(?:does|did|doesn't|didn't)\\s+(?:${PRONOUN_SUBJECT}|${DETERMINED_NOUN})\\s+(?!${NOT_VERBS}\\b)(?<w>[a-z]+[^s'’]s)`,
    unlessFollowedBy: '\\s*(?:of|to)\\b',
    transform: 'base-verb',
    message: 'After "does" or "did", use the plain form of the verb: "{replacement}", not "{match}".',
    source: 'question forms: "Does she likes" for "Does she like"',
  },
  {
    kind: 'agreement',
    pattern: '(?<w>do)\\s+(?:he|she)',
    replacement: 'does',
    message: 'With "he" or "she", use "does": "{replacement}", not "{match}".',
  },
  {
    kind: 'agreement',
    pattern: '(?:^|(?<=[.!?]\\s+))(?<w>is)\\s+(?:they|we|you)',
    replacement: 'are',
    message: 'With "they", "we" or "you", use "are": "{replacement}", not "{match}".',
  },
  {
    kind: 'agreement',
    pattern: '(?:^|(?<=[.!?]\\s+))(?<w>was)\\s+(?:they|we|you)',
    replacement: 'were',
    message: 'With "they", "we" or "you", use "were": "{replacement}", not "{match}".',
  },
  {
    kind: 'agreement',
    pattern: `there\\s+(?<w>is|was)\\s+(?:${NUMBER_WORD})`,
    unlessFollowedBy: '\\s+(?:of|times?|hours?|minutes?|days?|weeks?|years?)\\b',
    transform: 'plural-verb',
    message: 'The subject after "there" is plural, so the verb must be too: "{replacement}", not "{match}".',
  },
  {
    kind: 'agreement',
    pattern: `(?:the|our|these|those|my|your|their|many|some|all|both)\\s+(?:${PLURAL_PEOPLE})\\s+(?<w>is|was|has|does)`,
    transform: 'plural-verb',
    message: 'The subject is plural, so the verb must be too: "{replacement}", not "{match}".',
  },
  {
    kind: 'agreement',
    pattern: `(?:my|his|her|our|your|their|the)\\s+(?:${SINGULAR_PERSON})\\s+(?<w>were)`,
    unlessPrecededBy: '\\b(?:if|wish|wished|as though|as if)\\s+$',
    replacement: 'was',
    message: 'The subject is one person, so use "was", not "were".',
  },
  {
    kind: 'word-choice',
    pattern: '(?<w>your)\\s+welcome',
    replacement: "you're",
    message: 'Use "you\'re" (you are) here: "you\'re welcome", not "your welcome".',
  },
  {
    kind: 'word-choice',
    pattern: `(?:if|when|because|since|unless|while|as)\\s+(?<w>your)\\s+(?:${STATE_AFTER_THEYRE}|interested|looking|planning|new|unable)`,
    replacement: "you're",
    message: 'Use "you\'re" (you are) here, not the possessive "your".',
  },
  {
    kind: 'word-choice',
    pattern: `(?:if|when|because|since|unless|while|as|whether)\\s+(?<w>there)\\s+(?:${STATE_AFTER_THEYRE})`,
    unlessFollowedBy: '\\s+(?:is|are|was|were)\\b',
    replacement: "they're",
    message: 'Use "they\'re" (they are) here, not "there".',
  },
  {
    kind: 'word-choice',
    pattern: `(?:is|are|was|were|be|been|have|has|had|it's|way|far|not|much)\\s+(?<w>to)\\s+(?:${ADJECTIVE_AFTER_TOO})`,
    unlessFollowedBy: '\\s+(?:to|of)\\b',
    replacement: 'too',
    message: 'Use "too" (meaning "more than enough") here, not "to".',
  },
  {
    kind: 'word-choice',
    pattern:
      "(?:do not|don't|didn't|won't|will|to|could|can|might|may|never|not|cannot|can't|would|should)\\s+(?<w>loose)",
    replacement: 'lose',
    message: '"Loose" means not tight; the verb meaning to misplace or stop having is "lose".',
  },
  {
    kind: 'word-choice',
    pattern: "(?<w>who['’]s)\\s+[a-z]+\\s+(?:is|was|are|were)\\s+(?:this|that|these|those|it)",
    replacement: 'whose',
    message: 'Use "whose" to ask who something belongs to; "who\'s" means "who is".',
  },
  {
    kind: 'word-choice',
    pattern:
      '(?:for|some|any|good|great|your|my|our|their|his|her|legal|medical|expert|of|helpful|free|practical|best|the)\\s+(?<w>advise)',
    replacement: 'advice',
    message: '"Advise" is the verb; the noun is "advice".',
  },
  {
    kind: 'word-choice',
    pattern: '(?:we|they)\\s+(?<w>where)',
    unlessFollowedBy: '\\s+(?:to|is|are|was|were)\\b',
    replacement: 'were',
    message: '"Where" asks about a place; the verb is "were".',
  },
  {
    kind: 'word-choice',
    pattern:
      "(?:does not|do not|doesn't|don't|will not|won't|cannot|can't|gladly|now|no longer)\\s+(?<w>except)",
    replacement: 'accept',
    message: '"Except" means "other than"; to take or agree to something is "accept".',
  },
  {
    kind: 'word-choice',
    pattern: `,?\\s*and\\s+(?<w>than)\\s+(?:${PRONOUN_SUBJECT}|make|go|come|take|read|use|write|share|join|visit|enjoy)`,
    replacement: 'then',
    message: '"Than" compares; for what comes next, use "then".',
  },
  {
    kind: 'word-choice',
    pattern:
      '(?:more|less|fewer|better|worse|rather|other|larger|smaller|bigger|longer|shorter|higher|lower|faster|slower|greater|cheaper)\\s+(?:[a-z]+\\s+)?(?<w>then)',
    unlessFollowedBy: '\\s*,',
    replacement: 'than',
    message: '"Then" is about time; to compare, use "than".',
  },
  {
    kind: 'word-choice',
    pattern: '(?<w>its)\\s+(?:going|been|not|a|an|so|too|really|just|always|never|still|time to)',
    unlessFollowedBy: '\\s+(?:own|way)\\b',
    replacement: "it's",
    message: 'Use "it\'s" (it is, it has) here; "its" without an apostrophe means "belonging to it".',
  },
  {
    kind: 'word-choice',
    pattern:
      "(?:us|of|on|in|at|to|and|for|with|from|by|celebrating|celebrates|shares|share|lent)\\s+(?<w>it['’]s)\\s+(?:own|best|first|last|new|old|annual|[a-z]+th)",
    replacement: 'its',
    message: 'Use "its" (belonging to it) here; "it\'s" means "it is" or "it has".',
  },
];
