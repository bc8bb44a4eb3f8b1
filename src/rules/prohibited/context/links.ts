import type { Definition, Link } from 'mdast';
import type { Document } from '../../../core/document.js';

/** A link target written in the post, with where it was written. */
export interface PostLink {
  url: string;
  /** Lower-case host name without a leading "www.", or "" for relative links. */
  host: string;
  /** Host and path, lower case, without scheme, "www.", query or fragment. */
  hostPath: string;
  /** The visible text ("" for a bare address). */
  text: string;
  /** True when the visible text is the address itself (a bare URL). */
  bare: boolean;
  start: number;
  end: number;
}

/** Every link of a post: Markdown links and bare URLs, reference definitions and HTML `<a href>`. */
export function linksOf(doc: Document): PostLink[] {
  const out: PostLink[] = [];
  for (const link of doc.nodes<Link>('link')) {
    const text = doc.textOf(link);
    push(out, link.url, text, isBare(text, link.url), link.position);
  }
  for (const definition of doc.nodes<Definition>('definition')) {
    push(out, definition.url, '', false, definition.position);
  }
  for (const { element } of doc.elements('a')) {
    const href = element.properties?.href;
    if (typeof href === 'string') push(out, href, '', false, element.position);
  }
  return out.sort((a, b) => a.start - b.start);
}

function push(
  out: PostLink[],
  url: string,
  text: string,
  bare: boolean,
  position: { start: { offset?: number }; end: { offset?: number } } | undefined,
): void {
  const start = position?.start.offset;
  const end = position?.end.offset;
  if (start === undefined || end === undefined) return;
  const { host, hostPath } = parseAddress(url);
  out.push({ url, host, hostPath, text, bare, start, end });
}

function isBare(text: string, url: string): boolean {
  const t = text.trim();
  return t === url || /^(?:https?:\/\/|www\.)\S+$/i.test(t);
}

/** Host and host+path of an address; relative addresses have no host. */
export function parseAddress(url: string): { host: string; hostPath: string } {
  const withScheme = /^www\./i.test(url) ? `http://${url}` : url;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(withScheme)) return { host: '', hostPath: '' };
  try {
    const parsed = new URL(withScheme);
    const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
    const path = parsed.pathname.replace(/\/+$/, '');
    return { host, hostPath: `${host}${path}`.toLowerCase() };
  } catch {
    return { host: '', hostPath: '' };
  }
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostIs(host: string, domain: string): boolean {
  const d = domain.toLowerCase().replace(/^www\./, '');
  return host === d || host.endsWith(`.${d}`);
}
