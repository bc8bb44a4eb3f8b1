/** The sentence of `text` around `index`: from the previous sentence end to the next one. */
export function sentenceAround(text: string, index: number, length = 0): string {
  const before = text.slice(0, index);
  let start = 0;
  for (const m of before.matchAll(/[.!?]+["”’)]*\s+|\n/g)) start = m.index + m[0].length;
  const after = /[.!?]+(?=["”’)]*(?:\s|$))|\n/.exec(text.slice(index + length));
  const end = after ? index + length + after.index + after[0].length : text.length;
  return text.slice(start, end);
}
