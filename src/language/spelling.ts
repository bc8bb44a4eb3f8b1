/** Finding the words of a prose text that no dictionary knows, and judging whether each is a name. */
import type { Dictionary } from './dictionary.js';
import { editsOf } from './speller.js';
import { asciiQuotes } from './typography.js';
import { twoWordErrors, type Vocabulary } from './vocabulary.js';
import {
  atSentenceStart,
  isCapitalized,
  notAWord,
  stripPossessive,
  templateRanges,
  tokenAround,
} from './words.js';

/** How a capitalized unknown word stands in its sentence. */
export type WordPlace = 'lowercase' | 'sentence-start' | 'name-phrase' | 'mid-sentence';

export interface UnknownWord {
  /** Offsets into the text. */
  start: number;
  end: number;
  /** The word as written, without a possessive 's. */
  word: string;
  place: WordPlace;
}

/** A word: letters with inner apostrophes, and hyphenated compounds of such words (three-decker). */
const WORD =
  /(?<![\p{L}\p{M}\p{N}_'-])\p{L}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)*(?:-\p{L}[\p{L}\p{M}]*(?:'[\p{L}\p{M}]+)*)*/gu;
/** A word part in another script than Latin (Cyrillic, Greek, CJK...) is not an English misspelling. */
const NON_LATIN = /[^\p{Script=Latin}\p{M}'-]/u;
const DIACRITIC = /[^a-zA-Z'-]/;

/** Titles before a name: "Dr. Li Chen", "author Jacqueline Woodson". */
const TITLE_BEFORE =
  /(?:^|[\s(])(?:mr|mrs|ms|mx|dr|prof|professor|rev|reverend|sir|dame|lady|lord|saint|st|fr|father|sister|brother|rabbi|imam|pastor|judge|justice|senator|sen|rep|representative|governor|gov|mayor|president|councillor|councilor|chancellor|dean|director|librarian|author|poet|artist|illustrator|novelist|writer|historian|photographer|designer|developer|coach|captain|capt|officer|chef|host|speaker|curator|archivist|by|with|featuring|feat|from|starring|and)\.?\s+$/i;

/** Whether the token at [start, end) of the text starts with a capital and is a word. */
function capitalizedAt(text: string, start: number, end: number): boolean {
  return end > start && /^\p{Lu}/u.test(text.slice(start, end));
}

/** The word just before `index` (skipping spaces and an apostrophe-s), with its offsets. */
function previousWord(text: string, index: number): [number, number] | undefined {
  const m = /(\p{L}[\p{L}\p{M}'.-]*)[^\S\n]+$/u.exec(text.slice(Math.max(0, index - 60), index));
  if (!m) return undefined;
  const end = index - (m[0].length - (m[1] as string).length);
  return [end - (m[1] as string).length, end];
}

/** The word just after `end`. */
function nextWord(text: string, end: number): [number, number] | undefined {
  const m = /^[^\S\n]+(\p{L}[\p{L}\p{M}'-]*)/u.exec(text.slice(end, end + 60));
  if (!m) return undefined;
  const start = end + (m[0].length - (m[1] as string).length);
  return [start, start + (m[1] as string).length];
}

/**
 * Whether a capitalized word is part of a proper-noun phrase: a title or "by" before it, a
 * capitalized neighbour (the Saxe Room, Li Chen), or a possessive (Worcester's).
 */
export function inNamePhrase(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (/'s$/.test(word)) return true;
  const before = text.slice(Math.max(0, start - 40), start);
  if (TITLE_BEFORE.test(before)) return true;
  const previous = previousWord(text, start);
  if (previous && capitalizedAt(text, ...previous) && !atSentenceStart(text, previous[0])) return true;
  // A capital that only starts the sentence ("The Libary") says nothing about its neighbour.
  const next = nextWord(text, end);
  return next !== undefined && capitalizedAt(text, ...next);
}

/** Prefixes English joins to words freely (redescription, preconference, microservices). */
const PREFIXES =
  /^(?:re|un|pre|non|multi|micro|macro|mini|co|sub|super|inter|intra|over|under|anti|post|semi|meta|cyber|hyper|mis|out|self)(?=\p{Ll}{5})/u;
/** The shortest part of a closed compound: shorter parts (in, as, no) make typos look like compounds. */
const MIN_COMPOUND_PART = 3;

/**
 * A closed compound of two dictionary words (wireframe, lifecycle, stylesheets) or a word with a
 * free prefix, in lowercase; unless the two words are a common error for two (eachother).
 */
export function isCompound(word: string, dictionary: Dictionary, written: ReadonlySet<string>): boolean {
  if (word !== word.toLowerCase() || written.has(word)) return false;
  const prefix = PREFIXES.exec(word)?.[0];
  if (prefix && dictionary.knowsLowercase(word.slice(prefix.length))) return true;
  if (word.length < 2 * MIN_COMPOUND_PART + 1) return false;
  for (let i = MIN_COMPOUND_PART; i <= word.length - MIN_COMPOUND_PART; i++) {
    if (dictionary.knowsLowercase(word.slice(0, i)) && dictionary.knowsLowercase(word.slice(i))) return true;
  }
  return false;
}

/** Affixes written as a part of their own: un-notified, new-ish, Brontë-esque, non-fiction. */
const PREFIX_PARTS = new Set([
  'un',
  'non',
  'pre',
  're',
  'co',
  'anti',
  'semi',
  'multi',
  'post',
  'sub',
  'self',
  'mis',
]);
const SUFFIX_PARTS = new Set(['ish', 'esque', 'like', 'wise', 'style', 'speak', 'speaky']);

/**
 * Word endings English adds to words freely, with how the stem may end before them: narrative +
 * ly, lossy + ness (lossiness), responsive + ity (responsivity), anonymize + ation.
 */
const SUFFIXES: [ending: string, stemEndings: string[]][] = [
  ['ly', ['']],
  ['ness', ['', 'y']],
  ['ity', ['', 'e']],
  ['ization', ['ize']],
  ['isation', ['ise']],
  ['izing', ['ize']],
  ['ized', ['ize']],
  ['ist', ['', 'e', 'ism']],
  ['ists', ['', 'e', 'ism']],
  ['ism', ['', 'e', 'ist']],
  ['ish', ['', 'e']],
  ['esque', ['', 'e']],
];

/** A known word with a productive ending: the stem must be a dictionary word of four letters or more. */
export function isDerived(word: string, dictionary: Dictionary): boolean {
  if (word !== word.toLowerCase()) return false;
  for (const [ending, stemEndings] of SUFFIXES) {
    if (!word.endsWith(ending)) continue;
    let stem = word.slice(0, -ending.length);
    if (ending === 'ness' && stem.endsWith('i')) stem = stem.slice(0, -1);
    if (ending === 'ish' && /(\p{L})\1$/u.test(stem)) stem = stem.slice(0, -1);
    // Adjectives in -ic take -ally (academically): academicly is a misspelling.
    if (ending === 'ly' && stem.endsWith('ic')) continue;
    for (const end of stemEndings) {
      const candidate = stem + end;
      if (candidate.length >= 4 && dictionary.knowsLowercase(candidate)) return true;
    }
  }
  return false;
}

/** three-decker, first-timer: the last part of a compound may be a word with -er. */
function isAgentNoun(word: string, dictionary: Dictionary): boolean {
  const stem = /^(\p{Ll}{3,})ers?$/u.exec(word)?.[1];
  if (stem === undefined) return false;
  const undoubled = /(\p{Ll})\1$/u.test(stem) ? stem.slice(0, -1) : stem;
  return [stem, `${stem}e`, undoubled].some((candidate) => dictionary.knowsLowercase(candidate));
}

/** "photo by jmignault": a lowercase word credited as a creator is a user name. */
function isCreditedHandle(text: string, start: number): boolean {
  return /\b(?:photos?|images?|pictures?|videos?|illustrations?|drawings?|credits?|icons?)\s+by\s+$/i.test(
    text.slice(Math.max(0, start - 30), start),
  );
}

/** "apx. 700", "approx. two": a short lowercase word with a period that does not end the sentence. */
function isAbbreviation(text: string, end: number, word: string): boolean {
  return (
    word.length <= 4 && word === word.toLowerCase() && /^\.\s*[\p{Ll}\p{N}]/u.test(text.slice(end, end + 3))
  );
}

/** Ordinal endings set apart from their number (20<sup>th</sup>, "the 3 rd floor"). */
function isOrdinalEnding(text: string, start: number, word: string): boolean {
  return /^(?:st|nd|rd|th)$/i.test(word) && /\p{N}\s?$/u.test(text.slice(Math.max(0, start - 2), start));
}

function isLowercaseAcronym(word: string): boolean {
  return word.length > 2 && word === word.toLowerCase() && (word.match(/[aeiouy]/g)?.length ?? 0) <= 1;
}

function oneEditFromWord(word: string, dictionary: Dictionary): boolean {
  for (const edit of editsOf(word)) if (dictionary.knowsLowercase(edit)) return true;
  return false;
}

/**
 * wireframes, hotspots: the regular plural of a dictionary word of five letters or more that the
 * list does not spell out. Words ending in y, s, x, z, ch or sh form their plurals otherwise
 * (families, not familys), so those are never taken this way.
 */
function isRegularPlural(word: string, dictionary: Dictionary): boolean {
  if (!word.endsWith('s') || word.length < 6) return false;
  const singular = word.slice(0, -1);
  return !/(?:[sxzy]|ch|sh)$/.test(singular) && dictionary.knowsLowercase(singular);
}

/** Whether a single word (no hyphen) is a word the run accepts. */
function accepted(word: string, dictionary: Dictionary, vocabulary: Vocabulary): boolean {
  if (dictionary.knows(word) || vocabulary.has(word)) return true;
  // pdf, csv, html: an acronym written in lowercase is a style choice, not a misspelling (a word
  // with two vowels or more reads as a word, and may be a typo of one: gide).
  if (isLowercaseAcronym(word) && dictionary.knows(word.toUpperCase())) return true;
  if (isRegularPlural(word, dictionary)) return true;
  // A compound or derived reading is a guess: one edit of a dictionary word explains it better
  // (operatins is operations mistyped, not opera + tins). Measured: without this, 12% of real
  // misspellings passed as compounds; with it, closed compounds next to a word (hotspot, one edit
  // from hotpot) need a place in the vocabulary.
  if (isCompound(word, dictionary, twoWordErrors()) || isDerived(word, dictionary))
    return !oneEditFromWord(word, dictionary);
  // Niño, Meléndez, café: accept the word if it is known without its accents.
  if (DIACRITIC.test(word)) {
    const plain = word.normalize('NFD').replace(/\p{M}/gu, '');
    if (dictionary.knows(plain) || vocabulary.has(plain)) return true;
  }
  return false;
}

/**
 * The unknown words of a prose text: not in the dictionary or the vocabulary, not code, handles,
 * addresses, acronyms or words in another script. A hyphenated compound passes when it is known
 * whole or when each of its parts is; otherwise each unknown part is reported.
 */
export function unknownWords(
  rawText: string,
  dictionary: Dictionary,
  vocabulary: Vocabulary,
  /** Filled, when given, with the capitalized words the dictionary lacks used mid-sentence: name evidence. */
  capitals?: Set<string>,
): UnknownWord[] {
  const text = asciiQuotes(rawText);
  const templates = templateRanges(text);
  let nextTemplate = 0;
  const out: UnknownWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    // Most words are dictionary words: one probe, and nothing else to look at.
    if (dictionary.knows(m[0])) continue;
    const compound = m[0].endsWith("'") ? m[0].replace(/'+$/, '') : m[0];
    const end = start + compound.length;
    if (capitals) collectCapitals(text, start, compound, capitals);
    // Words come in order: move past the template tags that end before this word.
    while (nextTemplate < templates.length && (templates[nextTemplate] as [number, number])[1] <= start)
      nextTemplate++;
    const template = templates[nextTemplate];
    if (template && start >= template[0] && end <= template[1]) continue;
    if (NON_LATIN.test(compound) || isOrdinalEnding(text, start, compound)) continue;
    if (notAWord(compound, tokenAround(text, start, end))) continue;
    if (accepted(compound, dictionary, vocabulary)) continue;
    if (isAbbreviation(text, end, compound) || isCreditedHandle(text, start)) continue;
    let offset = start;
    const parts = compound.split('-');
    for (const [i, part] of parts.entries()) {
      const partStart = offset;
      offset += part.length + 1;
      if (part.length < 2 || notAWord(part, part)) continue;
      const lower = part.toLowerCase();
      if (i < parts.length - 1 && PREFIX_PARTS.has(lower)) continue;
      if (i > 0 && (SUFFIX_PARTS.has(lower) || isAgentNoun(lower, dictionary))) continue;
      // A word of one part was judged whole just above.
      if (parts.length > 1 && accepted(part, dictionary, vocabulary)) continue;
      // An unknown word with accents is almost always a word or name of another language.
      if (DIACRITIC.test(part)) continue;
      // The span leaves a possessive out, so a correction replaces the word and keeps the 's.
      const word = part.replace(/'s$/i, '');
      out.push({
        start: partStart,
        end: partStart + word.length,
        word,
        place: placeOf(text, partStart, part, compound),
      });
    }
  }
  return out;
}

function collectCapitals(text: string, start: number, compound: string, capitals: Set<string>): void {
  let offset = start;
  for (const part of compound.split('-')) {
    const word = stripPossessive(part);
    if (isCapitalized(word) && (offset > start || !atSentenceStart(text, start))) capitals.add(word);
    offset += part.length + 1;
  }
}

function placeOf(text: string, start: number, word: string, compound: string): WordPlace {
  if (!isCapitalized(stripPossessive(word))) return 'lowercase';
  // Lombardo-Pisto, Saint-Exupéry: capitalized parts joined by a hyphen make a name.
  if (compound !== word && compound.split('-').filter((p) => /^\p{Lu}/u.test(p)).length > 1)
    return 'name-phrase';
  if (atSentenceStart(text, start)) return 'sentence-start';
  return inNamePhrase(text, start, start + word.length) ? 'name-phrase' : 'mid-sentence';
}
