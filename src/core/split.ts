/** Posts larger than this are parsed in parts, so memory stays bounded on a runaway file. */
export const PART_SIZE = 1024 * 1024;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits a large text at blank lines outside fenced code into parts of about `size` characters.
 * Returns the start offset of each part; a text that needs no split gives [0].
 */
export function partStarts(text: string, size = PART_SIZE): number[] {
  if (text.length <= size) return [0];
  const starts = [0];
  let fence: string | undefined;
  let lineStart = 0;
  let previousBlank = false;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const blank = line.trim() === '';
    const last = starts[starts.length - 1] as number;
    if (!fence && previousBlank && !blank && lineStart - last >= size) starts.push(lineStart);
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
    }
    previousBlank = blank && !fence;
    lineStart = lineEnd + 1;
  }
  return starts;
}
