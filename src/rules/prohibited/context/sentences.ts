import { MAX_SENTENCE_REACH } from '../../shared/sentences.js';

/** The sentence of `text` around `index`: from the previous sentence end to the next one. */
export function sentenceAround(text: string, index: number, length = 0): string {
  const from = Math.max(0, index - MAX_SENTENCE_REACH);
  const before = text.slice(from, index);
  let start = from;
  for (const m of before.matchAll(/[.!?]+["”’)]*\s+|\n/g)) start = from + m.index + m[0].length;
  const rest = text.slice(index + length, index + length + MAX_SENTENCE_REACH);
  const after = /[.!?]+(?=["”’)]*(?:\s|$))|\n/.exec(rest);
  const end = after ? index + length + after.index + after[0].length : index + length + rest.length;
  return text.slice(start, end);
}
