import * as cache from '@actions/cache';
import type { Logger } from './github.js';

/** The folder the link cache and the findings cache live in (config `links.cacheFile` defaults there). */
export const CACHE_DIR = '.content-gate';
const PREFIX = 'content-gate-v1-';

/** What the action needs of @actions/cache (replaced in tests). */
export interface CacheStore {
  isFeatureAvailable(): boolean;
  restoreCache(paths: string[], primaryKey: string, restoreKeys?: string[]): Promise<string | undefined>;
  saveCache(paths: string[], key: string): Promise<number>;
}

const actionsCache: CacheStore = cache;

/**
 * Restores the newest saved `.content-gate/` folder, so consecutive runs reuse link results and
 * link-rot history instead of asking every host again. A cache failure never fails the run.
 */
export async function restoreRunCache(log: Logger, store: CacheStore = actionsCache): Promise<void> {
  if (!store.isFeatureAvailable()) return;
  try {
    const hit = await store.restoreCache([CACHE_DIR], `${PREFIX}${Date.now()}`, [PREFIX]);
    log.info(hit ? `Restored the Content Gate cache (${hit}).` : 'No Content Gate cache to restore yet.');
  } catch (error) {
    log.warning(`The Content Gate cache could not be restored: ${(error as Error).message}`);
  }
}

/** Saves `.content-gate/` under a new key (caches are immutable, so each run saves its own). */
export async function saveRunCache(
  log: Logger,
  runId: string | undefined,
  store: CacheStore = actionsCache,
): Promise<void> {
  if (!store.isFeatureAvailable()) return;
  try {
    await store.saveCache([CACHE_DIR], `${PREFIX}${runId ?? 'local'}-${Date.now()}`);
  } catch (error) {
    log.warning(`The Content Gate cache could not be saved: ${(error as Error).message}`);
  }
}
