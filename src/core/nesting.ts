/**
 * How deep quotes and lists may nest on one line before their further markers are read as text.
 * No post nests this deep; the Markdown parser and its tree walkers recurse once per level and
 * overflow their stack near 5,000 levels, so a crafted line could otherwise stop the run.
 */
export const MAX_NESTING = 32;

/** A line's leading quote and list markers: `>`, `-`, `*`, `+`, `1.`, `1)`, with their spacing. */
const CONTAINER_PREFIX = /^(?:[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/gm;
const MARKER = /[>*+-]|\d{1,9}[.)]/g;
const NO_BREAK_SPACE = '\u00a0';

/**
 * The text the parser reads: the source with quote and list markers past MAX_NESTING on a line
 * turned into no-break spaces. Every character keeps its offset, so positions stay exact.
 */
export function withinNesting(source: string): string {
  let out: string[] | undefined;
  let copied = 0;
  for (const prefix of source.matchAll(CONTAINER_PREFIX)) {
    if (prefix[0].length <= MAX_NESTING) continue;
    const markers = [...prefix[0].matchAll(MARKER)];
    if (markers.length <= MAX_NESTING) continue;
    out ??= [];
    const start = prefix.index ?? 0;
    for (const marker of markers.slice(MAX_NESTING)) {
      const at = start + (marker.index ?? 0);
      out.push(source.slice(copied, at), NO_BREAK_SPACE.repeat(marker[0].length));
      copied = at + marker[0].length;
    }
  }
  return out ? out.join('') + source.slice(copied) : source;
}
