import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Document } from '../core/document.js';
import { optionsOf } from '../core/options.js';
import { isInside } from '../core/paths.js';
import type { RunContext } from '../core/rule.js';
import {
  addScan,
  type CacheData,
  cachePathOf,
  emptyCache,
  isFailure,
  isFresh,
  isRotten,
  loadCache,
  nextHistory,
  type RotHistory,
  saveCache,
  ttlOf,
} from './cache.js';
import { LinkChecker, type LinkResult } from './check.js';
import { type ExtractedLink, extractLinks } from './extract.js';
import {
  anchorsOf,
  classifyTarget,
  contactSyntaxProblem,
  isTopFragment,
  LocalResolver,
  nearestAnchor,
  type Resolution,
  safeDecode,
} from './local.js';
import { externalOptionsSchema } from './options.js';
import { compileSkip } from './skip.js';

export const EXTERNAL_RULES = ['links/broken', 'links/redirect', 'links/insecure'] as const;

/**
 * What the link check needs of one checked file, as plain data: it comes back from worker threads
 * and is kept in the findings cache, so an unchanged file is not parsed again.
 */
export interface FileLinks {
  /** Absolute path of the file. */
  path: string;
  anchors: string[];
  permalink?: string;
  links: ExtractedLink[];
}

export function fileLinksOf(doc: Document): FileLinks {
  const permalink = doc.frontMatter?.data.permalink;
  return {
    path: doc.path,
    anchors: [...anchorsOf(doc)],
    ...(typeof permalink === 'string' ? { permalink } : {}),
    links: extractLinks(doc),
  };
}

/** A link in a checked file. */
export interface Occurrence {
  file: string;
  link: ExtractedLink;
}

export type LinkProblem =
  | { kind: 'missing-file'; at: Occurrence; resolution: Extract<Resolution, { ok: false }> }
  | { kind: 'missing-anchor'; at: Occurrence; fragment: string; target: string; suggestion?: string }
  | { kind: 'contact'; at: Occurrence; problem: string }
  | {
      kind: 'external';
      at: Occurrence;
      result: LinkResult;
      fragment?: string;
      history?: RotHistory;
      rotten: boolean;
    };

/** Numbers about the external check of one run, for progress and the benchmark. */
export interface ExternalStats {
  uniqueUrls: number;
  fromCache: number;
  checked: number;
  requests: number;
  skipped: number;
}

const DAY = 86_400_000;
/** Cache entries older than this, with no failure history, are dropped on save. */
const CACHE_KEEP_MS = 90 * DAY;

/**
 * The link check of one run: every checked file's links and anchors (`FileLinks`), then one local
 * and one external check, each URL requested once, whose problems the links rule reports under
 * its five ids.
 */
export class LinkSession {
  private readonly occurrences: Occurrence[] = [];
  private readonly paths = new Map<string, string>();
  private readonly resolver: LocalResolver;
  private problemsPromise: Promise<LinkProblem[]> | undefined;
  stats: ExternalStats = { uniqueUrls: 0, fromCache: 0, checked: 0, requests: 0, skipped: 0 };

  constructor(private readonly run: RunContext) {
    const { config } = run;
    this.resolver = new LocalResolver(resolve(config.baseDir, config.siteRoot), run.cwd, run.root);
  }

  add(file: string, data: FileLinks): void {
    this.paths.set(file, data.path);
    this.resolver.addFile(data.path, data.anchors, data.permalink);
    for (const link of data.links) this.occurrences.push({ file, link });
  }

  problems(): Promise<LinkProblem[]> {
    this.problemsPromise ??= this.findProblems();
    return this.problemsPromise;
  }

  private async findProblems(): Promise<LinkProblem[]> {
    const skip = compileSkip(this.run.config.links.skip);
    const problems: LinkProblem[] = [];
    const external = new Map<string, { at: Occurrence; fragment?: string }[]>();
    for (const at of this.occurrences) {
      if (skip(at.link.url)) continue;
      const target = classifyTarget(at.link.url);
      if (target.type === 'external') {
        const list = external.get(target.url) ?? [];
        const hash = at.link.url.indexOf('#');
        list.push(hash === -1 ? { at } : { at, fragment: at.link.url.slice(hash) });
        external.set(target.url, list);
      } else if (target.type === 'mailto' || target.type === 'tel') {
        const problem = contactSyntaxProblem(target.type, target.value);
        if (problem) problems.push({ kind: 'contact', at, problem });
      } else if (target.type === 'fragment' || target.type === 'local') {
        const problem = this.checkLocal(at, target);
        if (problem) problems.push(problem);
      }
    }
    const wantsExternal = EXTERNAL_RULES.some((id) => this.run.isEnabled(id));
    if (!this.run.offline && wantsExternal && external.size > 0) {
      problems.push(...(await this.checkExternal(external)));
    }
    return problems;
  }

  private checkLocal(
    at: Occurrence,
    target: { type: 'fragment'; fragment: string } | { type: 'local'; path: string; fragment?: string },
  ): LinkProblem | undefined {
    const from = this.paths.get(at.file) as string;
    let file = from;
    if (target.type === 'local') {
      const resolution = this.resolver.resolve(from, target.path);
      if (!resolution.ok) {
        // The resolver suggests a path; keep the link's own query and fragment after it.
        const rest = at.link.url.slice(at.link.url.search(/[?#]|$/));
        const suggestion =
          resolution.suggestion === undefined ? {} : { suggestion: resolution.suggestion + rest };
        return { kind: 'missing-file', at, resolution: { ...resolution, ...suggestion } };
      }
      file = resolution.file;
    }
    const fragment = target.fragment === undefined ? undefined : safeDecode(target.fragment);
    if (fragment === undefined || isTopFragment(fragment)) return undefined;
    const anchors = this.resolver.anchors(file);
    if (!anchors || anchors.has(fragment)) return undefined;
    const close = nearestAnchor(fragment, anchors);
    const url = at.link.url;
    const suggestion = close ? `${url.slice(0, url.indexOf('#') + 1)}${close}` : undefined;
    return {
      kind: 'missing-anchor',
      at,
      fragment,
      target: file === from ? '' : this.resolver.shown(file),
      ...(suggestion ? { suggestion } : {}),
    };
  }

  private extraCa(caFile: string | undefined): { extraCa?: string } {
    if (!caFile) return {};
    const path = resolve(this.run.config.baseDir, caFile);
    if (!isInside(this.run.root ?? this.run.cwd, path)) {
      this.run.warn(
        `The certificate file ${caFile} is outside the repository, so it is not read; only the usual authorities are trusted.`,
      );
      return {};
    }
    try {
      return { extraCa: readFileSync(path, 'utf8') };
    } catch (error) {
      this.run.warn(
        `The certificate file ${caFile} could not be read (${(error as Error).message}); only the usual authorities are trusted.`,
      );
      return {};
    }
  }

  private async checkExternal(
    byUrl: Map<string, { at: Occurrence; fragment?: string }[]>,
  ): Promise<LinkProblem[]> {
    const { config, mode } = this.run;
    const links = config.links;
    const cachePath = cachePathOf(config);
    const cache = loadCache(cachePath, links.cacheFile, (m) => this.run.warn(m));
    const data: CacheData = cache.data ?? emptyCache();
    const ttl = ttlOf(links.cacheTtl);
    const options = optionsOf(externalOptionsSchema, this.run.options('links/broken'));
    const progress = progressWriter();
    const checker = new LinkChecker({
      timeout: links.timeout,
      concurrency: links.concurrency,
      perHostConcurrency: links.perHostConcurrency,
      retries: links.retries,
      allowPrivate: links.allowPrivate,
      githubToken: options.githubToken ?? process.env.GITHUB_TOKEN,
      backoffMs: options.retryBackoffMs,
      maxRetryAfterMs: options.maxRetryAfterSeconds * 1000,
      ...(options.githubHosts ? { githubHosts: options.githubHosts } : {}),
      ...(options.oembed ? { oembed: options.oembed } : {}),
      onProgress: progress,
      checkHttpsUpgrade: this.run.isEnabled('links/insecure'),
      ...this.extraCa(options.caFile),
    });
    const now = Date.now();
    const results = new Map<string, LinkResult>();
    let fromCache = 0;
    try {
      await Promise.all(
        [...byUrl.keys()].map(async (url) => {
          const cached = data.entries[url]?.result;
          if (mode !== 'link-rot' && cached && isFresh(cached, ttl, now)) {
            fromCache++;
            results.set(url, cached);
            return;
          }
          results.set(url, await checker.check(url));
        }),
      );
    } finally {
      checker.close();
      progress?.(-1, -1);
    }

    let failing = 0;
    let rottenCount = 0;
    const problems: LinkProblem[] = [];
    for (const [url, result] of results) {
      const previous = data.entries[url]?.history;
      const history = mode === 'link-rot' ? nextHistory(previous, result, now, links.rotMinHours) : previous;
      const rotten = isRotten(history, links.rotAfter);
      if (isFailure(result)) failing++;
      if (rotten && isFailure(result)) rottenCount++;
      data.entries[url] = history ? { result, history } : { result };
      for (const { at, fragment } of byUrl.get(url) ?? []) {
        problems.push({
          kind: 'external',
          at,
          result,
          rotten,
          ...(fragment ? { fragment } : {}),
          ...(history ? { history } : {}),
        });
      }
    }
    // Results from this run's checker carry every request it sent; count them for the stats.
    const requests = [...checker.requestsSent.values()].reduce((a, b) => a + b, 0);
    this.stats = { uniqueUrls: byUrl.size, fromCache, checked: byUrl.size - fromCache, requests, skipped: 0 };
    if (mode === 'link-rot') addScan(data, { at: now, checked: results.size, failing, rotten: rottenCount });
    if (cache.writable) {
      pruneCache(data, now);
      try {
        await saveCache(cachePath, data);
      } catch (error) {
        this.run.warn(`The link cache ${links.cacheFile} could not be saved (${(error as Error).message}).`);
      }
    }
    return problems;
  }
}

function pruneCache(data: CacheData, now: number): void {
  for (const [url, entry] of Object.entries(data.entries)) {
    const failing = (entry.history?.consecutive ?? 0) > 0;
    if (!failing && now - entry.result.checkedAt > CACHE_KEEP_MS) delete data.entries[url];
  }
}

/** `links 120/480` on a terminal, rewritten in place; nothing when output is a log or a pipe. */
function progressWriter(): ((done: number, total: number) => void) | undefined {
  const stream = process.stderr;
  if (!stream.isTTY || process.env.CI || process.env.VITEST) return undefined;
  let last = 0;
  return (done, total) => {
    if (done < 0) {
      if (last > 0) stream.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    stream.write(`\rlinks ${done}/${total}`);
  };
}
