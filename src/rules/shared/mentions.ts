import type { Link, Nodes } from 'mdast';
import type { Node, Parent } from 'unist';
import type { Document, ProseBlock } from '../../core/document.js';
import { KNOWN_TITLES } from '../../lexicons/harm.js';
import { MAX_SENTENCE_REACH } from './sentences.js';

/**
 * "Mentions are not uses": a word inside a title in italics or quotes, a quoted search term,
 * a known book title, a run of Title Case words, or a link whose text names a work is talked
 * about, not said. Code is already outside the prose view.
 */

const KNOWN_TITLE_REGEX = new RegExp(KNOWN_TITLES.map((t) => `(?:${t.pattern})`).join('|'), 'giu');

/** Small words that may sit lower-case inside a title ("Killers of the Flower Moon"). */
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'and',
  'or',
  'for',
  'at',
  'by',
  'with',
  'not',
  'from',
  'as',
  'but',
  'nor',
  'into',
  'vs',
]);

/** The longest quoted passage still read as a name or search term rather than reported speech. */
const MAX_QUOTED_MENTION_WORDS = 8;

const QUOTED = /“([^”\n]{1,300})”|"([^"\n]{1,300})"|‘([^’\n]{1,300})’/gu;

/** Links whose target is a catalogue or book page name a work. */
const WORK_LINK =
  /catalog|catalogue|worldcat|openlibrary|goodreads|bookshop|librarything|overdrive|libbyapp|hoopla|isbn|gutenberg|\/books?\//i;

const WORD = /[\p{L}\p{N}'’*-]+/gu;

export function isTitleCaseWord(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’*-]/u.test(word) || /^\p{Lu}$/u.test(word);
}

/** Text reads as a title: several words, most of the significant ones capitalised. */
export function isTitleLike(text: string): boolean {
  const words = text.match(WORD) ?? [];
  const significant = words.filter((w) => !TITLE_SMALL_WORDS.has(w.toLowerCase()));
  if (words.length < 2 || significant.length === 0) return false;
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / significant.length >= 0.75;
}

/** Is [start, end) of the block's text a mention rather than a use? */
export function isMention(doc: Document, block: ProseBlock, start: number, end: number): boolean {
  return (
    insideKnownTitle(block.text, start, end) ||
    insideShortQuote(block.text, start, end) ||
    insideTitleCaseRun(block.text, start, end) ||
    insideMentionMarkup(doc, block, start)
  );
}

function insideKnownTitle(text: string, start: number, end: number): boolean {
  for (const m of text.matchAll(KNOWN_TITLE_REGEX)) {
    const at = m.index ?? 0;
    if (at <= start && at + m[0].length >= end) return true;
  }
  return false;
}

function insideShortQuote(text: string, start: number, end: number): boolean {
  for (const m of text.matchAll(QUOTED)) {
    const at = (m.index ?? 0) + 1;
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    if (at <= start && at + inner.length >= end) {
      const words = inner.match(WORD)?.length ?? 0;
      return words <= MAX_QUOTED_MENTION_WORDS || isTitleLike(inner);
    }
  }
  return false;
}

/** The match sits in a run of at least three capitalised words, as in a title. */
function insideTitleCaseRun(text: string, start: number, end: number): boolean {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ word: m[0], at: m.index ?? 0 }));
  const hit = tokens.findIndex((t) => t.at <= start && t.at + t.word.length >= start);
  if (hit === -1 || !isTitleCaseWord(tokens[hit]?.word ?? '')) return false;
  const inRun = (i: number): boolean => {
    const t = tokens[i];
    if (!t) return false;
    return isTitleCaseWord(t.word) || TITLE_SMALL_WORDS.has(t.word.toLowerCase());
  };
  // A sentence break or a line break ends the run.
  const joined = (a: number, b: number): boolean => {
    const left = tokens[a];
    const right = tokens[b];
    if (!left || !right) return false;
    return /^[ \t,:]*$/u.test(text.slice(left.at + left.word.length, right.at));
  };
  let first = hit;
  while (first > 0 && inRun(first - 1) && joined(first - 1, first)) first--;
  let last = hit;
  while (last < tokens.length - 1 && inRun(last + 1) && joined(last, last + 1)) last++;
  let capitalised = 0;
  for (let i = first; i <= last; i++) if (isTitleCaseWord(tokens[i]?.word ?? '')) capitalised++;
  const runEnd = (tokens[last]?.at ?? 0) + (tokens[last]?.word.length ?? 0);
  return capitalised >= 3 && runEnd >= end;
}

/** Italics, `<cite>`/`<i>`/`<em>`, or a link whose text names a work. */
function insideMentionMarkup(doc: Document, block: ProseBlock, start: number): boolean {
  if (block.kind === 'html') {
    const tag = (block.node as { tagName?: string }).tagName ?? '';
    return tag === 'cite' || tag === 'i' || tag === 'em';
  }
  const offset = block.sourceOffset(start);
  for (const node of inlineAncestorsAt(block.node, offset)) {
    if (node.type === 'emphasis') return true;
    if (node.type === 'link') {
      const link = node as Link;
      if (WORK_LINK.test(link.url) || isTitleLike(doc.textOf(link))) return true;
    }
  }
  return false;
}

/** Inline nodes of a container that contain a source offset, outermost first. */
function inlineAncestorsAt(container: Node, offset: number): Nodes[] {
  const out: Nodes[] = [];
  let current: Node | undefined = container;
  while (current && (current as Parent).children) {
    const next: Node | undefined = (current as Parent).children.find((child) => {
      const s = child.position?.start.offset ?? -1;
      const e = child.position?.end.offset ?? -1;
      return s <= offset && offset < e;
    });
    if (!next) break;
    out.push(next as Nodes);
    current = next;
  }
  return out;
}

/** Start and end of the sentence around an index of a text. */
export function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  const first = Math.max(0, index - MAX_SENTENCE_REACH);
  while (start > first && !/[.!?]/u.test(text[start - 1] ?? '')) start--;
  let end = index;
  const last = Math.min(text.length, index + MAX_SENTENCE_REACH);
  while (end < last && !/[.!?]/u.test(text[end] ?? '')) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

/** Is the index at the start of a sentence (only spaces, quotes or brackets before it)? */
export function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 200), index);
  if (!/(?:^|[.!?:;\n])[\s"“‘'([*_-]*$/u.test(before)) return false;
  // An initial or an abbreviation ("E. E. Cummings", "Dr. Dick") does not end a sentence.
  return !/(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Mt|Rev|Prof|Sr|Jr|vs)\.\s+$/u.test(before);
}

/** The text of a word made of letters, digits and obfuscation characters around [start, end). */
export function wordAround(text: string, start: number, end: number): { start: number; end: number } {
  const part = /[\p{L}\p{N}*@$#!'’-]/u;
  let s = start;
  while (s > 0 && part.test(text[s - 1] ?? '')) s--;
  let e = end;
  while (e < text.length && part.test(text[e] ?? '')) e++;
  // Trailing punctuation is not part of the word.
  while (e > end && /[!'’-]/u.test(text[e - 1] ?? '')) e--;
  while (s < start && /['’-]/u.test(text[s] ?? '')) s++;
  return { start: s, end: e };
}

/** A word masked for messages: first letter kept, the rest starred ("f***"). */
export function maskWord(word: string): string {
  const letters = [...word];
  if (letters.length <= 1) return '*';
  return `${letters[0]}${'*'.repeat(Math.min(letters.length - 1, 6))}`;
}

/**
 * A capitalised word inside a sentence, or one followed by another capitalised word, is a name
 * ("Dick Francis", "Penistone", "Offa's Dyke"), not a use of the word.
 */
export function looksLikeName(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!isTitleCaseWord(word) || word === word.toUpperCase()) return false;
  if (!isSentenceStart(text, start)) return true;
  const next = /^[ \t]+([\p{L}'’-]+)/u.exec(text.slice(end));
  return Boolean(next?.[1] && isTitleCaseWord(next[1]));
}
