/** Maps an index into a parsed value to an offset in the source it was parsed from. */
export type OffsetMap = (index: number) => number;

/** How far ahead to look for a character the parser kept (past stripped `> ` prefixes, escapes, indents). */
const WINDOW = 64;

/**
 * Aligns a parsed value (entities decoded, escapes and quote prefixes removed) with its source
 * text, so a position inside the value can be reported at its exact place in the file.
 */
export function alignOffsets(value: string, source: string, base: number): OffsetMap {
  if (value === source) return (i) => base + Math.min(Math.max(i, 0), value.length);
  const offsets = new Int32Array(value.length + 1);
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const limit = Math.min(source.length, j + WINDOW);
    let k = j;
    while (k < limit && source[k] !== ch) k++;
    if (k < limit) {
      offsets[i] = k;
      j = k + 1;
    } else {
      // A decoded character (an entity such as &amp;): it stands where the source is now.
      offsets[i] = Math.min(j, Math.max(source.length - 1, 0));
    }
  }
  offsets[value.length] = value.length === 0 ? 0 : Math.max(j, (offsets[value.length - 1] ?? 0) + 1);
  return (i) => base + (offsets[Math.min(Math.max(i, 0), value.length)] ?? 0);
}
