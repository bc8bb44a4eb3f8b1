import type { GrammarKind } from '../lexicons/grammar.js';

/**
 * Which of harper's rules Content Gate runs, and the `grammar/<kind>` id each reports under.
 *
 * Harper ships about 870 rules, many of them style advice (long sentences, title case, Oxford
 * comma, "all of the") that fire on correct posts. Only rules that find real errors and stayed
 * quiet on correctly written library and archive posts are enabled: an allowlist keeps false
 * alarms down and makes linting about ten times faster than harper's default set.
 */

export const GRAMMAR_KINDS: Record<GrammarKind, { title: string; description: string }> = {
  agreement: {
    title: 'subject and verb agreement',
    description:
      'A verb that does not agree with its subject: "she have", "they was", "it don\'t", "the children is", "Does she likes".',
  },
  article: {
    title: 'a or an',
    description: '"a" before a vowel sound or "an" before a consonant sound ("a umbrella", "an book").',
  },
  repetition: {
    title: 'repeated word',
    description: 'The same word written twice in a row ("the the", "to to").',
  },
  'word-choice': {
    title: 'commonly confused words',
    description:
      'Sound-alike words mixed up: their/there/they\'re, its/it\'s, your/you\'re, then/than, lose/loose, affect/effect, "could of" for "could have", and similar.',
  },
  'verb-form': {
    title: 'verb form',
    description: 'The wrong form of a verb after "did", "to" or a modal ("did you returned", "can went").',
  },
  capitalization: {
    title: 'capitalization',
    description: 'A lowercase "i" used as the pronoun.',
  },
  punctuation: {
    title: 'punctuation',
    description: 'A missing apostrophe in a fixed expression ("each others books", "their\'s").',
  },
};

/** Harper rule name to grammar kind. Rules not listed here are switched off. */
export const HARPER_RULES: Record<string, GrammarKind> = {
  AnA: 'article',
  RepeatedWords: 'repetition',
  ToTo: 'repetition',
  PronounVerbAgreement: 'agreement',
  PronounInflectionBe: 'agreement',
  ThereIsAgreement: 'agreement',
  ItsContraction: 'word-choice',
  TheirToTheyre: 'word-choice',
  TheyreToTheir: 'word-choice',
  ThereToTheir: 'word-choice',
  TheirToThere: 'word-choice',
  Theres: 'punctuation',
  EachOthersPossessive: 'punctuation',
  PronounContraction: 'word-choice',
  YourOutClauseAgreement: 'word-choice',
  ModalOf: 'word-choice',
  ThenThan: 'word-choice',
  MoreThatLikely: 'word-choice',
  AsMuchAs: 'word-choice',
  SameAs: 'word-choice',
  NounVerbConfusion: 'word-choice',
  ToLoseTooLoose: 'word-choice',
  ToTooIdioms: 'word-choice',
  WayTooAdjective: 'word-choice',
  OpenCompounds: 'word-choice',
  BetterOffPhrase: 'word-choice',
  FreeRein: 'word-choice',
  BoarderBorder: 'word-choice',
  SneakPeekPreview: 'word-choice',
  PiqueInterest: 'word-choice',
  WhetYourAppetite: 'word-choice',
  TheWhetherWeather: 'word-choice',
  HalfAnHour: 'word-choice',
  OneAndTheSame: 'word-choice',
  NoLonger: 'word-choice',
  RelayOnForRely: 'word-choice',
  Confident: 'word-choice',
  ThingThink: 'word-choice',
  InThe: 'word-choice',
  BeenThere: 'word-choice',
  DidPast: 'verb-form',
  RegularIrregulars: 'verb-form',
  LookingForwardTo: 'verb-form',
  ThreatenVerb: 'verb-form',
  Respond: 'verb-form',
  CapitalizePersonalPronouns: 'capitalization',
  // Measured on learner English with known corrections (scripts/grammar-coverage.ts): each flags
  // real errors with under 1% false alarms on the corrected sentences, none on clean library posts
  // and none on the 292 archive blog posts. (SentenceCapitalization, MassNouns, WrongNegative and
  // MissingPreposition passed the first two tests and failed the third: 4 to 65 per 100 posts.)
  PluralWrongWordOfPhrase: 'agreement',
  TheyToThem: 'word-choice',
  Someone: 'word-choice',
  AdjectiveDoubleDegree: 'word-choice',
  ModalBeAdjective: 'verb-form',
  AllowTo: 'verb-form',
  SingleBe: 'verb-form',
  WillNonLemma: 'verb-form',
  NeedToNoun: 'verb-form',
  SimplePastToPastParticiple: 'verb-form',
  WantBe: 'verb-form',
  NominalWants: 'agreement',
  TheAnother: 'word-choice',
  OfCourse: 'word-choice',
  Nowadays: 'word-choice',
  Therefore: 'word-choice',
};

/** Harper's rule names mapped to `grammar/<kind>`; undefined when the rule is not one Content Gate uses. */
export function grammarIdOf(harperRule: string): string | undefined {
  const kind = HARPER_RULES[harperRule];
  return kind ? `grammar/${kind}` : undefined;
}

/** The harper rules to switch on: the grammar allowlist (spelling has its own dictionary). */
export function enabledHarperRules(): string[] {
  return Object.keys(HARPER_RULES);
}
