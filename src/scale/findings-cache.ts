import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ResolvedConfig } from '../core/config.js';
import type { FileResult } from '../core/engine.js';

/** Bumped whenever the shape of a cached entry changes, so old caches are ignored. */
// 3: entries carry the links rule's collected data (links and anchors per file).
const CACHE_FORMAT = 3;

/** Where the CLI keeps the cache when `--cache` is given without another path. */
export const DEFAULT_FINDINGS_CACHE = '.content-gate/findings-cache.json';

interface CacheFile {
  format: number;
  key: string;
  files: Record<string, { hash: string; result: FileResult }>;
}

/** What makes cached findings valid: the tool, the rules and how they are configured. */
export interface CacheKeyParts {
  version: string;
  /** The configured severity of every rule id the tool knows (which rules ran, and how). */
  severities: Record<string, string>;
  config: ResolvedConfig;
  offline: boolean;
  mode: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One hash of everything besides a file's own text that per-file findings depend on: tool version,
 * rule set and severities, the config (without where it lives) and the word lists it names.
 */
export function findingsCacheKey(parts: CacheKeyParts): string {
  const { path: _path, baseDir, ...config } = parts.config;
  const wordLists = config.wordsFiles.map((file) => {
    const full = isAbsolute(file) ? file : resolve(baseDir, file);
    return existsSync(full) ? contentHash(readFileSync(full, 'utf8')) : 'missing';
  });
  return contentHash(
    stableJson({
      format: CACHE_FORMAT,
      version: parts.version,
      severities: parts.severities,
      config,
      wordLists,
      offline: parts.offline,
      mode: parts.mode,
    }),
  );
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Per-file findings of earlier runs, reused when a file's text, the config, the rules and the tool
 * version are all unchanged. Site-wide work (links) is never cached here: it reruns on the data the
 * rules collected, and links keep their own per-URL cache.
 */
export class FindingsCache {
  readonly path: string;
  readonly key: string;
  hits = 0;
  misses = 0;
  private readonly previous: CacheFile['files'];
  private readonly current: CacheFile['files'] = {};

  private constructor(path: string, key: string, previous: CacheFile['files']) {
    this.path = path;
    this.key = key;
    this.previous = previous;
  }

  /** Opens the cache at `path`; a missing, unreadable or outdated cache starts empty. */
  static open(path: string, key: string): FindingsCache {
    let previous: CacheFile['files'] = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
      if (parsed.format === CACHE_FORMAT && parsed.key === key && parsed.files) previous = parsed.files;
    } catch {
      // No cache yet, or a damaged one: start afresh.
    }
    return new FindingsCache(path, key, previous);
  }

  get(file: string, hash: string): FileResult | undefined {
    const entry = this.previous[file];
    if (entry?.hash === hash) {
      this.hits++;
      this.current[file] = entry;
      return entry.result;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, hash: string, result: FileResult): void {
    this.current[file] = { hash, result };
  }

  /**
   * Writes the entries of this run plus earlier ones whose files still exist (another shard's, or
   * files outside `--changed-since`), atomically so a killed run never leaves half a file.
   */
  save(cwd: string): void {
    const files: CacheFile['files'] = {};
    for (const [file, entry] of Object.entries(this.previous)) {
      if (!(file in this.current) && existsSync(resolve(cwd, file))) files[file] = entry;
    }
    Object.assign(files, this.current);
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(
      temporary,
      JSON.stringify({ format: CACHE_FORMAT, key: this.key, files } satisfies CacheFile),
    );
    renameSync(temporary, this.path);
  }
}

/**
 * What a GitHub workflow step needs to keep the findings cache with `@actions/cache`: the path to
 * save and restore, a key unique to this run (caches cannot be overwritten), and the prefixes that
 * restore the newest earlier cache of the same tool version.
 *
 * ```ts
 * const entry = findingsCacheEntry({ file, version: VERSION, scope: 'main', runId: process.env.GITHUB_RUN_ID });
 * await cache.restoreCache(entry.paths, entry.key, entry.restoreKeys);
 * const result = await run({ ...options, cacheFile: file });
 * await cache.saveCache(entry.paths, entry.key);
 * ```
 */
export function findingsCacheEntry(options: {
  file: string;
  version: string;
  /** Keeps caches apart, e.g. the branch or the shard (`main-shard-2`). */
  scope?: string;
  /** Makes the key unique per run, e.g. `GITHUB_RUN_ID` plus `GITHUB_RUN_ATTEMPT`. */
  runId?: string;
}): { paths: string[]; key: string; restoreKeys: string[] } {
  const prefix = `content-gate-findings-${options.version}-${options.scope ?? 'default'}-`;
  return {
    paths: [options.file],
    key: `${prefix}${options.runId ?? Date.now().toString(36)}`,
    restoreKeys: [prefix],
  };
}
