import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachePathOf, loadCache } from '../links/cache.js';
import type { RunResult } from '../pipeline/run.js';
import { type ApiIssue, type IssueApi, renderRotIssue, rotReportFrom, syncRotIssue } from './rot-issue.js';

/** Where messages about publishing go (the action's log). */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}

/** What the workflow run tells the action about itself (environment and event payload). */
export interface ActionContext {
  eventName: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  sha: string;
  apiUrl: string;
  serverUrl: string;
  workspace: string;
  tempDir: string;
  runId?: string;
  /** When the action started (ISO 8601): the check run's `started_at`. */
  startedAt?: string;
}

export function readContext(env: NodeJS.ProcessEnv): ActionContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch {
      payload = {};
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? env.TMPDIR ?? '/tmp',
    runId: env.GITHUB_RUN_ID,
    startedAt: new Date().toISOString(),
  };
}

export class GitHubError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(
      `${method} ${path} failed with ${status === 0 ? 'a network error' : `HTTP ${status}`}: ${summarize(body)}`,
    );
  }

  /** The token lacks a permission (a fork's read-only token, or a workflow without `checks: write`). */
  get forbidden(): boolean {
    return this.status === 403 || this.status === 404;
  }
}

function summarize(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: string };
    if (parsed.message) return parsed.message;
  } catch {}
  return body.slice(0, 200) || '(no body)';
}

export interface ApiOptions {
  token: string;
  baseUrl: string;
  log: Logger;
  /** Attempts after the first for a request that may be repeated. */
  retries?: number;
  /** First backoff delay; it doubles on each retry. */
  baseDelayMs?: number;
  /** The longest the client waits for a rate limit to reset before giving up. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);
/**
 * GitHub's secondary rate limit allows about 80 content-creating requests a minute and asks for a
 * pause between them: after the first few, writes are spaced this far apart.
 */
const WRITES_BEFORE_SPACING = 10;
const WRITE_SPACING_MS = 1000;
const TRANSIENT = new Set([500, 502, 503, 504]);

/**
 * A small GitHub REST client: retries transient failures of requests that are safe to repeat, with
 * exponential backoff, and waits out rate limits (`retry-after`, `x-ratelimit-remaining` / `-reset`).
 * A POST that may have been applied (5xx) is not repeated, so nothing is created twice.
 */
export class GitHubApi {
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Epoch ms before which no request is sent (the primary rate limit ran out). */
  private resumeAt = 0;
  private writes = 0;
  private lastWriteAt = 0;

  constructor(private readonly options: ApiOptions) {
    this.retries = options.retries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const url = /^https?:/.test(path) ? path : `${this.options.baseUrl}${path}`;
    for (let attempt = 0; ; attempt++) {
      await this.waitForReset();
      if (method !== 'GET') await this.spaceWrites();
      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            accept: 'application/vnd.github+json',
            'x-github-api-version': '2022-11-28',
            'user-agent': 'content-gate',
            ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (error) {
        if (IDEMPOTENT.has(method) && attempt < this.retries) {
          await this.backoff(method, path, attempt, `a network error (${(error as Error).message})`);
          continue;
        }
        throw new GitHubError(method, path, 0, (error as Error).message);
      }
      this.noteRateLimit(response.headers);
      const text = await response.text();
      if (response.ok) {
        return {
          status: response.status,
          headers: response.headers,
          data: (text ? JSON.parse(text) : null) as T,
        };
      }
      const wait = this.rateLimitWait(response, text);
      if (wait !== undefined && attempt < this.retries) {
        if (wait > this.maxWaitMs) throw new GitHubError(method, path, response.status, text);
        this.options.log.info(
          `GitHub rate limit reached on ${method} ${path}; waiting ${Math.ceil(wait / 1000)} s before retrying.`,
        );
        await this.sleep(wait);
        this.resumeAt = 0;
        continue;
      }
      if (TRANSIENT.has(response.status) && IDEMPOTENT.has(method) && attempt < this.retries) {
        await this.backoff(method, path, attempt, `HTTP ${response.status}`);
        continue;
      }
      throw new GitHubError(method, path, response.status, text);
    }
  }

  /** Every item of a list endpoint, following `Link: rel="next"` (at most `maxPages` pages). */
  async paginate<T>(path: string, maxPages = 30): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    for (let page = 0; next && page < maxPages; page++) {
      const response: ApiResponse<T[]> = await this.request<T[]>('GET', next);
      items.push(...response.data);
      next = nextLink(response.headers.get('link'));
    }
    return items;
  }

  private async backoff(method: string, path: string, attempt: number, why: string): Promise<void> {
    const delay = this.baseDelayMs * 2 ** attempt;
    this.options.log.info(`${method} ${path} failed with ${why}; retrying in ${delay} ms.`);
    await this.sleep(delay);
  }

  private async spaceWrites(): Promise<void> {
    if (++this.writes > WRITES_BEFORE_SPACING) {
      const wait = this.lastWriteAt + WRITE_SPACING_MS - Date.now();
      if (wait > 0) await this.sleep(wait);
    }
    this.lastWriteAt = Date.now();
  }

  private async waitForReset(): Promise<void> {
    const wait = this.resumeAt - Date.now();
    if (wait <= 0) return;
    if (wait > this.maxWaitMs) {
      throw new GitHubError('GET', '(rate limit)', 429, 'The API rate limit is used up until it resets.');
    }
    this.options.log.info(`GitHub rate limit used up; waiting ${Math.ceil(wait / 1000)} s for it to reset.`);
    await this.sleep(wait);
  }

  private noteRateLimit(headers: Headers): void {
    if (headers.get('x-ratelimit-remaining') !== '0') return;
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) this.resumeAt = reset * 1000;
  }

  /** How long to wait before retrying a rate-limited response; undefined when it was not one. */
  private rateLimitWait(response: Response, text: string): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined;
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null && retryAfter.trim() !== '') {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
      const date = Date.parse(retryAfter);
      if (Number.isFinite(date)) return Math.max(0, date - Date.now());
    }
    if (response.headers.get('x-ratelimit-remaining') === '0') {
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - Date.now());
    }
    // A secondary rate limit without retry-after: GitHub asks for at least a minute.
    if (/secondary rate limit/i.test(text)) return 60_000;
    return undefined;
  }
}

export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

/** The link-rot module's issue operations over this client (retries and rate limits included). */
export function issueApiOf(api: GitHubApi, context: ActionContext): IssueApi {
  const repo = `/repos/${encodeURIComponent(context.owner)}/${encodeURIComponent(context.repo)}`;
  return {
    listOpen: (label) =>
      api.paginate<ApiIssue>(`${repo}/issues?state=open&labels=${encodeURIComponent(label)}`, 10),
    create: async (issue) => (await api.request<ApiIssue>('POST', `${repo}/issues`, issue)).data,
    update: async (number, change) => {
      await api.request('PATCH', `${repo}/issues/${number}`, change);
    },
    comment: async (number, body) => {
      await api.request('POST', `${repo}/issues/${number}/comments`, { body });
    },
  };
}

/**
 * Publishes a link-rot run (mode `link-rot`): keeps the one `link-rot` tracking issue current from
 * the run's rotten links and the cache's per-URL history. Returns the issue body for the summary.
 */
export async function publishLinkRot(
  api: GitHubApi | undefined,
  context: ActionContext,
  result: RunResult,
  log: Logger,
): Promise<string> {
  const { data } = loadCache(cachePathOf(result.config), result.config.links.cacheFile, (m) =>
    log.warning(m),
  );
  const runUrl = context.runId
    ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
    : undefined;
  const report = rotReportFrom({
    findings: result.findings,
    cache: data,
    source: (file) => {
      try {
        return readFileSync(join(context.workspace, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    ...(runUrl ? { runUrl } : {}),
  });
  if (!api) {
    log.info(
      `Link rot: ${report.links.length} rotten link(s); no github-token, so the tracking issue was not updated.`,
    );
    return renderRotIssue(report);
  }
  try {
    const outcome = await syncRotIssue(issueApiOf(api, context), report);
    log.info(
      outcome.action === 'none'
        ? 'Link rot: no rotten links and no tracking issue.'
        : `Link rot: tracking issue #${outcome.number} ${outcome.action}.`,
    );
  } catch (error) {
    log.warning(
      `Link rot: the tracking issue could not be updated (${(error as Error).message}). The rotten links are in this summary and the JSON report.`,
    );
  }
  return renderRotIssue(report);
}
