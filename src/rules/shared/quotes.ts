import type { Element } from 'hast';
import type { Blockquote, Html, Paragraph } from 'mdast';
import type { Node, Parent } from 'unist';
import type { Document } from '../../core/document.js';
import { elementText, htmlParents, inlineText, SiblingIndex } from './block-text.js';
import { isEmbeddedPost } from './media.js';

/** A quotation: a Markdown blockquote, an HTML `<blockquote>` or an inline `<q>`. */
export interface Quotation {
  form: 'blockquote' | 'html' | 'q';
  start: number;
  end: number;
  /** The quoted words. */
  text: string;
  /** Links written inside the quotation (its own attribution line included). */
  links: string[];
  /** The `cite` attribute of an HTML quotation. */
  cite?: string;
  /** Attribution written inside the quotation or its figure: a last line "— Name", `<cite>`, `<footer>`, `<figcaption>`. */
  inner?: Attribution;
  /** The block right after the quotation, when it is a short attribution line. */
  after?: Attribution;
  /** The paragraph right before, when it introduces the quotation ("As X wrote:"). */
  leadIn?: Attribution;
  /** Text before and after an inline quotation, in its sentence. */
  sentence?: { text: string; links: string[] };
}

export interface Attribution {
  text: string;
  links: string[];
}

/** Starts of a line that says where a quotation comes from. */
const ATTRIBUTION_LINE =
  /^\s*(?:[\u2014\u2013\u2015~]|-{1,2}\s|source\s*:|sources\s*:|from\s|via\s|quoted (?:from|in)\s|excerpted from|reprinted from|adapted from|originally (?:published|posted|appeared)|credit\s*:|\(\s*(?:source|from|via)\b)/i;
const MAX_ATTRIBUTION_CHARS = 250;
const MAX_LEAD_IN_CHARS = 600;
const ANAPHOR =
  /^[*_"\u201c]*(?:it|they|he|she|this|these|those|that|its|their|his|her|there|here|the (?:summary|report|article|author|study|post|book|paper|document|review|letter|survey|statement|interview|essay|announcement|press release))\b/i;

/** Callouts written as blockquotes (GitHub alerts, Obsidian callouts, bold "Note" boxes) are not quotations. */
const CALLOUT =
  /^\s*(?:\[!\w+\][+-]?|\*\*(?:note|tip|important|warning|caution|info|danger|attention|reminder|update|heads up)\s*:?\s*\*\*|\*\*[^*\n]{1,30}:\s*\*\*|\*\*[^*\n]{1,30}\*\*\s*:|:(?:information_source|warning|bulb|pushpin|memo|loudspeaker|calendar|spiral_calendar):|[\u2139\u26a0\u{1F4A1}\u{1F4CC}\u{1F4E2}\u{1F4C5}\u{1F5D3}])/iu;
/** Kramdown classes that themes (Chirpy, Minimal Mistakes) turn a blockquote into a notice box with. */
const NOTICE_CLASS = /\{:\s*\.(?:prompt|notice|note|alert|callout|warning|tip|info|danger|important)[\w-]*/i;

export function isAttributionLine(text: string): boolean {
  return text.trim().length <= MAX_ATTRIBUTION_CHARS && ATTRIBUTION_LINE.test(text);
}

/** Every quotation of a post, in document order (nested quotations count once, as the outer one). */
export function collectQuotations(doc: Document): Quotation[] {
  const siblings = new SiblingIndex(doc);
  return [...markdownQuotes(doc, siblings), ...htmlBlockquotes(doc, siblings), ...inlineQuotes(doc)].sort(
    (a, b) => a.start - b.start,
  );
}

function markdownQuotes(doc: Document, siblings: SiblingIndex): Quotation[] {
  const out: Quotation[] = [];
  const continued = new Set<Blockquote>();
  for (const quote of doc.nodes<Blockquote>('blockquote')) {
    if (doc.ancestors(quote).some((a) => a.type === 'blockquote')) continue;
    if (continued.has(quote) || isCallout(doc, siblings, quote)) continue;
    // Quotations in a row ("> 1. ...", blank line, "> 2. ...") are one quotation in several boxes,
    // unless one of them ends with its own attribution line.
    const group = [quote];
    for (const next of siblings.after(quote)) {
      const previous = group[group.length - 1] as Blockquote;
      if (
        next.type !== 'blockquote' ||
        isCallout(doc, siblings, next as Blockquote) ||
        endsWithAttribution(doc, previous)
      )
        break;
      group.push(next as Blockquote);
      continued.add(next as Blockquote);
    }
    const lastQuote = group[group.length - 1] as Blockquote;
    const start = quote.position?.start.offset;
    const end = lastQuote.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const children = group.flatMap((q) => q.children);
    const parts = children.map((child) =>
      child.type === 'html'
        ? { text: child.value.replace(/<[^>]*>/g, ' '), links: hrefsIn(child.value) }
        : inlineText(doc, child as Parent, []),
    );
    const last = children[children.length - 1];
    const lastText = parts[parts.length - 1];
    const hasInner =
      children.length > 1 && last?.type === 'paragraph' && lastText && isAttributionLine(lastText.text);
    const body = hasInner ? parts.slice(0, -1) : parts;
    out.push({
      form: 'blockquote',
      start,
      end,
      text: body.map((p) => p.text).join('\n'),
      links: parts.flatMap((p) => p.links),
      inner: hasInner ? lastText : innerCite(doc, quote),
      after: attributionAfter(doc, siblings, lastQuote),
      leadIn: leadInBefore(doc, siblings, quote),
    });
  }
  return out;
}

function isCallout(doc: Document, siblings: SiblingIndex, quote: Blockquote): boolean {
  const source = doc.sourceOf(quote);
  if (CALLOUT.test(source.replace(/^\s*>\s?/gm, '')) || NOTICE_CLASS.test(source)) return true;
  const next = siblings.after(quote).next().value;
  return next?.type === 'paragraph' && NOTICE_CLASS.test(doc.sourceOf(next).split('\n')[0] ?? '');
}

function endsWithAttribution(doc: Document, quote: Blockquote): boolean {
  const last = quote.children[quote.children.length - 1];
  return (
    quote.children.length > 1 &&
    last?.type === 'paragraph' &&
    isAttributionLine(inlineText(doc, last, []).text)
  );
}

/** True when the quotation links to its original: a link inside, a cite URL, or a linked attribution or lead-in. */
export function hasSourceLink(quote: Quotation): boolean {
  if (quote.cite && /^(?:https?:)?\/\/|^\//i.test(quote.cite)) return true;
  if (quote.links.length > 0) return true;
  if ([quote.inner, quote.after, quote.leadIn].some((a) => a && a.links.length > 0)) return true;
  return quote.form === 'q' && (quote.sentence?.links.length ?? 0) > 0;
}

/** A `<cite>` written inside a Markdown quotation's last paragraph. */
function innerCite(doc: Document, quote: Blockquote): Attribution | undefined {
  const html = doc.htmlElements.find(
    (e) => e.element.tagName === 'cite' && doc.ancestors(e.htmlNode).includes(quote as unknown as Parent),
  );
  return html ? elementText(html.element) : undefined;
}

function htmlBlockquotes(doc: Document, siblings: SiblingIndex): Quotation[] {
  const parents = htmlParents(doc.htmlElements);
  const out: Quotation[] = [];
  for (const { element, htmlNode } of doc.elements('blockquote')) {
    let up = parents.get(element);
    while (up && up.tagName !== 'blockquote') up = parents.get(up);
    if (up || !element.position || isEmbeddedPost(element)) continue;
    const own = elementText(element);
    const cite = attribute(element, 'cite');
    let end = element.position.end.offset ?? 0;
    let text = own.text;
    const links = [...own.links];
    let lastBlock: Node = htmlNode;
    // `<blockquote>` followed by Markdown paragraphs and a later `</blockquote>`.
    if (!htmlNode.value.includes('</blockquote')) {
      for (const sibling of siblings.after(htmlNode)) {
        lastBlock = sibling;
        end = sibling.position?.end.offset ?? end;
        if (sibling.type === 'html' && (sibling as Html).value.includes('</blockquote')) break;
        const part =
          sibling.type === 'html'
            ? {
                text: (sibling as Html).value.replace(/<[^>]*>/g, ' '),
                links: hrefsIn((sibling as Html).value),
              }
            : inlineText(doc, sibling as Parent, []);
        text += `\n${part.text}`;
        links.push(...part.links);
      }
    }
    if (CALLOUT.test(text)) continue;
    const inner = innerHtmlAttribution(element, parents);
    const innerText = inner?.text.trim() ?? '';
    out.push({
      form: 'html',
      start: element.position.start.offset ?? 0,
      end,
      text: innerText && text.includes(innerText) ? text.replace(innerText, ' ') : text,
      links: [...links, ...(inner?.links ?? [])],
      cite,
      inner,
      after: attributionAfter(doc, siblings, lastBlock),
      leadIn: leadInBefore(doc, siblings, htmlNode),
    });
  }
  return out;
}

/** `<footer>` or `<cite>` inside the quotation, or the `<figcaption>` of its figure. */
function innerHtmlAttribution(element: Element, parents: Map<Element, Element>): Attribution | undefined {
  const stack: Element[] = [element];
  while (stack.length > 0) {
    const e = stack.pop() as Element;
    if (e !== element && (e.tagName === 'footer' || e.tagName === 'cite')) return elementText(e);
    for (const c of e.children) if (c.type === 'element') stack.push(c);
  }
  const figure = parents.get(element);
  if (figure?.tagName !== 'figure') return undefined;
  const caption = figure.children.find(
    (c): c is Element => c.type === 'element' && c.tagName === 'figcaption',
  );
  return caption ? elementText(caption) : undefined;
}

function inlineQuotes(doc: Document): Quotation[] {
  const parents = htmlParents(doc.htmlElements);
  const out: Quotation[] = [];
  for (const { element, htmlNode } of doc.elements('q')) {
    if (!element.position) continue;
    const cite = attribute(element, 'cite');
    const paragraph = doc.parent(htmlNode);
    if (paragraph?.type === 'paragraph' && /^<q\b/i.test(htmlNode.value)) {
      out.push(splitInlineQuote(doc, paragraph as Paragraph, htmlNode, cite));
      continue;
    }
    let block = parents.get(element);
    while (block && !['p', 'div', 'li', 'td', 'figure'].includes(block.tagName)) block = parents.get(block);
    const own = elementText(element);
    out.push({
      form: 'q',
      start: element.position.start.offset ?? 0,
      end: element.position.end.offset ?? 0,
      text: own.text,
      links: own.links,
      cite,
      sentence: block ? elementText(block) : undefined,
    });
  }
  return out;
}

/** `<q>` and `</q>` written inside a Markdown paragraph are two html nodes with the quote between them. */
function splitInlineQuote(
  doc: Document,
  paragraph: Paragraph,
  open: Html,
  cite: string | undefined,
): Quotation {
  const children = paragraph.children;
  const from = children.indexOf(open);
  let to = children.findIndex((c, i) => i > from && c.type === 'html' && /^<\/q\s*>/i.test(c.value));
  if (to === -1) to = children.length;
  const inside = { type: 'paragraph', children: children.slice(from + 1, to) } as Paragraph;
  const quoted = inlineText(doc, inside, []);
  const closing = children[to];
  return {
    form: 'q',
    start: open.position?.start.offset ?? 0,
    end: (closing ?? children[to - 1] ?? open).position?.end.offset ?? 0,
    text: quoted.text,
    links: quoted.links,
    cite,
    sentence: inlineText(doc, paragraph, children.slice(from, to + 1)),
  };
}

function attributionAfter(doc: Document, siblings: SiblingIndex, node: Node): Attribution | undefined {
  let next: Node | undefined;
  for (const sibling of siblings.after(node)) {
    if (sibling.type === 'html' && (sibling as Html).value.trimStart().startsWith('<!--')) continue;
    next = sibling;
    break;
  }
  if (next?.type !== 'paragraph') return undefined;
  const text = inlineText(doc, next as Parent, []);
  return isAttributionLine(text.text) ? text : undefined;
}

/**
 * The sentence that introduces a quotation, ending in a colon ("As [X](url) put it:"), with the
 * links written in that sentence only.
 */
function leadInBefore(doc: Document, siblings: SiblingIndex, node: Node): Attribution | undefined {
  const previous = siblings.before(node);
  if (previous?.type !== 'paragraph') return undefined;
  const source = doc.sourceOf(previous).trimEnd();
  if (!source.replace(/[*_"'\u201d)\s]+$/, '').endsWith(':')) return undefined;
  const base = previous.position?.start.offset ?? 0;
  const boundaries = [...source.matchAll(/[.!?]["'\u201d)\]*_]*\s+(?=[\p{Lu}"\u201c*_[])/gu)];
  const last = boundaries[boundaries.length - 1];
  let sentenceStart = last ? (last.index ?? 0) + last[0].length : 0;
  // "It states that...:" points back at the sentence before, which names (and links) the source.
  if (ANAPHOR.test(source.slice(sentenceStart))) {
    const before = boundaries[boundaries.length - 2];
    sentenceStart = before ? (before.index ?? 0) + before[0].length : 0;
  }
  const sentence = source.slice(sentenceStart);
  if (sentence.length > MAX_LEAD_IN_CHARS) return undefined;
  const links: string[] = [];
  const stack: Node[] = [previous];
  while (stack.length > 0) {
    const n = stack.pop() as Node & { url?: string; children?: Node[] };
    if (
      (n.type === 'link' || n.type === 'linkReference') &&
      (n.position?.start.offset ?? 0) >= base + sentenceStart
    )
      links.push(n.url ?? '#reference');
    for (const child of n.children ?? []) stack.push(child);
  }
  for (const m of sentence.matchAll(/<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)/gi)) links.push(m[1] ?? '');
  return {
    text: sentence
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim(),
    links,
  };
}

function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function hrefsIn(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1] ?? '');
}
