import type { Element } from 'hast';
import type { Html, Link } from 'mdast';
import type { Document, ProseBlock } from '../../../core/document.js';

/** Source ranges [start, end) of text that names a work rather than saying something. */
export interface MentionIndex {
  /** True when the character at `index` of the block is part of a mention. */
  covers(block: ProseBlock, index: number): boolean;
}

/** HTML elements whose text is a title or a cited work. */
const TITLE_TAGS = new Set(['i', 'em', 'cite', 'q']);

/** Quotation pairs inside prose: straight double quotes, curly double quotes and guillemets. */
const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|«[^»\n]{1,200}»/g;

/**
 * Mentions are not uses: a title in italics, text in quotation marks (a quoted search term or a
 * title), code (never in the prose view) and link text that names a work.
 */
export function mentionIndex(doc: Document): MentionIndex {
  let ranges: SortedRanges | undefined;
  const quotedByBlock = new Map<ProseBlock, [number, number][]>();
  const quotedIn = (block: ProseBlock) => {
    let found = quotedByBlock.get(block);
    if (!found) {
      found = [...block.text.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length]);
      quotedByBlock.set(block, found);
    }
    return found;
  };
  return {
    covers(block, index) {
      if (quotedIn(block).some(([from, to]) => index >= from && index < to)) return true;
      ranges ??= new SortedRanges(mentionRanges(doc));
      return ranges.covers(block.sourceOffset(index));
    },
  };
}

/** Ranges sorted by start, with the furthest end so far, so a look-up is a binary search. */
class SortedRanges {
  private readonly starts: number[];
  private readonly furthestEnd: number[];

  constructor(ranges: readonly [number, number][]) {
    this.starts = ranges.map((r) => r[0]);
    let furthest = -1;
    this.furthestEnd = ranges.map((r) => {
      furthest = Math.max(furthest, r[1]);
      return furthest;
    });
  }

  /** True when some range holds the offset: among ranges starting at or before it, one ends after it. */
  covers(offset: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last !== -1 && (this.furthestEnd[last] as number) > offset;
  }
}

/** Source ranges of italics, title elements and links that name a work, sorted. */
function mentionRanges(doc: Document): [number, number][] {
  const ranges: [number, number][] = [];
  for (const node of doc.nodes('emphasis')) pushNode(ranges, node.position);
  for (const link of doc.nodes<Link>('link')) {
    if (namesAWork(doc.textOf(link))) pushNode(ranges, link.position);
  }
  for (const { element } of doc.htmlElements) {
    if (TITLE_TAGS.has(element.tagName)) pushNode(ranges, element.position);
    else if (element.tagName === 'a' && namesAWork(textOfElement(element)))
      pushNode(ranges, element.position);
  }
  for (const node of doc.nodes<Html>('html')) pushInlineTitle(doc, ranges, node);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Inline `<cite>…</cite>` is three nodes in Markdown: cover the text between the tags. */
function pushInlineTitle(doc: Document, ranges: [number, number][], open: Html): void {
  const tag = /^<(cite|i|em|q)(?:\s[^>]*)?>$/i.exec(open.value.trim())?.[1]?.toLowerCase();
  if (!tag) return;
  const close = doc
    .following(open)
    .find((n): n is Html => n.type === 'html' && (n as Html).value.trim().toLowerCase() === `</${tag}>`);
  pushNode(ranges, { start: open.position?.start ?? {}, end: close?.position?.end ?? {} });
}

function pushNode(
  ranges: [number, number][],
  position: { start: { offset?: number }; end: { offset?: number } } | undefined,
): void {
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (start !== undefined && end !== undefined) ranges.push([start, end]);
}

function textOfElement(element: Element): string {
  return element.children
    .map((child) =>
      child.type === 'text' ? child.value : child.type === 'element' ? textOfElement(child) : '',
    )
    .join('');
}

/** Words a title leaves in lower case ("The Art *of* War"). */
const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'for',
  'from',
  'in',
  'into',
  'nor',
  'of',
  'on',
  'or',
  'the',
  'to',
  'up',
  'with',
  'vs',
]);

/**
 * Link text reads as the name of a work when it is written in title case: two or more words,
 * every significant word capitalised, and not shouted in capitals.
 */
export function namesAWork(text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  if (text === text.toUpperCase()) return false;
  const significant = words.slice(1).filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  const first = words[0] as string;
  return /^\P{L}*\p{Lu}/u.test(first) && significant.every((w) => /^\P{L}*(\p{Lu}|\p{N})/u.test(w));
}
