import type { Element, Root as HastRoot, Text as HastText } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Image, Nodes, Root, Yaml } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { parse as parseToml } from 'smol-toml';
import { unified } from 'unified';
import type { Node, Parent } from 'unist';
import { VFile } from 'vfile';
import YAML from 'yaml';
import { alignOffsets, type OffsetMap } from './align.js';
import { withinNesting } from './nesting.js';
import { SourceIndex } from './source-index.js';
import type { Point } from './types.js';
import { yamlMessage } from './yaml-message.js';

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Front-matter fields whose text patrons read, so they count as prose. */
export const PROSE_FRONT_MATTER_FIELDS = ['title', 'description', 'summary', 'excerpt', 'subtitle'] as const;

export interface FrontMatterError {
  message: string;
  line: number;
  column: number;
}

export interface FrontMatter {
  format: 'yaml' | 'toml';
  /** The parsed fields; empty when the block does not parse. */
  data: Record<string, unknown>;
  /** The front-matter node of the tree. */
  node: Node;
  /** Offset in the source where the block's content starts (after the opening fence). */
  contentOffset: number;
  error?: FrontMatterError;
  /** YAML only: the parsed document, for value positions. */
  yaml?: YAML.Document.Parsed;
}

/** An HTML element written inside the Markdown, with positions in the file. */
export interface HtmlElement {
  element: Element;
  /** The mdast `html` node it was written in. */
  htmlNode: Html;
}

export type ProseKind = 'heading' | 'paragraph' | 'tableCell' | 'alt' | 'html' | 'frontMatter';

/** A run of readable text with a map from each character back to its source offset. */
export interface ProseBlock {
  text: string;
  kind: ProseKind;
  /** The mdast node (paragraph, heading, cell, image, html) or front-matter node it comes from. */
  node: Node;
  /** Inside a quotation (Markdown blockquote or HTML <blockquote>/<q>). */
  inQuote: boolean;
  /** For front-matter prose: the field name. */
  field?: string;
  /** Source offset of text[i]; i === text.length gives the end offset. */
  sourceOffset(i: number): number;
}

/** Placeholder for code, inline HTML and bare URLs inside prose: keeps words apart without adding any. */
export const PROSE_GAP = ' ';

const SKIPPED_HTML_TAGS = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'template']);

/**
 * One parsed post. Every rule reads this; no rule parses. Selections are memoised per
 * document, so a run keeps no module-level caches.
 */
export class Document {
  readonly file: string;
  readonly path: string;
  readonly source: string;
  readonly vfile: VFile;
  readonly tree: Root;
  readonly frontMatter: FrontMatter | undefined;

  readonly index: SourceIndex;
  private byType: Map<string, Node[]> | undefined;
  private parents: Map<Node, Parent> | undefined;
  private htmlCache: HtmlElement[] | undefined;
  private proseCache: ProseBlock[] | undefined;
  private codeCache: [number, number][] | undefined;

  constructor(file: string, path: string, source: string) {
    this.file = file;
    this.path = path;
    this.source = source;
    this.vfile = new VFile({ path, value: source });
    this.tree = markdown.parse(new VFile({ path, value: withinNesting(source) }));
    this.index = new SourceIndex(source);
    this.frontMatter = parseFrontMatter(this.tree, source);
  }

  /** 1-based line and column of a source offset (clamped into the file). */
  point(offset: number): Point {
    return this.index.point(offset);
  }

  offset(line: number, column: number): number {
    return this.index.offset(line, column);
  }

  get lines(): string[] {
    return this.index.lines;
  }

  /** All mdast nodes of a type, in document order. */
  nodes<T extends Node = Nodes>(type: T['type']): T[] {
    this.buildIndex();
    return (this.byType?.get(type) ?? []) as T[];
  }

  parent(node: Node): Parent | undefined {
    this.buildIndex();
    return this.parents?.get(node);
  }

  /** Ancestors of a node, nearest first. */
  ancestors(node: Node): Parent[] {
    const out: Parent[] = [];
    for (let p = this.parent(node); p; p = this.parent(p)) out.push(p);
    return out;
  }

  /** The node's siblings after it, nearest first. */
  following(node: Node): Node[] {
    const parent = this.parent(node);
    if (!parent) return [];
    return parent.children.slice(parent.children.indexOf(node as Parent['children'][number]) + 1);
  }

  /** Plain text of an mdast node (link text, alt text and code included). */
  textOf(node: Node): string {
    return mdastToString(node as Nodes);
  }

  /** The source text a node spans. */
  sourceOf(node: Node): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start === undefined || end === undefined ? '' : this.source.slice(start, end);
  }

  /** HTML elements written in the post (block and inline HTML), in document order. */
  get htmlElements(): HtmlElement[] {
    this.htmlCache ??= this.nodes<Html>('html').flatMap((node) =>
      parseHtmlNode(node, this.source, (o) => this.point(o)),
    );
    return this.htmlCache;
  }

  elements(...tagNames: string[]): HtmlElement[] {
    return this.htmlElements.filter((e) => tagNames.includes(e.element.tagName));
  }

  /** Source ranges of code spans and code blocks, sorted. */
  get codeRanges(): [number, number][] {
    this.codeCache ??= [...this.nodes('inlineCode'), ...this.nodes('code')]
      .map((n): [number, number] => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0])
      .sort((a, b) => a[0] - b[0]);
    return this.codeCache;
  }

  isInCode(offset: number): boolean {
    const ranges = this.codeRanges;
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = ranges[mid] as [number, number];
      if (offset < range[0]) hi = mid - 1;
      else if (offset >= range[1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** The readable text of the post: code, URLs, HTML tags and non-prose front matter left out. */
  get prose(): ProseBlock[] {
    this.proseCache ??= buildProse(this);
    return this.proseCache;
  }

  private buildIndex(): void {
    if (this.byType) return;
    const byType = new Map<string, Node[]>();
    const parents = new Map<Node, Parent>();
    // Iterative pre-order walk: deeply nested quotes and lists must not overflow the stack.
    const stack: Node[] = [this.tree];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      let list = byType.get(node.type);
      if (!list) {
        list = [];
        byType.set(node.type, list);
      }
      list.push(node);
      const children = (node as Parent).children;
      if (children) {
        for (let i = children.length - 1; i >= 0; i--) {
          const child = children[i] as Node;
          parents.set(child, node as Parent);
          stack.push(child);
        }
      }
    }
    this.byType = byType;
    this.parents = parents;
  }
}

function parseFrontMatter(tree: Root, source: string): FrontMatter | undefined {
  const first = tree.children[0];
  if (!first || (first.type !== 'yaml' && (first.type as string) !== 'toml')) return undefined;
  const node = first as Yaml;
  const start = node.position?.start.offset ?? 0;
  const contentOffset = source.indexOf('\n', start) + 1;
  const format = node.type === 'yaml' ? 'yaml' : 'toml';
  const base: FrontMatter = { format, data: {}, node, contentOffset };
  const openingLine = (node.position?.start.line ?? 1) + 1;
  if (format === 'toml') {
    try {
      return { ...base, data: asRecord(parseToml(node.value)) };
    } catch (error) {
      const e = error as { line?: number; column?: number; message: string };
      const message = e.message.split('\n')[0] ?? 'invalid TOML';
      return { ...base, error: { message, line: openingLine + (e.line ?? 1) - 1, column: e.column ?? 1 } };
    }
  }
  const yaml = YAML.parseDocument(node.value, { prettyErrors: true, uniqueKeys: true });
  const problem = yaml.errors[0];
  if (problem) {
    const at = problem.linePos?.[0] ?? { line: 1, col: 1 };
    return {
      ...base,
      yaml,
      error: {
        message: yamlMessage(problem.message),
        line: openingLine + at.line - 1,
        column: at.col,
      },
    };
  }
  let data: Record<string, unknown> = {};
  try {
    data = asRecord(yaml.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    return { ...base, yaml, error: { message: (error as Error).message, line: openingLine, column: 1 } };
  }
  return { ...base, data, yaml };
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Source span [start, end) of a front-matter value, for YAML front matter. */
export function frontMatterValueSpan(
  fm: FrontMatter,
  path: (string | number)[],
): [number, number] | undefined {
  if (!fm.yaml) return undefined;
  const node = fm.yaml.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const range = node?.range;
  if (!range) return undefined;
  return [fm.contentOffset + range[0], fm.contentOffset + range[1]];
}

/** Parses one mdast html node; element positions are moved onto the file's lines and columns. */
function parseHtmlNode(node: Html, source: string, point: (offset: number) => Point): HtmlElement[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !node.value.includes('<')) return [];
  if (node.value.startsWith('<!--')) return [];
  let tree: HastRoot;
  try {
    tree = fromHtml(node.value, { fragment: true });
  } catch {
    return [];
  }
  const map = alignOffsets(node.value, source.slice(start, end), start);
  const out: HtmlElement[] = [];
  const stack: (HastRoot | Element)[] = [tree];
  const moved: (Element | HastText)[] = [];
  while (stack.length > 0) {
    const parent = stack.pop() as HastRoot | Element;
    for (const child of parent.children) {
      if (child.type === 'element') {
        out.push({ element: child, htmlNode: node });
        moved.push(child);
        stack.push(child);
      } else if (child.type === 'text') {
        moved.push(child);
      }
    }
  }
  for (const n of moved) {
    if (n.position) {
      n.position = {
        start: point(map(n.position.start.offset ?? 0)),
        end: point(map(n.position.end.offset ?? 0)),
      };
    }
  }
  out.sort((a, b) => (a.element.position?.start.offset ?? 0) - (b.element.position?.start.offset ?? 0));
  return out;
}

function buildProse(doc: Document): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const { source } = doc;
  const inQuote = (node: Node) => doc.ancestors(node).some((a) => a.type === 'blockquote');

  const containers = [...doc.nodes('paragraph'), ...doc.nodes('heading'), ...doc.nodes('tableCell')];
  for (const container of containers) {
    const builder = new ProseBuilder();
    collectInline(container as Parent, source, builder);
    const block = builder.finish(
      container.type === 'heading' ? 'heading' : container.type === 'tableCell' ? 'tableCell' : 'paragraph',
      container,
      inQuote(container),
    );
    if (block) blocks.push(block);
  }

  for (const image of doc.nodes<Image>('image')) {
    const alt = image.alt ?? '';
    const start = image.position?.start.offset;
    if (!alt.trim() || start === undefined) continue;
    const altStart = start + 2;
    const altSource = source.slice(altStart, image.position?.end.offset ?? altStart);
    const map = alignOffsets(alt, altSource, altStart);
    blocks.push({ text: alt, kind: 'alt', node: image, inQuote: inQuote(image), sourceOffset: map });
  }

  for (const { element } of doc.htmlElements) {
    if (SKIPPED_HTML_TAGS.has(element.tagName)) continue;
    const quoted = element.tagName === 'blockquote' || element.tagName === 'q';
    for (const child of element.children) {
      if (child.type !== 'text' || !child.value.trim() || !child.position) continue;
      const from = child.position.start.offset ?? 0;
      const to = child.position.end.offset ?? from;
      const map = alignOffsets(child.value, source.slice(from, to), from);
      blocks.push({ text: child.value, kind: 'html', node: element, inQuote: quoted, sourceOffset: map });
    }
    const alt = element.tagName === 'img' ? element.properties?.alt : undefined;
    if (typeof alt === 'string' && alt.trim() && element.position) {
      const from = element.position.start.offset ?? 0;
      const tag = source.slice(from, element.position.end.offset ?? from);
      const at = tag.indexOf(alt);
      if (at !== -1) {
        const map = alignOffsets(alt, alt, from + at);
        blocks.push({ text: alt, kind: 'alt', node: element, inQuote: false, sourceOffset: map });
      }
    }
  }

  const fm = doc.frontMatter;
  if (fm?.yaml && !fm.error) {
    for (const field of PROSE_FRONT_MATTER_FIELDS) {
      const value = fm.data[field];
      const span = frontMatterValueSpan(fm, [field]);
      if (typeof value !== 'string' || !span || !value.trim()) continue;
      const map = alignOffsets(value, source.slice(span[0], span[1]), span[0]);
      blocks.push({
        text: value,
        kind: 'frontMatter',
        node: fm.node,
        inQuote: false,
        field,
        sourceOffset: map,
      });
    }
  }

  blocks.sort((a, b) => a.sourceOffset(0) - b.sourceOffset(0));
  return blocks;
}

/** Accumulates prose text and the source offset of each character. */
class ProseBuilder {
  private parts: string[] = [];
  private maps: { from: number; length: number; map: OffsetMap }[] = [];
  private length = 0;

  add(text: string, map: OffsetMap): void {
    if (!text) return;
    this.parts.push(text);
    this.maps.push({ from: this.length, length: text.length, map });
    this.length += text.length;
  }

  gap(at: number): void {
    this.add(PROSE_GAP, () => at);
  }

  finish(kind: ProseKind, node: Node, inQuote: boolean): ProseBlock | undefined {
    const text = this.parts.join('');
    if (!text.trim()) return undefined;
    const maps = this.maps;
    const end = node.position?.end.offset ?? 0;
    const sourceOffset = (i: number): number => {
      if (i >= text.length) {
        const last = maps[maps.length - 1];
        return last ? last.map(last.length) : end;
      }
      let lo = 0;
      let hi = maps.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((maps[mid] as (typeof maps)[number]).from <= i) lo = mid;
        else hi = mid - 1;
      }
      const m = maps[lo] as (typeof maps)[number];
      return m.map(i - m.from);
    };
    return { text, kind, node, inQuote, sourceOffset };
  }
}

/** Walks the inline content of a container (iteratively) into a prose builder. */
function collectInline(container: Parent, source: string, out: ProseBuilder): void {
  const stack: Node[] = [...container.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'text':
        out.add(node.value, alignOffsets(node.value, source.slice(start, end), start));
        break;
      case 'break':
        out.add('\n', () => start);
        break;
      case 'link': {
        // A bare URL or email (autolink) is not prose.
        const text = mdastToString(node);
        if (isUrlLike(text, node.url)) out.gap(start);
        else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
        break;
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
        out.gap(start);
        break;
      default:
        break;
    }
  }
}

function isUrlLike(text: string, url: string): boolean {
  const t = text.trim();
  return (
    t === url || `mailto:${t}` === url || /^(https?:\/\/|www\.)\S+$/i.test(t) || /^\S+@\S+\.\w+$/.test(t)
  );
}
