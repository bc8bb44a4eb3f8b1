/**
 * Readable text and link targets of blocks near media and quotations: Markdown paragraphs and
 * the HTML written in a post.
 */

import type { Element, ElementContent } from 'hast';
import type { Definition, Html, Link, Nodes } from 'mdast';
import type { Node, Parent } from 'unist';
import type { Document, HtmlElement } from '../../core/document.js';

/** What a block says and which addresses it links to. */
export interface BlockText {
  text: string;
  links: string[];
}

export function definitionsOf(doc: Document): Map<string, Definition> {
  const map = new Map<string, Definition>();
  for (const def of doc.nodes<Definition>('definition')) {
    const key = normalizeLabel(def.identifier);
    if (!map.has(key)) map.set(key, def);
  }
  return map;
}

export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

const NESTED_BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell']);
const LINE_END: Node = { type: 'break' };

/**
 * Readable text and link targets of an inline container; images and the skipped nodes are left out.
 * A node without children (a code block or a rule inside a quotation) has no readable text.
 */
export function inlineText(doc: Document, container: Node, skip: readonly Node[]): BlockText {
  const parts: string[] = [];
  const links: string[] = [];
  // Read only when a reference link is met: most paragraphs have none.
  let definitions: Map<string, Definition> | undefined;
  const stack: Node[] = 'children' in container ? [...(container as Parent).children].reverse() : [];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (skip.includes(node)) {
      parts.push(' ');
      continue;
    }
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        parts.push(node.value);
        break;
      case 'break':
        parts.push('\n');
        break;
      case 'html':
        parts.push(node.value.replace(/<[^>]*>/g, ' '));
        for (const m of node.value.matchAll(/<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)/gi)) links.push(m[1] ?? '');
        break;
      case 'image':
      case 'imageReference':
        parts.push(' ');
        break;
      case 'link':
      case 'linkReference': {
        if (node.type === 'linkReference' && !definitions) definitions = definitionsOf(doc);
        const url = node.type === 'link' ? node.url : definitions?.get(normalizeLabel(node.identifier))?.url;
        if (url && doc.textOf(node).trim() && !containsOnlySkipped(node, skip)) links.push(url);
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
        break;
      }
      default:
        if (!('children' in node)) break;
        // Blocks nested in a quotation or a list item end with a line break, so their words stay apart.
        if (NESTED_BLOCKS.has(node.type)) stack.push(LINE_END);
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
    }
  }
  return { text: parts.join('').replace(/[ \t]+/g, ' '), links };
}

function containsOnlySkipped(link: Link | Parent, skip: readonly Node[]): boolean {
  return link.children.length > 0 && link.children.every((c) => skip.includes(c));
}

export const BLOCK_TAGS = new Set(['p', 'div', 'figure', 'section', 'li', 'td', 'th', 'blockquote', 'aside']);

/** Readable text and link targets of a hast element. */
export function elementText(element: Element | ElementContent): { text: string; links: string[] } {
  const parts: string[] = [];
  const links: string[] = [];
  const stack: ElementContent[] = [element as ElementContent];
  while (stack.length > 0) {
    const node = stack.pop() as ElementContent;
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      if (['script', 'style', 'template'].includes(node.tagName)) continue;
      if (node.tagName === 'a' && typeof node.properties.href === 'string') links.push(node.properties.href);
      if (node.tagName === 'br') parts.push('\n');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ElementContent);
      if (BLOCK_TAGS.has(node.tagName)) parts.push(' ');
    }
  }
  return { text: parts.join('').replace(/[ \t]+/g, ' '), links };
}

export function htmlNodeText(doc: Document, node: Html): { text: string; links: string[] } {
  const top = topElementsOf(doc, node);
  if (top.length === 0) return { text: node.value.replace(/<[^>]*>/g, ' '), links: [] };
  const texts = top.map(elementText);
  return { text: texts.map((t) => t.text).join(' '), links: texts.flatMap((t) => t.links) };
}

/** The outermost elements of one html node. */
function topElementsOf(doc: Document, node: Html): Element[] {
  const mine = doc.htmlElements.filter((e) => e.htmlNode === node).map((e) => e.element);
  const inner = new Set(mine.flatMap((e) => e.children.filter((c): c is Element => c.type === 'element')));
  return mine.filter((e) => !inner.has(e));
}

/** Parent of each HTML element, within its html node. */
export function htmlParents(elements: readonly HtmlElement[]): Map<Element, Element> {
  const parents = new Map<Element, Element>();
  for (const { element } of elements)
    for (const child of element.children) if (child.type === 'element') parents.set(child, element);
  return parents;
}

/**
 * Where each node sits among its siblings, built once per parent, so that looking at the blocks
 * after many images or quotations of a long post stays linear.
 */
export class SiblingIndex {
  private readonly positions = new Map<Parent, Map<Node, number>>();

  constructor(private readonly doc: Document) {}

  indexOf(node: Node): number {
    const parent = this.doc.parent(node);
    if (!parent) return -1;
    let map = this.positions.get(parent);
    if (!map) {
      map = new Map(parent.children.map((child, i): [Node, number] => [child, i]));
      this.positions.set(parent, map);
    }
    return map.get(node) ?? -1;
  }

  /** The siblings after `node`, nearest first. */
  *after(node: Node): Generator<Node> {
    const parent = this.doc.parent(node);
    const index = this.indexOf(node);
    if (!parent || index === -1) return;
    for (let i = index + 1; i < parent.children.length; i++) yield parent.children[i] as Node;
  }

  /** The sibling right before `node`. */
  before(node: Node): Node | undefined {
    const parent = this.doc.parent(node);
    const index = this.indexOf(node);
    return parent && index > 0 ? (parent.children[index - 1] as Node) : undefined;
  }
}
