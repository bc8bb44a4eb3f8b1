import type { Severity } from '../core/types.js';
import type { LexiconEntry } from './types.js';

/**
 * An entry of the harmful-content lexicons: what it finds, how sure a reviewer would be on sight
 * (`severity`), a note for the editor, and where the entry comes from.
 */
export interface HarmEntry extends LexiconEntry {
  category: string;
  note: string;
  source: string;
}

/** A word from a maintained lexicon library, classified for this policy. */
export interface WordClass {
  /** The word as the library names it. */
  word: string;
  /**
   * `profanity` and `sexual` are obscenity; `clinical` words are never flagged on their own
   * (health programming, book talk); `slur` goes to the discrimination rule.
   */
  category: 'profanity' | 'sexual' | 'clinical' | 'slur' | 'ignored';
  severity: Severity;
  /** The whole written word (lower-cased, leetspeak undone) must match this, when given. */
  forms?: string;
  /** Words right after the match that show another word was meant ("asses the risk"). */
  unlessFollowedBy?: string;
  note: string;
  source: string;
}

/**
 * Cues that a passage summarises fiction or describes a book, film or historical event, where
 * violent or accusing words describe a story rather than a person.
 */
export const STORY_CUES =
  '\\b(?:novels?|fiction|stor(?:y|ies)(?! ?times?)|legends?|folk ?tales?|myths?|thrillers?|myster(?:y|ies)|protagonists?|narrators?|characters?|plot|memoirs?|biograph(?:y|ies)|true crime|films?|movies?|(?:in|of|from) the book|this book|the series|episodes?|play(?:wright)?|villains?|heroine|hero|readers follow|chapters?|fairy tales?|fable|saga|graphic novel|audiobook|book club|(?:staff|librarian) picks?)\\b';

/** Words around a post that mark health, medical or sex-education programming. */
export const HEALTH_CUES =
  '\\b(?:health|healthy|medical|medicine|clinic(?:al)?|clinics?|doctors?|nurses?|physicians?|puberty|anatomy|anatomical|reproductive|sexual health|sex education|sex ed|screenings?|cancer|urolog\\w*|gynecolog\\w*|biology|hospital|disease|infections?|std|sti|hiv|contracepti\\w*|pregnan\\w*|menopause|prostate|wellness|consent education)\\b';

/**
 * Titles of real books whose names contain words the lexicons list. A title is a mention, not a
 * use: these are left alone wherever they appear (case-insensitive, obfuscated spellings included).
 */
export const KNOWN_TITLES: HarmEntry[] = [
  {
    pattern: 'go the f(?:u|\\*)(?:c|\\*)(?:k|\\*) to sleep',
    category: 'title',
    message: '',
    note: "Adam Mansbach's 2011 picture book for parents.",
    source: 'Library catalogues',
  },
  {
    pattern: 'the subtle art of not giving a f(?:u|\\*)(?:c|\\*)(?:k|\\*)',
    category: 'title',
    message: '',
    note: "Mark Manson's 2016 self-help book.",
    source: 'Library catalogues',
  },
  {
    pattern: 'sh(?:i|\\*)t my dad says',
    category: 'title',
    message: '',
    note: "Justin Halpern's 2010 memoir.",
    source: 'Library catalogues',
  },
  {
    pattern: 'bitch planet',
    category: 'title',
    message: '',
    note: "Kelly Sue DeConnick and Valentine De Landro's comic series.",
    source: 'Library catalogues',
  },
  {
    pattern: 'dykes to watch out for',
    category: 'title',
    message: '',
    note: "Alison Bechdel's comic strip and collections.",
    source: 'Library catalogues',
  },
  {
    pattern: 'everybody poops|everyone poops',
    category: 'title',
    message: '',
    note: "Taro Gomi's picture book.",
    source: 'Library catalogues',
  },
  {
    pattern: 'the vagina monologues',
    category: 'title',
    message: '',
    note: "Eve Ensler's play.",
    source: 'Library catalogues',
  },
  {
    pattern: 'moby[- ]dick',
    category: 'title',
    message: '',
    note: "Herman Melville's novel.",
    source: 'Library catalogues',
  },
  {
    pattern: 'fifty shades of grey',
    category: 'title',
    message: '',
    note: "E. L. James's novel.",
    source: 'Library catalogues',
  },
  {
    pattern:
      'killers of the flower moon|in cold blood|kill(?:ing)? a mockingbird|and then there were none|murder on the orient express',
    category: 'title',
    message: '',
    note: 'Books whose titles name killing or murder.',
    source: 'Library catalogues',
  },
  {
    pattern: 'sex and the city|the joy of sex|sex at dawn|come as you are',
    category: 'title',
    message: '',
    note: 'Books and series whose titles name sex.',
    source: 'Library catalogues',
  },
];
