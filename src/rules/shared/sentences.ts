import type { Document, ProseBlock } from '../../core/document.js';

export interface Sentence {
  block: ProseBlock;
  /** Start of the sentence in the block's text. */
  start: number;
  text: string;
}

const SENTENCE = /[^.!?\n]+(?:[.!?]+["'”’)]*|$|\n)/g;

/** The sentences of the post's prose, each with its block for source offsets. */
export function sentencesOf(doc: Document, options: { skipQuotes?: boolean } = {}): Sentence[] {
  const out: Sentence[] = [];
  for (const block of doc.prose) {
    if (options.skipQuotes && block.inQuote) continue;
    for (const m of block.text.matchAll(SENTENCE)) {
      if (m[0].trim()) out.push({ block, start: m.index ?? 0, text: m[0] });
    }
  }
  return out;
}

/**
 * True when a stretch of a sentence is a mention rather than a use: inside quotation marks or
 * italics (a title, a quoted search term, someone else's words).
 */
export function isMention(doc: Document, sentence: Sentence, index: number, length: number): boolean {
  const before = sentence.text.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  if (straight % 2 === 1 || opened > 0) return true;
  const from = sentence.block.sourceOffset(sentence.start + index);
  const to = sentence.block.sourceOffset(sentence.start + index + length - 1);
  return doc.nodes('emphasis').some((node) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    return from >= start && to < end;
  });
}
