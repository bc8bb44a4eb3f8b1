import type { Document, ProseBlock } from '../../../core/document.js';
import type { LexiconEntry } from '../../../lexicons/types.js';
import { type compileLexicon, matchText } from '../../shared/phrases.js';
import type { MentionIndex } from './mentions.js';
import { sentenceAround } from './sentences.js';

/** A lexicon match that is a use, not a mention, with the sentence it sits in. */
export interface Use<E extends LexiconEntry = LexiconEntry> {
  entry: E;
  block: ProseBlock;
  index: number;
  text: string;
  sentence: string;
}

/** Lexicon matches over the post's prose, leaving out those inside titles, quotes and named works. */
export function usesOf<E extends LexiconEntry>(
  doc: Document,
  lexicon: ReturnType<typeof compileLexicon>,
  mentions: MentionIndex,
): Use<E>[] {
  const out: Use<E>[] = [];
  for (const block of doc.prose) {
    for (const m of matchText(block.text, lexicon)) {
      if (mentions.covers(block, m.index)) continue;
      out.push({
        entry: m.entry as E,
        block,
        index: m.index,
        text: m.text,
        sentence: sentenceAround(block.text, m.index, m.text.length),
      });
    }
  }
  return out;
}

/** The source span of a use, for a report. */
export function spanOf(use: { block: ProseBlock; index: number; text: string }): {
  start: number;
  end: number;
} {
  return {
    start: use.block.sourceOffset(use.index),
    end: use.block.sourceOffset(use.index + use.text.length - 1) + 1,
  };
}
