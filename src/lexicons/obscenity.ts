import type { WordClass } from './harm.js';

const LIB = 'obscenity 0.4 englishDataset (itself from the cuss word list)';

/**
 * How this policy treats each word of the `obscenity` library's English dataset. The library
 * finds the words (with leetspeak, look-alike letters and repeated letters); this table says
 * which rule they belong to and how sure a reviewer would be.
 */
/**
 * The library matches some words as prefixes ("ass" in "assortment" unless whitelisted): these
 * forms say which whole words count, so new Scunthorpe cases are left alone by default.
 */
const FORMS: Record<string, Pick<WordClass, 'forms' | 'unlessFollowedBy'>> = {
  ass: {
    forms:
      '(?:ass|asses|asshole|assholes|asshat|asshats|asswipe|assclown|asskisser|asskissing|dumbass|dumbasses|fatass|smartass|jackass|jackasses|kissass)',
    // "asses the risk": a misspelt "assess", not the noun.
    unlessFollowedBy: '\\s+(?:the|a|an|how|whether|what|our|their|its|this|these|those|each|every)\\b',
  },
  arse: { forms: '(?:arse|arses|arsehole|arseholes)' },
  tit: { forms: '(?:tit|tits|titty|titties|tities|tiddies)' },
  cum: { forms: '(?:cum|cums|cumming|cummed|cumshots?|cumslut)' },
  cock: { forms: '(?:cock|cocks|cocksucker|cocksuckers|cocksucking)' },
  dick: { forms: '(?:dick|dicks|dickhead|dickheads|dickhole|dickwad|dickface)' },
};

export const OBSCENITY_WORD_CLASSES: WordClass[] = [
  ...(
    [
      'fuck',
      'shit',
      'cunt',
      'twat',
      'wank',
      'bitch',
      'bastard',
      'piss',
      'prick',
      'cock',
      'dick',
      'pussy',
    ] as const
  ).map(
    (word): WordClass => ({
      word,
      category: 'profanity',
      severity: 'error',
      note: 'Profanity or a vulgar insult: obscene on sight.',
      source: LIB,
    }),
  ),
  ...(['ass', 'arse', 'bollocks', 'turd', 'tit', 'boob', 'cuck', 'slut', 'whore', 'hooker'] as const).map(
    (word): WordClass => ({
      word,
      ...FORMS[word],
      category: 'profanity',
      severity: 'error',
      note: 'Vulgar slang for a body part or an insult.',
      source: LIB,
    }),
  ),
  ...(
    [
      'blowjob',
      'handjob',
      'deepthroat',
      'dildo',
      'buttplug',
      'doggystyle',
      'double penetration',
      'felch',
      'fellatio',
      'finger bang',
      'fisting',
      'gangbang',
      'hentai',
      'lubejob',
      'jerk off',
      'jizz',
      'porn',
      'orgy',
    ] as const
  ).map(
    (word): WordClass => ({
      word,
      category: 'sexual',
      severity: 'error',
      note: 'Explicit sexual content or pornography.',
      source: LIB,
    }),
  ),
  {
    word: 'cum',
    ...FORMS.cum,
    category: 'sexual',
    severity: 'error',
    note: 'Explicit sexual slang.',
    source: LIB,
  },
  ...(['orgasm', 'masturbate', 'ejaculate', 'semen'] as const).map(
    (word): WordClass => ({
      word,
      category: 'sexual',
      severity: 'warning',
      note: 'A clinical word for a sexual act: fine in health programming, a judgment call elsewhere.',
      source: LIB,
    }),
  ),
  ...(['penis', 'vagina', 'anus', 'anal', 'sex', 'rape', 'incest', 'bestiality', 'scat'] as const).map(
    (word): WordClass => ({
      word,
      category: 'clinical',
      severity: 'warning',
      note: 'An anatomical, medical or legal word (or scat singing): used in health talks, book discussions and history, so never flagged on its own.',
      source: LIB,
    }),
  ),
  ...(
    [
      'abo',
      'abeed',
      'africoon',
      'arabush',
      'boonga',
      'chingchong',
      'chink',
      'dyke',
      'fag',
      'kike',
      'nigger',
      'retard',
      'spastic',
      'tranny',
    ] as const
  ).map(
    (word): WordClass => ({
      word,
      category: 'slur',
      severity: 'error',
      note: 'A slur: reported by prohibited/discrimination, not as obscenity.',
      source: LIB,
    }),
  ),
  {
    word: 'damn',
    category: 'profanity',
    severity: 'warning',
    note: 'Only "goddamn" and its spellings are listed: blasphemous profanity that some readers find offensive, a judgment call for a community board.',
    source: 'This project',
  },
  {
    word: 'negro',
    category: 'ignored',
    severity: 'warning',
    note: 'Appears in the names of historical institutions and works (the Negro Leagues, The Negro Motorist Green Book) that archives and libraries discuss.',
    source: LIB,
  },
];

/**
 * Extra spellings in the `obscenity` pattern syntax (`|` = word edge, `[x]` = optional x), for
 * common evasions the library's dataset does not list.
 */
export const EXTRA_OBSCENE_PATTERNS: { word: string; patterns: string[]; note: string; source: string }[] = [
  {
    word: 'fuck',
    patterns: [
      '|phuck',
      '|phuk',
      '|fcuk',
      '|fukk',
      '|fuq|',
      '|effing|',
      '|fking|',
      '|stfu|',
      '|wtf|',
      '|fml|',
    ],
    note: 'Phonetic spellings and acronyms of the word.',
    source: 'Common evasions observed in community moderation',
  },
  {
    word: 'bitch',
    patterns: ['|biatch', '|byatch', '|beyotch', '|biotch'],
    note: 'Phonetic spellings of the insult.',
    source: 'Common evasions observed in community moderation',
  },
  {
    word: 'shit',
    patterns: ['|sh[i]te|', '|shyt'],
    note: 'Variant spellings of the word.',
    source: 'Common evasions observed in community moderation',
  },
  {
    word: 'ass',
    patterns: [
      '|azz|',
      '|azzhole',
      '|arsehole',
      '|asshat',
      '|jackass',
      '|dumbass',
      '|fatass',
      '|smartass',
      '|kissass',
    ],
    note: 'Insults built on the word.',
    source: 'Common evasions observed in community moderation',
  },
  {
    word: 'damn',
    patterns: ['|goddamn', '|god damn', '|goddam|'],
    note: 'Blasphemous profanity; plain "damn" is left to editors.',
    source: 'Common evasions observed in community moderation',
  },
];

/**
 * Words and phrases that contain a listed word but are not obscene (Scunthorpe-style
 * substrings, idioms, food, animals, tools). Whole phrases, matched after lower-casing.
 */
export const OBSCENITY_WHITELIST: { term: string; note: string }[] = [
  { term: 'rapeseed', note: 'A crop (canola).' },
  { term: 'pussycat', note: 'A cat.' },
  { term: 'pussy willow', note: 'A shrub.' },
  { term: 'cocksure', note: 'Overconfident.' },
  { term: 'cockatoo', note: 'A bird.' },
  { term: 'cockatiel', note: 'A bird.' },
  { term: 'cockerel', note: 'A young rooster.' },
  { term: 'cocker spaniel', note: 'A dog breed.' },
  { term: 'cockle', note: 'A shellfish.' },
  { term: 'shuttlecock', note: 'Badminton.' },
  { term: 'peacock', note: 'A bird.' },
  { term: 'woodcock', note: 'A bird.' },
  { term: 'weathercock', note: 'A weather vane.' },
  { term: 'prick your finger', note: 'Sewing and first aid.' },
  { term: 'prick of', note: 'A sensation ("the prick of a needle").' },
  { term: 'pricked', note: 'Pierced.' },
  { term: 'titmouse', note: 'A bird.' },
  { term: 'tit for tat', note: 'An idiom.' },
  { term: 'blue tit', note: 'A bird.' },
  { term: 'great tit', note: 'A bird.' },
  { term: 'bluetit', note: 'A bird.' },
  { term: 'dickens', note: 'The author.' },
  { term: 'dickinson', note: 'The poet Emily Dickinson.' },
  { term: 'dickey', note: 'A surname and a shirt front.' },
  { term: 'cummerbund', note: 'Formal wear.' },
  { term: 'cumin', note: 'A spice.' },
  { term: 'shiitake', note: 'A mushroom.' },
  { term: 'trafficking', note: 'Not "fick".' },
  { term: 'cockpit', note: 'Aircraft.' },
  { term: 'cock-a-leekie', note: 'A Scottish soup.' },
  { term: 'cock-a-doodle', note: "A rooster's crow." },
  { term: 'cockscomb', note: 'A plant.' },
  { term: 'cum laude', note: 'Academic honours.' },
  { term: 'summa cum', note: 'Academic honours.' },
  { term: 'magna cum', note: 'Academic honours.' },
  { term: 'hooked', note: 'Not "hooker".' },
  { term: 'pornography', note: 'The topic word, as in the policy itself; the slang "porn" is still found.' },
  { term: 'pornographic', note: 'The topic word, used in policy and law discussions.' },
  { term: 'kung fu', note: 'A martial art.' },
  { term: 'tofu', note: 'Food.' },
  { term: 'fu manchu', note: 'A fictional character.' },
  { term: 'scuttle', note: 'Not "scat".' },
  { term: 'bass', note: 'A fish and an instrument.' },
  { term: 'jackass penguin', note: 'An animal.' },
  { term: 'wild ass', note: 'An animal.' },
  { term: 'pissarro', note: 'The painter Camille Pissarro.' },
];

/** Common words that self-censored spellings stand for ("f**k", "sh*t"): matched letter for letter. */
export const MASKED_VOCABULARY: string[] = [
  'fuck',
  'fucking',
  'fucked',
  'fucker',
  'motherfucker',
  'shit',
  'shitty',
  'bullshit',
  'bitch',
  'bitches',
  'cunt',
  'asshole',
  'bastard',
  'dick',
  'dickhead',
  'cock',
  'pussy',
  'whore',
  'slut',
  'twat',
  'wanker',
  'goddamn',
];
