import type { LexiconEntry } from './types.js';

/**
 * Words that point at patrons, their questions or their behaviour. A remark in
 * `patronRemarks` counts only near one of these, unless the entry stands alone.
 */
export const patronReferents: readonly string[] = [
  "patrons?(?:'s|’s|s'|s’)?",
  "customers?(?:'s|’s)?",
  'visitors?',
  'borrowers?',
  '(?:library|computer|lab) users?',
  'regulars',
  '(?:this|that|a|one|some|the|another|these|those) (?:[a-z]+ ){0,2}(?:guy|man|woman|lady|gentleman|dude|kid|teen(?:ager)?|boy|girl|person|mom|dad|mother|father|parent|senior|regular|patron|customer|fellow|folks|people|crowd)s?',
  '(?:some|these|those|certain) (?:people|folks|individuals)',
  'people (?:who|that) (?:come|came|use|ask|asked|call|called|walk|walked|visit|borrow)',
  '(?:who|that) (?:returned|returns|came|comes|walked|walks|asked|asks|called|calls|left|leaves|borrowed|checked out|wanted|wants|tried|keeps|kept|insisted|insists|demanded|demands|argued|argues|yelled|shouted)',
  '(?:came|come|comes|walked|walks|wandered|stormed|strolled) (?:in|up to|into)',
  '(?:asked|asks|asking) (?:me|us|for|if|whether|where|why|how|what|the desk)',
  '(?:called|calls|phoned) (?:in|the library|the desk|to ask)',
  'at the (?:reference |circulation |circ |front |info(?:rmation)? |help )?(?:desk|counter)',
  '(?:their|his|her|the|these|those) (?:questions?|requests?|complaints?|kids|children)',
  'questions? (?:from|we get|we got|i get|i got|people ask|patrons ask)',
];

/** Mocking, insulting or condescending words about patrons (need a patron referent nearby). */
export const patronRemarks: LexiconEntry[] = [
  {
    pattern:
      'stupid(?:est|ity)?|dumb(?:est|er)?|idiot(?:s|ic)?|moron(?:s|ic)?|imbeciles?|brainless|brain-?dead|dimwit(?:s|ted)?|clueless|illiterate|(?:tech|computer)[- ]illiterate|ignorant|lazy|entitled|smelly|stinky|gross|disgusting|filthy|creep(?:s|y)|crazy|crazies|nut ?jobs?|nut ?cases?|lunatics?|psychos?|weirdos?|freaks?|losers?|pathetic|hopeless|feral|savages|useless|obnoxious|insufferable|whin(?:y|ers?)|freeloaders?|leeches|pests|cheapskates?|clowns?|karens?',
    message:
      'Calling patrons or their questions "{match}" mocks them. Rewrite the passage respectfully, or leave the story out.',
    source:
      'Policy items 4 and 3: "negative, mocking, condescending, or inappropriate comments about patrons"',
  },
  {
    pattern:
      "rude|difficult|demanding|needy|annoying|irritating|weird|strange|ridiculous|absurd|helpless|tantrums?|meltdowns?|whin(?:e|ed|es|ing)|(?:can't|cannot|couldn't|could not|can not) (?:even )?(?:read|figure (?:it |this |that )?out|follow|spell|understand|work|use)|how hard is it|for the (?:hundredth|millionth|thousandth|umpteenth|fifth|tenth) time|yet again|face ?palm|eye ?rolls?|rolled (?:my|our) eyes|bless (?:their|his|her) (?:little )?hearts?|smh|ugh+|lol+|seriously\\?|you won't believe|can you believe|apparently (?:some|people|they)|never (?:bother|bothered) to|(?:don't|doesn't|didn't) (?:even )?bother to|complain(?:ed|s|ing)? (?:endlessly|constantly|nonstop|about everything)",
    message:
      'The words "{match}" read as a negative or condescending remark about patrons. Tell the story without judging the patron, or leave it out.',
    severity: 'warning',
    source:
      'Policy items 4 and 3: "negative, mocking, condescending, or inappropriate comments about patrons"',
  },
];

/** Remarks that mock patrons or their questions on their own, with no referent needed. */
export const standalonePatronRemarks: LexiconEntry[] = [
  {
    pattern:
      '(?:dumbest|stupidest|silliest|most ridiculous|weirdest|craziest|worst|most annoying|most absurd) (?:questions?|requests?|things? (?:a |one )?(?:patron|customer|someone|somebody|people))|problem patrons?|(?:patrons?|customers?) from hell|nightmare (?:patrons?|customers?)|(?:library|desk) (?:weirdos|crazies|freaks)',
    message: '"{match}" mocks patrons or their questions. Rewrite the passage respectfully, or leave it out.',
    source: 'Policy items 4 and 3: "specific questions from patrons, or about patron behavior"',
  },
  {
    pattern:
      '(?:stupid|dumb|idiotic|moronic|ridiculous|silly) (?:questions?|requests?)(?: (?:of the (?:day|week)|we get|i get|from))?',
    // "we were afraid we would ask dumb questions" is about the writer, not patrons.
    unlessPrecededBy: '\\b(?:i|we)\\b[^.!?]{0,25}\\bask(?:ed|ing)?\\s*$',
    message: '"{match}" mocks patrons or their questions. Rewrite the passage respectfully, or leave it out.',
    source: 'Policy items 4 and 3: "specific questions from patrons, or about patron behavior"',
  },
];

/**
 * Claims to speak for the library. `{org}` stands for "the library", its board, and the
 * configured organisation name.
 */
export const spokespersonClaims: LexiconEntry[] = [
  {
    pattern:
      "(?:(?:i|we)(?: am| are|'m|’m|'re|’re)? )?(?:speak|speaking|write|writing|post|posting|talk|talking|respond|responding|comment|commenting)(?: officially)? (?:for|on behalf of|in the name of) {org}",
    message:
      'This says the post speaks for the library ("{match}"), but {author} is not a designated spokesperson.',
  },
  {
    pattern:
      "(?:as|i am|i'm|i’m) (?:the |an? )?(?:official )?(?:spokes(?:person|woman|man)|voice|representative) (?:for|of) {org}",
    message: 'This presents the author as the library\'s spokesperson ("{match}"), but {author} is not one.',
  },
  {
    pattern:
      "{org}(?:'s|’s) official (?:position|stance|view|views|statement|response|opinion|answer)|(?:the |an? )?official (?:position|stance|view|statement|response|opinion) (?:of|from) {org}",
    message:
      'This states the library\'s official position ("{match}"), but {author} is not a designated spokesperson.',
  },
  {
    pattern: '(?:our|my) official (?:position|stance|view|statement|response|opinion)',
    message:
      'This states the library\'s official position ("{match}"), but {author} is not a designated spokesperson.',
  },
  {
    pattern: "{org}(?:'s|’s) (?:position|stance|view) (?:is|on)",
    message:
      'This states a position for the library ("{match}"), but {author} is not a designated spokesperson.',
    severity: 'warning',
  },
  {
    pattern:
      '{org} (?:officially|formally) (?:endorses|supports|opposes|condemns|rejects|denounces|denies|disputes|apologi[sz]es|stands with|stands against|takes the position)',
    message:
      'This states the library\'s official position ("{match}"), but {author} is not a designated spokesperson.',
  },
  {
    pattern: 'on behalf of {org}',
    message:
      'This speaks on behalf of the library ("{match}"), but {author} is not a designated spokesperson.',
    severity: 'warning',
  },
  {
    pattern:
      '{org} (?:endorses|condemns|opposes|denounces|rejects|disputes|stands with|stands against|takes the position|has taken the position|firmly believes|believes that)',
    message:
      'This states a position for the library ("{match}"), but {author} is not a designated spokesperson.',
    severity: 'warning',
  },
  {
    pattern: '(?:speaking|writing) (?:officially|in (?:my|an) official capacity)|in my official capacity',
    message: 'This claims to speak officially ("{match}"), but {author} is not a designated spokesperson.',
    severity: 'warning',
  },
];

/** Names for the library in `spokespersonClaims`, besides the configured organisation name. */
export const libraryNames: readonly string[] = [
  '(?:the|our|this) (?:public )?library',
  "(?:the|our) library(?:'s|’s)? (?:board(?: of (?:trustees|directors))?|trustees|administration|management|staff)",
  '(?:the|our) (?:board of (?:trustees|directors)|trustees)',
  'WPL',
];

/** Words just before a phrase that deny it ("I am not speaking on behalf of the library"). */
export const denials =
  "(?:\\b(?:not|never|no longer|nor|cannot|without)\\b|n['’]t\\b)(?:\\s+[\\w'’]+){0,3}\\s*$";

/**
 * Words just before a remark that negate it ("there are no stupid questions", "so they didn't
 * ask dumb questions"): a negation, then at most two words or a few fillers.
 */
export const negations =
  "(?:\\b(?:no|not|never|nothing|nobody|none|without|nor|neither|hardly)\\b|n['’]t\\b)(?:(?:\\s+[\\w'’]+){0,2}|(?:\\s+(?:so|too|very|really|at all|a|an|the|such|ever|being|be|been|feel|seem|look|sound|such thing as|such things as|question is too|questions are too))*)\\s*$";
