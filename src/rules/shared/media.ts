import type { Element } from 'hast';
import type { Html, Image, ImageReference, Paragraph } from 'mdast';
import type { Node, Parent } from 'unist';
import { type Document, frontMatterValueSpan } from '../../core/document.js';
import { EMBED_BLOCKQUOTE_CLASS, type EmbedProvider } from '../../lexicons/media.js';
import {
  BLOCK_TAGS,
  definitionsOf,
  elementText,
  htmlNodeText,
  htmlParents,
  inlineText,
  normalizeLabel,
  SiblingIndex,
} from './block-text.js';
import { embedProviderOf, fileNameOf, isServiceEmbed, type MediaUrl, parseMediaUrl } from './media-url.js';

/** Text near a piece of media where a credit may be written. */
export interface CaptionText {
  text: string;
  /** Link targets written in it. */
  links: string[];
  /** Readers see it on the page (an image title is only a tooltip). */
  visible: boolean;
  where: 'title' | 'caption' | 'paragraph' | 'next' | 'field';
}

export type MediaKind = 'image' | 'video' | 'audio' | 'embed' | 'hero';

/** One image, video, audio clip or embed of a post, with the text around it that may credit it. */
export interface MediaItem {
  kind: MediaKind;
  /** How it is written: Markdown, HTML, a site-generator shortcode, a bare link, or front matter. */
  form: 'markdown' | 'html' | 'shortcode' | 'link' | 'frontMatter';
  rawUrl: string;
  url: MediaUrl;
  provider?: EmbedProvider;
  /** Alternative text; undefined when an HTML image has no alt attribute at all. */
  alt?: string;
  /** Marked decorative (role="presentation", aria-hidden), so an empty alt is right. */
  decorative?: boolean;
  title?: string;
  /** Source span of the element. */
  start: number;
  end: number;
  /** Where a credit may be, nearest first. */
  captions: CaptionText[];
  /** Front-matter field, for header images. */
  field?: string;
  /** A platform's embed code that shows and links the account it comes from (a tweet, an Instagram post). */
  selfCredited?: boolean;
  /** The Markdown image node, when there is one (for suggestions). */
  node?: Node;
}

/** How many characters of the block after a piece of media can be its caption. */
const NEXT_BLOCK_CHARS = 200;

/** Every piece of media in a post, in document order. */
export function collectMedia(doc: Document): MediaItem[] {
  const siblings = new SiblingIndex(doc);
  const items = [
    ...markdownImages(doc, siblings),
    ...templatedMarkdownImages(doc, siblings),
    ...htmlMedia(doc, siblings),
    ...embeddedPosts(doc, siblings),
    ...shortcodeMedia(doc, siblings),
    ...bareEmbedLinks(doc, siblings),
    ...heroImages(doc),
  ];
  return items.sort((a, b) => a.start - b.start);
}

/** The readable name of an item in messages: "This image (reading-room.jpg)", "This YouTube embed". */
export function labelOf(item: MediaItem): string {
  const file = fileNameOf(item.url);
  const short = file.length > 60 ? `${file.slice(0, 57)}...` : file;
  const named = /\.\w{2,5}$/.test(file) ? ` (${short})` : '';
  switch (item.kind) {
    case 'embed':
      return item.provider ? `This ${item.provider.name} embed` : `This embedded page from ${item.url.host}`;
    case 'video':
      return `This video${named}`;
    case 'audio':
      return `This audio clip${named}`;
    case 'hero':
      return `The header image in the front matter ("${item.field}")`;
    default:
      return `This image${named}`;
  }
}

// ---------------------------------------------------------------- Markdown

function markdownImages(doc: Document, siblings: SiblingIndex): MediaItem[] {
  const definitions = definitionsOf(doc);
  const out: MediaItem[] = [];
  const images: (Image | ImageReference)[] = [
    ...doc.nodes<Image>('image'),
    ...doc.nodes<ImageReference>('imageReference'),
  ];
  for (const node of images) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    let url: string;
    let title: string | undefined;
    if (node.type === 'image') {
      url = node.url;
      title = node.title ?? undefined;
    } else {
      const def = definitions.get(normalizeLabel(node.identifier));
      if (!def) continue;
      url = def.url;
      title = def.title ?? undefined;
    }
    const block = doc
      .ancestors(node)
      .find((a) => a.type === 'paragraph' || a.type === 'heading' || a.type === 'tableCell');
    out.push({
      kind: 'image',
      form: 'markdown',
      rawUrl: url,
      url: parseMediaUrl(url),
      alt: node.alt ?? '',
      title,
      start,
      end,
      node,
      captions: [...titleCaption(title), ...(block ? surroundingsOf(doc, siblings, block, [node]) : [])],
    });
  }
  return out;
}

/**
 * Jekyll and Hugo posts write `![alt]({{ site.baseurl }}/x.jpg)`: the space inside the template makes
 * it plain text to Markdown, but the site renders an image.
 */
const TEMPLATED_IMAGE = /!\[([^\]\n]*)\]\(\s*(\{\{[^}\n]*\}\}[^\s)]*)(?:\s+"([^"\n]*)")?\s*\)/g;

function templatedMarkdownImages(doc: Document, siblings: SiblingIndex): MediaItem[] {
  const out: MediaItem[] = [];
  const parsed = new Set(doc.nodes<Image>('image').map((n) => n.position?.start.offset));
  for (const paragraph of doc.nodes<Paragraph>('paragraph')) {
    const source = doc.sourceOf(paragraph);
    if (!source.includes('({{')) continue;
    const base = paragraph.position?.start.offset ?? 0;
    for (const m of source.matchAll(TEMPLATED_IMAGE)) {
      const start = base + (m.index ?? 0);
      if (parsed.has(start) || doc.isInCode(start)) continue;
      const [whole, alt = '', url = '', title] = m;
      const surroundings = surroundingsOf(doc, siblings, paragraph, []).map((c) =>
        c.where === 'paragraph' ? { ...c, text: c.text.replace(whole, ' ') } : c,
      );
      out.push({
        kind: 'image',
        form: 'markdown',
        rawUrl: url,
        url: parseMediaUrl(url),
        alt,
        title,
        start,
        end: start + whole.length,
        captions: [...titleCaption(title), ...surroundings],
      });
    }
  }
  return out;
}

/** A link on a paragraph of its own to a video, photo or post: blog engines embed these. */
function bareEmbedLinks(doc: Document, siblings: SiblingIndex): MediaItem[] {
  const out: MediaItem[] = [];
  for (const paragraph of doc.nodes<Paragraph>('paragraph')) {
    const content = paragraph.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
    const link = content[0];
    if (content.length !== 1 || link?.type !== 'link') continue;
    const text = doc.textOf(link).trim();
    if (text !== link.url && !/^https?:\/\/\S+$/.test(text)) continue;
    const url = parseMediaUrl(link.url);
    const provider = embedProviderOf(url);
    if (!provider?.itemPath?.test(url.path)) continue;
    out.push({
      kind: 'embed',
      form: 'link',
      rawUrl: link.url,
      url,
      provider,
      start: link.position?.start.offset ?? 0,
      end: link.position?.end.offset ?? 0,
      captions: surroundingsOf(doc, siblings, paragraph, [link]),
    });
  }
  return out;
}

function titleCaption(title: string | undefined): CaptionText[] {
  return title?.trim() ? [{ text: title, links: [], visible: false, where: 'title' }] : [];
}

/**
 * The text of the block holding the media (other media left out) and the start of the block after
 * it, where captions and credit lines are written.
 */
function surroundingsOf(doc: Document, siblings: SiblingIndex, block: Node, skip: Node[]): CaptionText[] {
  const own = inlineText(doc, block as Parent, skip);
  const out: CaptionText[] = [];
  if (own.text.trim()) out.push({ ...own, visible: true, where: 'paragraph' });
  // An image in a table is captioned under the table.
  const table = block.type === 'tableCell' ? doc.ancestors(block).find((a) => a.type === 'table') : undefined;
  const next = nextBlock(doc, siblings, table ?? block);
  if (next) out.push(next);
  return out;
}

/** The first block after `node` with readable text, skipping bare HTML tags such as `</figure>`. */
export function nextBlock(doc: Document, siblings: SiblingIndex, node: Node): CaptionText | undefined {
  for (const sibling of siblings.after(node)) {
    if (sibling.type === 'html') {
      const html = sibling as Html;
      if (html.value.trimStart().startsWith('<!--')) continue;
      if (HOLDS_MEDIA.test(html.value)) return undefined;
      const text = htmlNodeText(doc, html);
      if (!text.text.trim()) continue;
      return { ...text, text: text.text.trim().slice(0, NEXT_BLOCK_CHARS), visible: true, where: 'next' };
    }
    if (sibling.type !== 'paragraph') return undefined;
    // A block that holds other media carries their captions, not this one's.
    if (holdsMedia(doc, sibling)) return undefined;
    const text = inlineText(doc, sibling as Parent, []);
    return { ...text, text: text.text.trim().slice(0, NEXT_BLOCK_CHARS), visible: true, where: 'next' };
  }
  return undefined;
}

const HOLDS_MEDIA =
  /<(?:img|iframe|video|audio|picture)\b|!\[[^\]\n]*\]\(|\{\{[<%]\s*(?:figure|youtube|vimeo|instagram)\b/i;

function holdsMedia(doc: Document, block: Node): boolean {
  return (
    HOLDS_MEDIA.test(doc.sourceOf(block)) ||
    (block as Parent).children.some((c) => c.type === 'imageReference')
  );
}

// ---------------------------------------------------------------- HTML

function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'string' ? value : undefined;
}

function htmlMedia(doc: Document, siblings: SiblingIndex): MediaItem[] {
  const parents = htmlParents(doc.htmlElements);
  const out: MediaItem[] = [];
  for (const { element, htmlNode } of doc.elements('img', 'video', 'audio', 'iframe')) {
    const position = element.position;
    if (!position) continue;
    const rawUrl = sourceOfElement(element, parents) ?? '';
    const url = parseMediaUrl(rawUrl);
    let kind: MediaKind = element.tagName === 'img' ? 'image' : (element.tagName as MediaKind);
    let provider: EmbedProvider | undefined;
    if (element.tagName === 'iframe') {
      provider = embedProviderOf(url);
      if (!rawUrl || (!provider && (!url.external || isServiceEmbed(url)))) continue;
      kind = 'embed';
    }
    const title = attribute(element, 'title');
    const alt = attribute(element, 'alt');
    const role = attribute(element, 'role');
    out.push({
      kind,
      form: 'html',
      rawUrl,
      url,
      provider,
      alt: element.tagName === 'img' ? alt : undefined,
      decorative: role === 'presentation' || role === 'none' || attribute(element, 'ariaHidden') === 'true',
      title: element.tagName === 'iframe' ? undefined : title,
      start: position.start.offset ?? 0,
      end: position.end.offset ?? 0,
      captions: [
        ...(element.tagName === 'iframe' ? [] : titleCaption(title)),
        ...htmlSurroundings(doc, siblings, element, htmlNode, parents),
      ],
    });
  }
  return out;
}

/** True for the `<blockquote>` of a social platform's embed code. */
export function isEmbeddedPost(element: Element): boolean {
  if (element.tagName !== 'blockquote') return false;
  const classes = element.properties.className;
  const list = Array.isArray(classes) ? classes.map(String) : classes ? String(classes).split(/\s+/) : [];
  return (
    list.some((c) => EMBED_BLOCKQUOTE_CLASS.test(c)) ||
    typeof element.properties.dataInstgrmPermalink === 'string'
  );
}

/** Tweets, Instagram and TikTok posts pasted as their platform's embed code. */
function embeddedPosts(doc: Document, siblings: SiblingIndex): MediaItem[] {
  const parents = htmlParents(doc.htmlElements);
  const out: MediaItem[] = [];
  for (const { element, htmlNode } of doc.elements('blockquote')) {
    if (!isEmbeddedPost(element) || !element.position) continue;
    const own = elementText(element);
    const candidates = [attribute(element, 'cite'), attribute(element, 'dataInstgrmPermalink'), ...own.links];
    const rawUrl =
      candidates.find((u) => u && embedProviderOf(parseMediaUrl(u))) ?? candidates.find(Boolean) ?? '';
    const url = parseMediaUrl(rawUrl);
    const provider = embedProviderOf(url);
    out.push({
      kind: 'embed',
      form: 'html',
      rawUrl,
      url,
      provider,
      start: element.position.start.offset ?? 0,
      end: element.position.end.offset ?? 0,
      // The embed code itself links the post and names its account.
      selfCredited: own.links.some((l) => {
        const host = parseMediaUrl(l).host;
        return provider
          ? provider.hosts.some((h) => host === h || host.endsWith(`.${h}`))
          : host === url.host;
      }),
      captions: htmlSurroundings(doc, siblings, element, htmlNode, parents),
    });
  }
  return out;
}

function sourceOfElement(element: Element, parents: Map<Element, Element>): string | undefined {
  const own = attribute(element, 'src');
  if (own) return own;
  const sources =
    element.tagName === 'img' && parents.get(element)?.tagName === 'picture'
      ? (parents.get(element) as Element).children
      : element.children;
  for (const child of sources) {
    if (child.type !== 'element' || child.tagName !== 'source') continue;
    const src =
      attribute(child, 'src') ??
      attribute(child, 'srcSet')
        ?.trim()
        .split(/[\s,]+/)[0];
    if (src) return src;
  }
  return undefined;
}

function htmlSurroundings(
  doc: Document,
  siblings: SiblingIndex,
  element: Element,
  htmlNode: Html,
  parents: Map<Element, Element>,
): CaptionText[] {
  const out: CaptionText[] = [];
  let block: Element | undefined;
  for (let p = parents.get(element); p; p = parents.get(p)) {
    if (p.tagName === 'figure') {
      const caption = p.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'figcaption',
      );
      if (caption) out.push({ ...elementText(caption), visible: true, where: 'caption' });
    }
    if (!block && BLOCK_TAGS.has(p.tagName)) block = p;
  }
  if (block) {
    const text = elementText(block);
    if (text.text.trim()) out.push({ ...text, visible: true, where: 'paragraph' });
  }
  const parent = doc.parent(htmlNode);
  if (parent?.type === 'paragraph') {
    out.push({ ...inlineText(doc, parent, [htmlNode]), visible: true, where: 'paragraph' });
    const next = nextBlock(doc, siblings, parent);
    if (next) out.push(next);
    return out;
  }
  if (!block) {
    const rest = htmlNodeText(doc, htmlNode);
    if (rest.text.trim()) out.push({ ...rest, visible: true, where: 'paragraph' });
  }
  const next = nextBlock(doc, siblings, htmlNode);
  if (next) out.push(next);
  return out;
}

// ---------------------------------------------------------------- Shortcodes

/** Hugo `{{< name params >}}` / `{{% name %}}` and Jekyll `{% include name params %}` / `{% youtube id %}`. */
const SHORTCODE =
  /\{\{[<%]\s*([\w-]+)([^\n]*?)\s*[>%]\}\}|\{%-?\s*(include|youtube|vimeo)\s+([^\n%]*?)\s*-?%\}/g;

interface Shortcode {
  name: string;
  params: Record<string, string>;
  positional: string[];
}

function parseParams(text: string): { params: Record<string, string>; positional: string[] } {
  const params: Record<string, string> = {};
  const positional: string[] = [];
  for (const m of text.matchAll(/(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (m[1]) params[m[1].toLowerCase()] = value;
    else positional.push(value);
  }
  return { params, positional };
}

function readShortcode(m: RegExpMatchArray): Shortcode {
  if (m[1]) return { name: m[1].toLowerCase(), ...parseParams(m[2] ?? '') };
  const kind = (m[3] ?? '').toLowerCase();
  const { params, positional } = parseParams(m[4] ?? '');
  if (kind === 'include') {
    const name = (positional.shift() ?? '').toLowerCase().replace(/\.html?$/, '');
    return { name, params, positional };
  }
  return { name: kind, params, positional };
}

const VIDEO_URLS: Record<string, (id: string, params: Record<string, string>) => string> = {
  youtube: (id) => (/^https?:/.test(id) ? id : `https://www.youtube.com/watch?v=${id}`),
  vimeo: (id) => (/^https?:/.test(id) ? id : `https://vimeo.com/${id}`),
  instagram: (id) => `https://www.instagram.com/p/${id}/`,
  tweet: (id, p) => `https://x.com/${p.user ?? 'i'}/status/${id}`,
  x: (id, p) => `https://x.com/${p.user ?? 'i'}/status/${id}`,
};

const IMAGE_SHORTCODE = /^(?:figure|image|img|photo|picture|responsive-image)$/;
const IMAGE_PARAMS = ['src', 'image_path', 'image', 'url', 'path'];
const CAPTION_PARAMS = ['caption', 'description', 'credit', 'attribution', 'attr'];

function shortcodeMedia(doc: Document, siblings: SiblingIndex): MediaItem[] {
  const out: MediaItem[] = [];
  for (const paragraph of doc.nodes<Paragraph>('paragraph')) {
    const source = doc.sourceOf(paragraph);
    if (!source.includes('{{') && !source.includes('{%')) continue;
    const base = paragraph.position?.start.offset ?? 0;
    for (const m of source.matchAll(SHORTCODE)) {
      const start = base + (m.index ?? 0);
      if (doc.isInCode(start)) continue;
      const code = readShortcode(m);
      const item = shortcodeItem(code);
      if (!item) continue;
      const around = surroundingsOf(doc, siblings, paragraph, []).map((c) =>
        c.where === 'paragraph' ? { ...c, text: c.text.replace(m[0], ' ') } : c,
      );
      out.push({ ...item, start, end: start + m[0].length, captions: [...item.captions, ...around] });
    }
  }
  return out;
}

function shortcodeItem(code: Shortcode): Omit<MediaItem, 'start' | 'end'> | undefined {
  const { name, params, positional } = code;
  const videoName = name === 'video' ? (params.provider ?? '').toLowerCase() : name;
  const videoUrl = VIDEO_URLS[videoName];
  if (videoUrl) {
    const id = params.id ?? positional[0];
    if (!id) return undefined;
    const rawUrl = videoUrl(id, params);
    const url = parseMediaUrl(rawUrl);
    return { kind: 'embed', form: 'shortcode', rawUrl, url, provider: embedProviderOf(url), captions: [] };
  }
  if (!IMAGE_SHORTCODE.test(name)) return undefined;
  const src = IMAGE_PARAMS.map((p) => params[p]).find(Boolean);
  if (!src) return undefined;
  const captions: CaptionText[] = [];
  for (const key of CAPTION_PARAMS) {
    const value = params[key];
    if (!value) continue;
    const links = [...value.matchAll(/\]\(([^)\s]+)\)|href=\\?["']([^"'\\]+)/g)].map(
      (l) => l[1] ?? l[2] ?? '',
    );
    if (key === 'attr' && params.attrlink) links.push(params.attrlink);
    const text = key === 'caption' || key === 'description' ? value : `Credit: ${value}`;
    captions.push({
      text: text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'),
      links,
      visible: true,
      where: 'caption',
    });
  }
  return {
    kind: 'image',
    form: 'shortcode',
    rawUrl: src,
    url: parseMediaUrl(src),
    // Site generators fall back to the caption when a figure has no alt.
    alt: params.alt ?? params.caption ?? params.description ?? '',
    title: params.title,
    captions: [...titleCaption(params.title), ...captions],
  };
}

// ---------------------------------------------------------------- Front matter

/** Front-matter fields that hold a post's header or sharing image. */
const HERO_FIELDS = [
  'image',
  'cover',
  'cover_image',
  'thumbnail',
  'og_image',
  'featured_image',
  'feature_image',
  'hero',
  'hero_image',
  'banner',
  'banner_image',
  'header_image',
  'share_image',
  'social_image',
  'images',
  'header',
];
/** Keys inside a header-image object that hold the image itself. */
const HERO_IMAGE_KEYS = [
  'path',
  'src',
  'url',
  'image',
  'file',
  'feature',
  'teaser',
  'overlay_image',
  'og_image',
];
/** Keys that are a credit by their name. */
const CREDIT_KEYS = [
  'credit',
  'image_credit',
  'photo_credit',
  'cover_credit',
  'image_attribution',
  'attribution',
  'credits',
];
/** Keys that may hold a credit when it says so ("Photo: ..."). */
const CAPTION_KEYS = ['caption', 'image_caption', 'cover_caption', 'description_credit'];

function heroImages(doc: Document): MediaItem[] {
  const fm = doc.frontMatter;
  if (!fm || fm.error) return [];
  const out: MediaItem[] = [];
  const topCredits = creditFields(fm.data, CREDIT_KEYS, CAPTION_KEYS);
  for (const field of HERO_FIELDS) {
    const value = fm.data[field];
    const entries: { url: string; path: (string | number)[]; credits: CaptionText[] }[] = [];
    const ownCredits = creditFields(
      fm.data,
      [`${field}_credit`, `${field}_attribution`],
      [`${field}_caption`],
    );
    if (typeof value === 'string' && field !== 'header')
      entries.push({ url: value, path: [field], credits: [] });
    else if (Array.isArray(value))
      value.forEach((v, i) => {
        if (typeof v === 'string') entries.push({ url: v, path: [field, i], credits: [] });
      });
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const nested = creditFields(record, CREDIT_KEYS, CAPTION_KEYS);
      for (const key of HERO_IMAGE_KEYS) {
        const v = record[key];
        if (typeof v === 'string' && looksLikeImagePath(v))
          entries.push({ url: v, path: [field, key], credits: nested });
      }
    }
    for (const entry of entries) {
      if (!entry.url.trim()) continue;
      const span = frontMatterValueSpan(fm, entry.path);
      const start = span?.[0] ?? fm.node.position?.start.offset ?? 0;
      const end = span?.[1] ?? fm.node.position?.end.offset ?? 0;
      out.push({
        kind: 'hero',
        form: 'frontMatter',
        rawUrl: entry.url,
        url: parseMediaUrl(entry.url),
        field: entry.path.join('.'),
        start,
        end,
        captions: [...entry.credits, ...ownCredits, ...topCredits],
      });
    }
  }
  return out;
}

function looksLikeImagePath(value: string): boolean {
  return (
    /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)(?:[?#].*)?$/i.test(value) || /^(?:https?:)?\/\//i.test(value)
  );
}

function creditFields(
  record: Record<string, unknown>,
  creditKeys: string[],
  captionKeys: string[],
): CaptionText[] {
  const out: CaptionText[] = [];
  for (const key of [...creditKeys, ...captionKeys]) {
    const value = record[key];
    if (typeof value !== 'string' || !value.trim()) continue;
    const links = [...value.matchAll(/\]\(([^)\s]+)\)|(https?:\/\/[^\s)"'<>]+)|href=["']([^"']+)/g)].map(
      (l) => l[1] ?? l[2] ?? l[3] ?? '',
    );
    const plain = value.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]*>/g, '');
    out.push({
      text: creditKeys.includes(key) ? `Credit: ${plain}` : plain,
      links,
      visible: true,
      where: 'field',
    });
  }
  return out;
}
