import type { Definition, Image, Link } from 'mdast';
import { type Document, frontMatterValueSpan } from '../core/document.js';

export type LinkKind = 'link' | 'image' | 'definition' | 'autolink' | 'literal' | 'html' | 'frontMatter';

/** A link target written in a post, with the exact source span of the target text. */
export interface ExtractedLink {
  url: string;
  kind: LinkKind;
  start: number;
  end: number;
  /** True when [start, end) is exactly the written target, so a suggestion may replace it. */
  exact: boolean;
}

/** HTML attributes that hold a URL, by attribute name. */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'] as const;

/** Front-matter keys whose relative values are site paths (absolute URLs count under any key). */
const URL_KEYS =
  /^(image|images|cover|cover_image|thumbnail|featured_image|banner|header_image|og_image|url|link|canonical|canonical_url|redirect_to|audio|video)$/i;

/**
 * Every link target of a post, in source order: inline links and images, reference definitions,
 * autolinks and GFM literal URLs, HTML `href`/`src`/`cite`/`srcset`/`poster`, and URL-valued
 * front-matter fields. Code is never parsed into links, so code spans and blocks give none.
 */
export function extractLinks(doc: Document): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const node of doc.nodes<Link>('link')) {
    const link = markdownLink(doc, node);
    if (link) out.push(link);
  }
  for (const node of doc.nodes<Image>('image')) {
    const link = bracketed(doc, node, 'image', /\]\(\s*<?$/);
    if (link) out.push(link);
  }
  for (const node of doc.nodes<Definition>('definition')) {
    const link = bracketed(doc, node, 'definition', /\]:\s*<?$/);
    if (link) out.push(link);
  }
  for (const link of [htmlLinks(doc), frontMatterLinks(doc)].flat()) out.push(link);
  return out.sort((a, b) => a.start - b.start);
}

function markdownLink(doc: Document, node: Link): ExtractedLink | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = doc.source.slice(start, end);
  if (raw.startsWith('<')) {
    // An email autolink's URL gains "mailto:", which is not in the source.
    if (node.url.startsWith('mailto:') && !raw.startsWith('<mailto:')) return undefined;
    return { url: node.url, kind: 'autolink', start: start + 1, end: end - 1, exact: true };
  }
  if (!raw.startsWith('[')) {
    // GFM literal: a bare email is no link anyone wrote as one.
    if (node.url.startsWith('mailto:')) return undefined;
    return { url: node.url, kind: 'literal', start, end, exact: true };
  }
  return bracketed(doc, node, 'link', /\]\(\s*<?$/);
}

/**
 * The span of the destination of `[text](url)`, `![alt](url)` or `[id]: url`: the last place the
 * URL appears right after `](` or `]:` (the last, so an image inside a link's text is passed over).
 */
function bracketed(
  doc: Document,
  node: Link | Image | Definition,
  kind: LinkKind,
  opener: RegExp,
): ExtractedLink | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const raw = doc.source.slice(start, end);
  const url = node.url;
  if (url === '') return { url, kind, start, end, exact: false };
  let found = -1;
  for (let at = raw.indexOf(url); at !== -1; at = raw.indexOf(url, at + 1)) {
    if (opener.test(raw.slice(Math.max(0, at - 40), at))) found = at;
  }
  if (found === -1) return { url, kind, start, end, exact: false };
  return { url, kind, start: start + found, end: start + found + url.length, exact: true };
}

function htmlLinks(doc: Document): ExtractedLink[] {
  const out: ExtractedLink[] = [];
  for (const { element } of doc.htmlElements) {
    const from = element.position?.start.offset;
    if (from === undefined) continue;
    const tag = startTag(doc.source, from);
    for (const attr of attributesOf(tag)) {
      const name = attr.name.toLowerCase();
      const valueStart = from + attr.valueStart;
      if (name === 'srcset') {
        for (const candidate of srcsetUrls(attr.value)) {
          out.push({
            url: decodeEntities(candidate.url),
            kind: 'html',
            start: valueStart + candidate.index,
            end: valueStart + candidate.index + candidate.url.length,
            exact: !candidate.url.includes('&'),
          });
        }
      } else if ((URL_ATTRIBUTES as readonly string[]).includes(name) && attr.value.trim()) {
        const value = attr.value;
        const lead = value.length - value.trimStart().length;
        const url = decodeEntities(value.trim());
        out.push({
          url,
          kind: 'html',
          start: valueStart + lead,
          end: valueStart + lead + value.trim().length,
          exact: url === value.trim(),
        });
      }
    }
  }
  return out;
}

/** The source of the start tag beginning at `from` (quotes may contain `>`). */
function startTag(source: string, from: number): string {
  let quote = '';
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return source.slice(from, i + 1);
    }
  }
  return source.slice(from);
}

interface Attribute {
  name: string;
  value: string;
  /** Offset of the value inside the tag. */
  valueStart: number;
}

const ATTRIBUTE = /\s([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

function attributesOf(tag: string): Attribute[] {
  const out: Attribute[] = [];
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    const quoted = m[2] !== undefined || m[3] !== undefined;
    const valueEnd = (m.index ?? 0) + m[0].length - (quoted ? 1 : 0);
    out.push({ name: m[1] ?? '', value, valueStart: valueEnd - value.length });
  }
  return out;
}

/** The URLs of a `srcset` value with their offsets in it. */
function srcsetUrls(value: string): { url: string; index: number }[] {
  const out: { url: string; index: number }[] = [];
  for (const m of value.matchAll(/(?:^|,)\s*([^\s,][^\s]*?)(?=,|\s|$)/g)) {
    const url = (m[1] ?? '').replace(/,$/, '');
    if (!url) continue;
    out.push({ url, index: (m.index ?? 0) + m[0].length - (m[1] ?? '').length });
  }
  return out;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function frontMatterLinks(doc: Document): ExtractedLink[] {
  const fm = doc.frontMatter;
  if (!fm || fm.error) return [];
  const out: ExtractedLink[] = [];
  const visit = (value: unknown, path: (string | number)[], key: string): void => {
    if (typeof value === 'string') {
      const trimmed = value.trim();
      const absolute = /^https?:\/\//i.test(trimmed);
      const sitePath = URL_KEYS.test(key) && /^(\/|\.\.?\/)[^\s]*$/.test(trimmed);
      if (!absolute && !sitePath) return;
      const span = frontMatterValueSpan(fm, path);
      if (span) {
        const text = doc.source.slice(span[0], span[1]);
        const at = text.indexOf(trimmed);
        if (at !== -1) {
          out.push({
            url: trimmed,
            kind: 'frontMatter',
            start: span[0] + at,
            end: span[0] + at + trimmed.length,
            exact: true,
          });
          return;
        }
      }
      const start = fm.node.position?.start.offset ?? 0;
      out.push({
        url: trimmed,
        kind: 'frontMatter',
        start,
        end: fm.node.position?.end.offset ?? start,
        exact: false,
      });
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, [...path, i], key);
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], k);
    }
  };
  visit(fm.data, [], '');
  return out;
}
