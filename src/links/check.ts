import { STATUS_CODES } from 'node:http';
import { VERSION } from '../version.js';
import { embedOf, type OembedEndpoints } from './embeds.js';
import { Agents, type HttpResponse, RequestError, send } from './http.js';
import type { AddressPolicy } from './safety.js';
import { HostScheduler } from './scheduler.js';

/**
 * What became of one URL:
 * - `ok`: it answers (2xx), possibly after redirects;
 * - `broken`: 4xx, 5xx, DNS, TLS, refused connection, timeout, redirect loop;
 * - `blocked`: the host turns automated checks away (LinkedIn's 999, bot challenges, 401/403);
 * - `missing`: an embed host's oEmbed endpoint says the item is gone (never an error: see embeds.ts);
 * - `unverifiable`: cannot be checked automatically (rate limits, login walls);
 * - `refused`: a private or local address, not requested for safety.
 */
export type LinkState = 'ok' | 'broken' | 'blocked' | 'missing' | 'unverifiable' | 'refused';

export interface LinkResult {
  url: string;
  state: LinkState;
  /** The last HTTP status received, when there was one. */
  status?: number;
  /** Words for an editor: "404 Not Found", "no answer within 10 s". */
  reason: string;
  /** Where the URL's permanent redirects (301, 308) lead. */
  permanentTarget?: string;
  /** For an http:// URL: its https:// form, which works. */
  httpsUpgrade?: string;
  /** Epoch ms. */
  checkedAt: number;
}

export interface CheckerOptions {
  timeout: number;
  concurrency: number;
  perHostConcurrency: number;
  retries: number;
  allowPrivate: boolean;
  githubToken?: string;
  /** First retry delay in ms; doubled each retry. */
  backoffMs?: number;
  /** Longest `Retry-After` or rate-limit reset honoured, in ms; longer waits give up. */
  maxRetryAfterMs?: number;
  maxRedirects?: number;
  /** Hosts that get the GitHub token and whose rate-limit headers are obeyed. */
  githubHosts?: readonly string[];
  oembed?: Partial<OembedEndpoints>;
  /** PEM certificates to trust besides the usual ones. */
  extraCa?: string;
  /** Which addresses count as private (tests narrow it to reach a local server on one address). */
  isBlocked?: AddressPolicy;
  /** Whether an http:// link's https:// form is tried (only `links/insecure` needs it). Default true. */
  checkHttpsUpgrade?: boolean;
  /** Called after every request sent, with the number of URLs settled and queued so far. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_GITHUB_HOSTS = ['github.com', 'api.github.com', 'raw.githubusercontent.com', 'gist.github.com'];

/** Statuses with which servers refuse HEAD though GET would work. */
const HEAD_REFUSED = new Set([400, 403, 405, 406, 501, 999]);

/** Network errors worth another try; DNS "no such host" and certificate errors are not. */
const TRANSIENT = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'TIMEOUT',
  'ERROR',
]);

const PERMANENT_REDIRECT = new Set([301, 308]);

interface Hop {
  url: string;
  status: number;
  to: string;
}

type Outcome = { response: HttpResponse; error?: undefined } | { error: RequestError; response?: undefined };

/**
 * Checks external URLs: each unique URL once per checker, with bounded total and per-host
 * concurrency, HEAD first (GET when the host refuses HEAD), retries with backoff, 429
 * Retry-After, manual redirects (each hop's address checked again) and GitHub rate limits.
 */
export class LinkChecker {
  private readonly options: Required<
    Omit<
      CheckerOptions,
      'githubToken' | 'oembed' | 'onProgress' | 'extraCa' | 'isBlocked' | 'checkHttpsUpgrade'
    >
  > &
    CheckerOptions;
  private readonly scheduler: HostScheduler;
  private readonly agents: Agents;
  private readonly results = new Map<string, Promise<LinkResult>>();
  /** The final answer per URL, shared by a URL's own check and redirect chains that pass through it. */
  private readonly answers = new Map<string, Promise<Outcome>>();
  private settled = 0;
  /** Requests sent, by URL: for the report of how many requests each unique URL cost. */
  readonly requestsSent = new Map<string, number>();

  constructor(options: CheckerOptions) {
    this.options = {
      backoffMs: 500,
      maxRetryAfterMs: 60_000,
      maxRedirects: 10,
      githubHosts: DEFAULT_GITHUB_HOSTS,
      ...options,
    };
    this.agents = new Agents(options.extraCa);
    this.scheduler = new HostScheduler(options.concurrency, options.perHostConcurrency);
  }

  /** The result for a URL; asking again for the same URL returns the same promise. */
  check(url: string): Promise<LinkResult> {
    let result = this.results.get(url);
    if (!result) {
      result = this.checkFresh(url).then((r) => {
        this.settled++;
        this.options.onProgress?.(this.settled, this.results.size);
        return r;
      });
      this.results.set(url, result);
    }
    return result;
  }

  close(): void {
    this.agents.destroy();
  }

  private async checkFresh(url: string): Promise<LinkResult> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { url, state: 'broken', reason: 'it is not a valid web address', checkedAt: Date.now() };
    }
    const embed = embedOf(parsed, this.options.oembed);
    if (embed) {
      if (!embed.endpoint) return result(url, 'unverifiable', embed.unverifiable);
      const outcome = await this.fetchOnce(new URL(embed.endpoint), 'GET');
      return embed.interpret(url, outcome.response?.status, outcome.error?.message);
    }
    const { outcome, hops, finalUrl } = await this.follow(parsed);
    const checked = classify(url, outcome, hops);
    if (checked.state !== 'ok') return checked;
    const permanent = permanentTargetOf(hops);
    if (parsed.protocol === 'http:') {
      const https = `https:${url.slice('http:'.length)}`;
      const upgradedByServer = hops.some((h) => h.to === https) || finalUrl === https;
      if (this.options.checkHttpsUpgrade !== false && !permanent?.startsWith('https:')) {
        const httpsWorks = upgradedByServer || (await this.check(https)).state === 'ok';
        if (httpsWorks) checked.httpsUpgrade = https;
      }
      if (permanent && permanent !== https) checked.permanentTarget = permanent;
    } else if (permanent) {
      checked.permanentTarget = permanent;
    }
    return checked;
  }

  /** Follows redirects by hand so each hop is scheduled, safety-checked and recorded. */
  private async follow(start: URL): Promise<{ outcome: Outcome; hops: Hop[]; finalUrl: string }> {
    const hops: Hop[] = [];
    const seen = new Set([start.href]);
    let current = start;
    for (let i = 0; ; i++) {
      const outcome = await this.answer(current);
      const response = outcome.response;
      const location =
        response && response.status >= 300 && response.status < 400 && response.headers.location;
      if (!location) return { outcome, hops, finalUrl: current.href };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return {
          outcome: failure('EBADREDIRECT', `it redirects to an invalid address (${location})`),
          hops,
          finalUrl: current.href,
        };
      }
      hops.push({ url: current.href, status: response.status, to: next.href });
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return { outcome: { response: { status: 200, headers: {} } }, hops, finalUrl: next.href };
      }
      if (seen.has(next.href)) {
        return { outcome: failure('ELOOP', 'it redirects in a loop'), hops, finalUrl: next.href };
      }
      if (i >= this.options.maxRedirects) {
        return {
          outcome: failure('ETOOMANY', `it redirects more than ${this.options.maxRedirects} times`),
          hops,
          finalUrl: next.href,
        };
      }
      seen.add(next.href);
      current = next;
    }
  }

  private answer(url: URL): Promise<Outcome> {
    let outcome = this.answers.get(url.href);
    if (!outcome) {
      outcome = this.fetchOnce(url, 'HEAD');
      this.answers.set(url.href, outcome);
    }
    return outcome;
  }

  /** One URL, one answer: HEAD then GET where HEAD is refused, retries, 429 and rate limits. */
  private async fetchOnce(url: URL, firstMethod: 'HEAD' | 'GET'): Promise<Outcome> {
    let method = firstMethod;
    let attempt = 0;
    const github = this.isGithub(url);
    for (;;) {
      let response: HttpResponse;
      try {
        response = await this.scheduler.run(url.host, () => {
          this.requestsSent.set(url.href, (this.requestsSent.get(url.href) ?? 0) + 1);
          return send(
            url,
            {
              method,
              timeout: this.options.timeout,
              headers: this.headersFor(url, github),
              allowPrivate: this.options.allowPrivate,
              ...(this.options.isBlocked ? { isBlocked: this.options.isBlocked } : {}),
            },
            this.agents,
          );
        });
      } catch (error) {
        const e = error instanceof RequestError ? error : new RequestError('ERROR', String(error));
        if (TRANSIENT.has(e.code) && attempt < this.options.retries) {
          await sleep(this.backoff(attempt++));
          continue;
        }
        return { error: e };
      }
      if (method === 'HEAD' && HEAD_REFUSED.has(response.status)) {
        method = 'GET';
        continue;
      }
      const waitMs = this.waitBeforeRetry(url, response, github, attempt);
      if (waitMs === undefined) return { response };
      if (waitMs > this.options.maxRetryAfterMs || attempt >= this.options.retries) return { response };
      attempt++;
      if (response.status === 429 || github) this.scheduler.pause(url.host, Date.now() + waitMs);
      else await sleep(waitMs);
    }
  }

  /** How long to wait before retrying this answer, or undefined when it is final. */
  private waitBeforeRetry(
    url: URL,
    response: HttpResponse,
    github: boolean,
    attempt: number,
  ): number | undefined {
    if (github) {
      const reset = rateLimitResetMs(response);
      if (reset !== undefined) {
        // Out of requests: hold every later GitHub request until the window resets.
        this.scheduler.pause(url.host, Math.min(reset, Date.now() + this.options.maxRetryAfterMs));
        if (response.status === 403 || response.status === 429) return Math.max(0, reset - Date.now());
      }
    }
    if (response.status === 429) return retryAfterMs(response) ?? this.backoff(attempt);
    if (response.status >= 500 && response.status <= 599) return this.backoff(attempt);
    return undefined;
  }

  private backoff(attempt: number): number {
    return this.options.backoffMs * 2 ** attempt;
  }

  private isGithub(url: URL): boolean {
    return this.options.githubHosts.includes(url.host) || this.options.githubHosts.includes(url.hostname);
  }

  private headersFor(url: URL, github: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      'user-agent': `Mozilla/5.0 (compatible; content-gate/${VERSION}; link checker)`,
      accept: 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8',
      'accept-encoding': 'identity',
    };
    // The token goes only to GitHub's own hosts over https (or a test host named in githubHosts).
    if (github && this.options.githubToken && (url.protocol === 'https:' || this.options.allowPrivate)) {
      headers.authorization = `Bearer ${this.options.githubToken}`;
    }
    return headers;
  }
}

function result(url: string, state: LinkState, reason: string, status?: number): LinkResult {
  return { url, state, reason, checkedAt: Date.now(), ...(status === undefined ? {} : { status }) };
}

function failure(code: string, message: string): Outcome {
  return { error: new RequestError(code, message) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The target of the redirects at the start of the chain that are permanent. */
function permanentTargetOf(hops: readonly Hop[]): string | undefined {
  let target: string | undefined;
  for (const hop of hops) {
    if (!PERMANENT_REDIRECT.has(hop.status)) break;
    target = hop.to;
  }
  return target;
}

export function statusText(status: number): string {
  if (status === 999) return '999 (request denied)';
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}

/** Turns the last answer of a URL into a state and a reason an editor understands. */
export function classify(url: string, outcome: Outcome, hops: readonly Hop[] = []): LinkResult {
  if (outcome.error)
    return result(
      url,
      outcome.error.code === 'EBLOCKED' ? 'refused' : 'broken',
      describeError(outcome.error),
    );
  const { status, headers } = outcome.response;
  const via = hops.length > 0 ? ` (after redirecting to ${hops[hops.length - 1]?.to})` : '';
  if ((status >= 200 && status < 400) || status === 304) return result(url, 'ok', statusText(status), status);
  if ((status === 403 || status === 429) && headers['x-ratelimit-remaining'] === '0')
    return result(
      url,
      'unverifiable',
      `GitHub's rate limit ran out before this link could be checked (${status})`,
      status,
    );
  if (status === 999)
    return result(
      url,
      'blocked',
      'the site answers automated checks with status 999 (LinkedIn does this)',
      status,
    );
  const challenge =
    headers['cf-mitigated'] === 'challenge' ||
    (String(headers.server ?? '').toLowerCase() === 'cloudflare' && (status === 403 || status === 503));
  if (challenge)
    return result(
      url,
      'blocked',
      `the site shows automated checks a bot challenge (${statusText(status)})`,
      status,
    );
  if (status === 401) return result(url, 'blocked', 'the page asks for a login (401)', status);
  if (status === 403)
    return result(url, 'blocked', 'the site refuses automated checks (403 Forbidden)', status);
  if (status === 429)
    return result(url, 'unverifiable', 'the site kept answering "too many requests" (429)', status);
  return result(url, 'broken', `${statusText(status)}${via}`, status);
}

function describeError(error: RequestError): string {
  const code = error.code;
  if (code === 'TIMEOUT') return `the site did not answer in time (${error.message})`;
  if (code === 'ENOTFOUND') return "the site's name does not exist (DNS lookup failed)";
  if (code === 'EAI_AGAIN') return "the site's name could not be looked up (DNS failure)";
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET') return 'the server closed the connection';
  if (code === 'EBLOCKED') return `it points to a private or local network address (${error.message})`;
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
    return `its security certificate is not valid (${code})`;
  if (code === 'ELOOP' || code === 'ETOOMANY' || code === 'EBADREDIRECT') return error.message;
  return `the request failed (${code}: ${error.message})`;
}

/** Milliseconds a 429 asks to wait: `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(response: HttpResponse, now = Date.now()): number | undefined {
  const value = response.headers['retry-after'];
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Epoch ms when GitHub's rate limit resets, when the answer says it is used up. */
function rateLimitResetMs(response: HttpResponse): number | undefined {
  if (response.headers['x-ratelimit-remaining'] !== '0') return undefined;
  const reset = Number(response.headers['x-ratelimit-reset']);
  return Number.isFinite(reset) ? reset * 1000 : undefined;
}
