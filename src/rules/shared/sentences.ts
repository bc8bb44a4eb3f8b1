import type { Document, ProseBlock } from '../../core/document.js';

export interface Sentence {
  block: ProseBlock;
  /** Start of the sentence in the block's text. */
  start: number;
  text: string;
}

/** Where a sentence ends: ., ! or ? (with closing quotes or brackets), or a line break. */
const SENTENCE_END = /[.!?]+["'”’)]*(?=\s|$)/g;

/**
 * How far a sentence reaches either side of the word it is asked about. No written sentence runs
 * this long; a block without stops (a pasted list, crafted text) would otherwise make every
 * question about one of its words read the whole block, at the square of its length.
 */
export const MAX_SENTENCE_REACH = 500;

/** The sentence of a prose block that holds the character at `index`. */
export function sentenceAt(block: ProseBlock, index: number): Sentence {
  const { text } = block;
  const from = Math.max(0, index - MAX_SENTENCE_REACH);
  const window = text.slice(from, Math.min(text.length, index + MAX_SENTENCE_REACH));
  let start = from;
  let end = from + window.length;
  for (const m of window.matchAll(SENTENCE_END)) {
    const stop = from + (m.index ?? 0) + m[0].length;
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

/** Source ranges of italics and link texts, sorted and merged: where titles and linked works are. */
export function mentionRanges(doc: Document): [number, number][] {
  const ranges = [...doc.nodes('emphasis'), ...doc.nodes('link')]
    .map((node): [number, number] => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * True when a stretch of a sentence is a mention rather than a use: inside quotation marks,
 * italics or a link's text (a title, a quoted search term, a linked work, someone else's words).
 * `ranges` are the post's `mentionRanges`.
 */
export function isMention(
  ranges: readonly [number, number][],
  sentence: Sentence,
  index: number,
  length: number,
): boolean {
  const before = sentence.text.slice(0, index);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  if (straight % 2 === 1 || opened > 0) return true;
  const from = sentence.block.sourceOffset(sentence.start + index);
  const to = sentence.block.sourceOffset(sentence.start + index + length - 1);
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid] as [number, number];
    if (end <= from) lo = mid + 1;
    else if (start > from) hi = mid - 1;
    else return to < end;
  }
  return false;
}

/** Sentences end at a stop followed by a space: "1.2 million", "6.30 pm" and "U.S." stay whole. */
const SENTENCE = /(?:[^.!?]|[.!?]+(?=[^\s.!?"'”’)]))+(?:[.!?]+["'”’)]*|$)/g;

/** The sentences of a text, trimmed, with their start offsets. */
export function splitSentences(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed) out.push({ start: (m.index ?? 0) + lead, text: trimmed });
  }
  return out;
}
