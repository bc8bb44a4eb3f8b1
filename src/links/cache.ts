import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { LinkResult } from './check.js';

export const CACHE_FORMAT = 'content-gate-link-cache';
const HOUR = 3_600_000;
/** Scans kept in the cache for the tracking issue's chart. */
export const SCANS_KEPT = 24;

const resultSchema = z.object({
  url: z.string(),
  state: z.enum(['ok', 'broken', 'blocked', 'missing', 'unverifiable', 'refused']),
  status: z.number().optional(),
  reason: z.string(),
  permanentTarget: z.string().optional(),
  httpsUpgrade: z.string().optional(),
  checkedAt: z.number(),
});

const historySchema = z.object({
  /** First failure of the current run of failures (epoch ms). */
  firstFailure: z.number().optional(),
  lastFailure: z.number().optional(),
  /** The last failure that counted towards `consecutive` (failures closer than rotMinHours do not). */
  lastCounted: z.number().optional(),
  consecutive: z.number().int().min(0),
});

const scanSchema = z.object({ at: z.number(), checked: z.number(), failing: z.number(), rotten: z.number() });

const cacheSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ result: resultSchema, history: historySchema.optional() })),
  scans: z.array(scanSchema).default([]),
});

export type RotHistory = z.infer<typeof historySchema>;
export type ScanRecord = z.infer<typeof scanSchema>;
export type CacheData = z.infer<typeof cacheSchema>;
export interface Ttl {
  ok: number;
  failure: number;
}

export interface LoadedCache {
  data: CacheData;
  /** False when the file belongs to something else: it is then left alone. */
  writable: boolean;
}

/** Where a config keeps its link cache: `links.cacheFile`, relative to the config's folder. */
export function cachePathOf(config: { baseDir: string; links: { cacheFile: string } }): string {
  return resolve(config.baseDir, config.links.cacheFile);
}

export function emptyCache(): CacheData {
  return { format: CACHE_FORMAT, version: 1, entries: {}, scans: [] };
}

/**
 * Reads the cache. A missing file gives an empty cache; a damaged one is ignored with a warning
 * (and replaced on save); a file that is not a Content Gate link cache is ignored and never
 * overwritten, in case `links.cacheFile` points at someone else's data by mistake.
 */
export function loadCache(path: string, shown: string, warn: (message: string) => void): LoadedCache {
  if (!existsSync(path)) return { data: emptyCache(), writable: true };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    warn(
      `The link cache ${shown} is damaged (${(error as Error).message}); every link is checked afresh and the file is rewritten.`,
    );
    return { data: emptyCache(), writable: true };
  }
  const isOurs =
    typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === CACHE_FORMAT;
  if (!isOurs) {
    warn(
      `${shown} is not a Content Gate link cache, so it is not used or overwritten. Point "links.cacheFile" at a file of its own.`,
    );
    return { data: emptyCache(), writable: false };
  }
  const parsed = cacheSchema.safeParse(raw);
  if (!parsed.success) {
    warn(
      `The link cache ${shown} has an unknown layout (${parsed.error.issues[0]?.message}); every link is checked afresh and the file is rewritten.`,
    );
    return { data: emptyCache(), writable: true };
  }
  return { data: parsed.data, writable: true };
}

/** Writes through a temporary file, so an interrupted run never leaves half a cache. */
export async function saveCache(path: string, data: CacheData): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(data)}\n`);
  await rename(temporary, path);
}

export function ttlOf(value: number | { ok: number; failure: number }): Ttl {
  return typeof value === 'number' ? { ok: value, failure: Math.min(value, 1) } : value;
}

/** A cached result still good enough to reuse: working links for `ttl.ok` hours, failures for `ttl.failure`. */
export function isFresh(result: LinkResult, ttl: Ttl, now: number): boolean {
  const hours = result.state === 'ok' ? ttl.ok : ttl.failure;
  return now - result.checkedAt < hours * HOUR;
}

/** Failures that count towards rot: the link itself is gone, not merely unreachable for a robot. */
export function isFailure(result: LinkResult): boolean {
  return result.state === 'broken' || result.state === 'missing';
}

/**
 * The per-URL history after one link-rot scan. A failure counts only when at least `minHours`
 * passed since the last counted one, so two scans on one flaky night count once.
 */
export function nextHistory(
  previous: RotHistory | undefined,
  result: LinkResult,
  now: number,
  minHours: number,
): RotHistory {
  if (!isFailure(result)) return { consecutive: 0 };
  const history: RotHistory = { ...(previous ?? { consecutive: 0 }) };
  history.firstFailure ??= now;
  history.lastFailure = now;
  if (history.lastCounted === undefined || now - history.lastCounted >= minHours * HOUR) {
    history.consecutive += 1;
    history.lastCounted = now;
  }
  return history;
}

export function isRotten(history: RotHistory | undefined, rotAfter: number): boolean {
  return (history?.consecutive ?? 0) >= rotAfter;
}

export function addScan(data: CacheData, scan: ScanRecord): void {
  data.scans = [...data.scans, scan].slice(-SCANS_KEPT);
}
