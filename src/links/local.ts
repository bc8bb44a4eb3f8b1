import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { Document } from '../core/document.js';
import { nearest } from '../core/nearest.js';
import { isInside, realPath } from '../core/paths.js';

/** What a link target is, before anything is checked. */
export type Target =
  | { type: 'external'; url: string }
  | { type: 'mailto' | 'tel'; value: string }
  | { type: 'fragment'; fragment: string }
  | { type: 'local'; path: string; fragment?: string }
  | { type: 'ignored' };

/** Template syntax (Liquid, Hugo, Nunjucks) is resolved by the site generator, not here. */
const TEMPLATE = /\{\{|\{%|\}\}/;

export function classifyTarget(url: string): Target {
  const trimmed = url.trim();
  if (!trimmed || TEMPLATE.test(trimmed)) return { type: 'ignored' };
  if (trimmed.startsWith('//')) return external(`https:${trimmed}`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return external(trimmed);
  if (scheme === 'mailto' || scheme === 'tel')
    return { type: scheme, value: trimmed.slice(scheme.length + 1) };
  if (scheme) return { type: 'ignored' };
  const hash = trimmed.indexOf('#');
  const beforeHash = hash === -1 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash === -1 ? undefined : trimmed.slice(hash + 1);
  const path = beforeHash.replace(/\?.*$/, '');
  if (!path) return fragment === undefined ? { type: 'ignored' } : { type: 'fragment', fragment };
  return fragment === undefined ? { type: 'local', path } : { type: 'local', path, fragment };
}

function external(url: string): Target {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return { type: 'external', url: parsed.href };
  } catch {
    return { type: 'external', url };
  }
}

const EMAIL = /^[^@\s,;<>()[\]]+@[^@\s,;<>()[\]]+\.[^@\s,;<>()[\].]{2,}$/;

/** A problem with a `mailto:` or `tel:` target's syntax, or undefined when it is well formed. */
export function contactSyntaxProblem(type: 'mailto' | 'tel', value: string): string | undefined {
  const decoded = safeDecode(value);
  if (type === 'mailto') {
    const addresses =
      decoded
        .split('?')[0]
        ?.split(',')
        .map((a) => a.trim()) ?? [];
    const bad = addresses.find((a) => !EMAIL.test(a));
    if (addresses.length === 0 || bad !== undefined) {
      return `the email address "${bad ?? decoded}" is not valid`;
    }
    return undefined;
  }
  const digits = decoded.replace(/[^0-9]/g, '');
  if (!/^\+?[0-9()\-.\s/]+$/.test(decoded.trim()) || digits.length < 3) {
    return `the phone number "${decoded}" is not valid (use digits, spaces, dashes and a leading +)`;
  }
  return undefined;
}

/** Lexically inside `root` (no file system access). */
function within(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export type Resolution =
  | { ok: true; file: string }
  | {
      ok: false;
      problem: 'missing' | 'case' | 'no-index' | 'outside';
      suggestion?: string;
      shown: string;
    };

const INDEX_FILES = ['index.md', 'index.markdown', 'index.html', 'index.htm', 'README.md', 'readme.md'];
const MARKDOWN = /\.(md|markdown)$/i;
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.content-gate']);

/**
 * Resolves local link targets against the files on disk, case-sensitively (the site is served
 * from a case-sensitive host), with routes a site generator makes from Markdown files (Jekyll
 * posts and permalinks, `page.html` from `page.md`). Directory listings and parsed anchors are
 * kept for the run only.
 */
export class LocalResolver {
  private readonly listings = new Map<string, Set<string> | null>();
  private readonly anchorsByFile = new Map<string, Set<string>>();
  private routes: Map<string, string> | undefined;
  private readonly permalinks = new Map<string, string>();
  /** The repository with symbolic links followed: nothing outside it is listed or read. */
  private readonly realRoot: string;

  constructor(
    readonly siteRoot: string,
    private readonly cwd: string,
    private readonly root: string = cwd,
  ) {
    this.realRoot = realPath(root);
  }

  /** Anchors (and permalink) of a post in this run, as collected when it was checked. */
  addFile(path: string, anchors: readonly string[], permalink?: string): void {
    this.anchorsByFile.set(path, new Set(anchors));
    if (permalink !== undefined) this.permalinks.set(routeKey(permalink), path);
  }

  /** Resolves `path` (the part of a link before `?` and `#`) written in `fromFile` (absolute). */
  resolve(fromFile: string, path: string): Resolution {
    const rootRelative = path.startsWith('/');
    const base = rootRelative ? this.siteRoot : dirname(fromFile);
    const segments = path.split('/');
    const target = join(base, safeDecode(path));
    // A target outside the site is never opened or listed: it may be anywhere on the runner.
    const bound = within(this.siteRoot, fromFile) ? this.siteRoot : this.root;
    if (!within(bound, target)) return { ok: false, problem: 'outside', shown: path };
    let current = base;
    let caseFixed = false;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        current = dirname(current);
        continue;
      }
      const name = safeDecode(segment);
      const entries = this.list(current);
      if (entries?.has(name)) {
        current = join(current, name);
        continue;
      }
      const other = entries && [...entries].find((e) => e.toLowerCase() === name.toLowerCase());
      if (other) {
        segments[i] = encodeSegment(other);
        caseFixed = true;
        current = join(current, other);
        continue;
      }
      const routed = this.route(target);
      if (routed) return { ok: true, file: routed };
      const isLast = segments.slice(i + 1).every((s) => s === '' || s === '.');
      const close = isLast && entries ? nearest(name, entries) : undefined;
      const suggestion = close
        ? [...segments.slice(0, i), encodeSegment(close), ...segments.slice(i + 1)].join('/')
        : undefined;
      return {
        ok: false,
        problem: 'missing',
        shown: this.shown(target),
        ...(suggestion ? { suggestion } : {}),
      };
    }
    if (caseFixed) {
      return { ok: false, problem: 'case', suggestion: segments.join('/'), shown: this.shown(current) };
    }
    if (this.list(current)) {
      const entries = this.list(current) as Set<string>;
      const index = INDEX_FILES.find((f) => entries.has(f));
      if (index) return { ok: true, file: join(current, index) };
      const routed = this.route(current);
      if (routed) return { ok: true, file: routed };
      return { ok: false, problem: 'no-index', shown: this.shown(current) };
    }
    return { ok: true, file: current };
  }

  /** The anchors a file offers, or undefined when its kind has none Content Gate can read. */
  anchors(file: string): Set<string> | undefined {
    const known = this.anchorsByFile.get(file);
    if (known) return known;
    let anchors: Set<string> | undefined;
    if (!isInside(this.realRoot, file)) return undefined;
    try {
      if (MARKDOWN.test(file)) {
        anchors = anchorsOf(new Document(relative(this.cwd, file), file, readFileSync(file, 'utf8')));
      } else if (/\.html?$/i.test(file)) {
        anchors = htmlAnchors(readFileSync(file, 'utf8'));
      }
    } catch {
      return undefined;
    }
    if (anchors) this.anchorsByFile.set(file, anchors);
    return anchors;
  }

  shown(absolute: string): string {
    return relative(this.cwd, absolute).split(sep).join('/') || '.';
  }

  private list(dir: string): Set<string> | null {
    let entries = this.listings.get(dir);
    if (entries === undefined) {
      try {
        entries =
          isInside(this.realRoot, dir) && statSync(dir).isDirectory() ? new Set(readdirSync(dir)) : null;
      } catch {
        entries = null;
      }
      this.listings.set(dir, entries);
    }
    return entries;
  }

  /** The Markdown file a generated page's address comes from, if any. */
  private route(absolute: string): string | undefined {
    const relativeToRoot = relative(this.siteRoot, absolute).split(sep).join('/');
    if (relativeToRoot.startsWith('..')) return undefined;
    const key = routeKey(`/${relativeToRoot}`);
    const permalink = this.permalinks.get(key);
    if (permalink) return permalink;
    this.routes ??= this.buildRoutes();
    return this.routes.get(key);
  }

  private buildRoutes(): Map<string, string> {
    const routes = new Map<string, string>();
    const walk = (dir: string, depth: number): void => {
      if (depth > 12) return;
      for (const name of this.list(dir) ?? []) {
        if (ALWAYS_SKIPPED_DIRS.has(name)) continue;
        const path = join(dir, name);
        if (this.list(path)) walk(path, depth + 1);
        else if (MARKDOWN.test(name))
          for (const route of routesOf(relative(this.siteRoot, path).split(sep).join('/')))
            routes.set(route, path);
      }
    };
    walk(this.siteRoot, 0);
    return routes;
  }
}

/** Addresses a site generator commonly gives a Markdown file (the file's own path, Jekyll posts). */
export function routesOf(relativePath: string): string[] {
  const withoutExtension = relativePath.replace(MARKDOWN, '');
  const routes = [routeKey(`/${withoutExtension}`)];
  const post = /(?:^|\/)_posts\/(?:.*\/)?(\d{4})-(\d{2})-(\d{2})-([^/]+)$/.exec(withoutExtension);
  if (post) {
    const [, year, month, day, slug] = post;
    routes.push(routeKey(`/${slug}`), routeKey(`/${year}/${month}/${day}/${slug}`));
  }
  return routes;
}

/** One form for addresses that name the same page: no trailing slash, index or `.html`. */
export function routeKey(path: string): string {
  const key = path
    .replace(/[?#].*$/, '')
    .replace(/\/index(\.html?)?$/i, '')
    .replace(/\.html?$/i, '')
    .replace(/\/+$/, '');
  return key.startsWith('/') ? key : `/${key}`;
}

function encodeSegment(name: string): string {
  return encodeURIComponent(name).replace(/%2B/g, '+').replace(/%40/g, '@');
}

/**
 * Anchors of a post as GitHub renders it: heading slugs (duplicates numbered), explicit `{#id}`
 * heading ids, and HTML `id` and `<a name>` attributes.
 */
export function anchorsOf(doc: Document): Set<string> {
  const anchors = new Set<string>();
  const slugger = new GithubSlugger();
  for (const heading of doc.nodes<Heading>('heading')) {
    const text = doc.textOf(heading);
    const explicit = /\s*\{#([^\s}]+)\}\s*$/.exec(text);
    if (explicit?.[1]) anchors.add(explicit[1]);
    anchors.add(slugger.slug(explicit ? text.slice(0, explicit.index) : text));
  }
  for (const { element } of doc.htmlElements) {
    const id = element.properties?.id;
    if (typeof id === 'string' && id) anchors.add(id);
    const name = element.tagName === 'a' ? element.properties?.name : undefined;
    if (typeof name === 'string' && name) anchors.add(name);
  }
  return anchors;
}

function htmlAnchors(html: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
    anchors.add(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return anchors;
}

/** Fragments that need no anchor: the top of the page. */
export function isTopFragment(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top';
}

/** The anchor most like a missing one. */
export function nearestAnchor(fragment: string, anchors: Iterable<string>): string | undefined {
  const lower = fragment.toLowerCase();
  for (const a of anchors) if (a.toLowerCase() === lower) return a;
  return nearest(fragment, anchors);
}
