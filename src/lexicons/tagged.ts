import type { LexiconEntry } from './types.js';

/** A lexicon entry of the prohibited-content lists: what it finds, why it is listed, and where from. */
export interface TaggedEntry extends LexiconEntry {
  /** The kind of problem, used in messages and documentation ("URL shortener", "discount code"). */
  category: string;
  /** For maintainers: why the phrase is listed and what it must leave alone. */
  note: string;
  source: string;
}
