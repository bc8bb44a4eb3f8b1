import type { Document, ProseBlock } from '../../core/document.js';

export interface Sentence {
  block: ProseBlock;
  /** Start of the sentence in the block's text. */
  start: number;
  text: string;
}

/** Where a sentence ends: ., ! or ? (with closing quotes or brackets), or a line break. */
const SENTENCE_END = /[.!?]+["'”’)]*(?=\s|$)/g;

/** The sentence of a prose block that holds the character at `index`. */
export function sentenceAt(block: ProseBlock, index: number): Sentence {
  const { text } = block;
  let start = 0;
  let end = text.length;
  SENTENCE_END.lastIndex = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const stop = (m.index ?? 0) + m[0].length;
    if (stop <= index) start = stop;
    else {
      end = stop;
      break;
    }
  }
  return { block, start, text: text.slice(start, end) };
}

/** The sentence before one, in the same block, if there is one. */
export function sentenceBefore(sentence: Sentence): Sentence | undefined {
  return sentence.start > 0 ? sentenceAt(sentence.block, sentence.start - 1) : undefined;
}

/** Prose blocks that rules about the author's own words read: quotations are someone else's. */
export function ownProse(doc: Document): ProseBlock[] {
  return doc.prose.filter((block) => !block.inQuote);
}

/**
 * True when a stretch of a sentence is a mention rather than a use: inside quotation marks,
 * italics or a link's text (a title, a quoted search term, a linked work, someone else's words).
 */
export function isMention(doc: Document, sentence: Sentence, index: number, length: number): boolean {
  const before = sentence.text.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  if (straight % 2 === 1 || opened > 0) return true;
  const from = sentence.block.sourceOffset(sentence.start + index);
  const to = sentence.block.sourceOffset(sentence.start + index + length - 1);
  return [...doc.nodes('emphasis'), ...doc.nodes('link')].some((node) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    return from >= start && to < end;
  });
}
