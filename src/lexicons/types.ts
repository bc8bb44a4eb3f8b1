import type { Severity } from '../core/types.js';

/** One entry of a word or phrase list: what to find, and what to tell the editor. */
export interface LexiconEntry {
  /** A regular expression source, matched against prose with word boundaries added. */
  pattern: string;
  /** Match case exactly (for all-caps markers such as DRAFT or TODO). */
  caseSensitive?: boolean;
  /** What the editor is told: what is wrong and how to fix it. */
  message: string;
  /** A lower severity than the rule's, where judgment is needed. */
  severity?: Severity;
  /** Words that, right after the match, make it harmless ("do not share *your password*"). */
  unlessFollowedBy?: string;
  /** Words that, right before the match, make it harmless. */
  unlessPrecededBy?: string;
  /** Where the phrase comes from or why it is listed. */
  source?: string;
}
