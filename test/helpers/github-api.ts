import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake API received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Json;
  authorization?: string;
  /** When it arrived (milliseconds since the epoch). */
  at: number;
}

/** A scripted failure: the next `times` matching requests get this response. */
export interface ScriptedFailure {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
  patch?: string;
}

interface CheckRun {
  id: number;
  head_sha: string;
  name: string;
  status: string;
  conclusion?: string;
  output: { title: string; summary: string };
  annotations: unknown[];
}

export interface CommitStatusRecord {
  sha: string;
  state: 'success' | 'failure' | 'error' | 'pending';
  description?: string;
  context: string;
  target_url?: string;
}

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

interface ReviewComment extends Comment {
  path: string;
  line: number;
  start_line?: number;
  pull_request_review_id: number;
}

interface Issue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  pull_request?: unknown;
  updated_at: string;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies, asserted field by field in tests
type Json = any;
type Send = (status: number, payload: unknown, headers?: Record<string, string>) => void;

/** New-side line ranges of a patch's hunks, the lines GitHub accepts review comments on. */
function hunkLines(patch: string): Set<number> {
  const lines = new Set<number>();
  for (const m of patch.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < count; i++) lines.add(start + i);
  }
  return lines;
}

/**
 * A local stand-in for the GitHub REST API (the endpoints Content Gate uses, with their real shapes):
 * it keeps state between runs and records every request.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly failures: ScriptedFailure[] = [];
  readonly pulls = new Map<number, { head: { sha: string }; files: PullFile[] }>();
  readonly checkRuns: CheckRun[] = [];
  readonly issueComments = new Map<number, Comment[]>();
  readonly reviewComments = new Map<number, ReviewComment[]>();
  readonly issues: Issue[] = [];
  readonly statuses: CommitStatusRecord[] = [];
  /** Labels per issue or pull request number, as the labels API serves them. */
  readonly labels = new Map<number, string[]>();
  /** Repository files by commit, then path: what the contents API serves. */
  readonly contents = new Map<string, Record<string, string>>();
  /** Every write answers 403 like a read-only token. */
  readOnly = false;
  /** Page size cap, to exercise pagination with few items. */
  pageSize = 100;
  url = '';
  private server: Server | undefined;
  private nextId = 1000;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => this.handle(req, res, data));
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** `METHOD /path` of each request, in order. */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** Forgets the recorded requests (state stays, as between two workflow runs). */
  reset(): void {
    this.requests.length = 0;
  }

  /** Back to an empty repository. */
  clear(): void {
    this.reset();
    this.failures.length = 0;
    this.pulls.clear();
    this.checkRuns.length = 0;
    this.issueComments.clear();
    this.reviewComments.clear();
    this.issues.length = 0;
    this.statuses.length = 0;
    this.labels.clear();
    this.readOnly = false;
    this.pageSize = 100;
    this.nextId = 1000;
  }

  fail(failure: ScriptedFailure): void {
    this.failures.push(failure);
  }

  private handle(req: IncomingMessage, res: ServerResponse, data: string): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = data ? JSON.parse(data) : undefined;
    this.requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
      at: Date.now(),
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        'x-ratelimit-remaining': '4999',
        ...headers,
      });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    const failure = this.failures.find(
      (f) => f.times > 0 && f.method === method && f.path.test(url.pathname),
    );
    if (failure) {
      failure.times--;
      send(failure.status, failure.body ?? { message: `HTTP ${failure.status}` }, failure.headers);
      return;
    }
    if (method !== 'GET' && this.readOnly) {
      send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const route = this.route(method, url, body, send);
    if (!route) send(404, { message: 'Not Found' });
  }

  private page<T>(url: URL, items: T[], send: Send): undefined {
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), this.pageSize);
    const page = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < items.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    send(200, slice, headers);
    return undefined;
  }

  private route(method: string, url: URL, body: Json, send: Send): boolean {
    for (const [routeMethod, pattern, handler] of this.routes()) {
      if (routeMethod !== method) continue;
      const m = pattern.exec(url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, ''));
      if (m) return handler(m.slice(1), url, body, send) !== false;
    }
    return false;
  }

  private routes(): [string, RegExp, (params: string[], url: URL, body: Json, send: Send) => unknown][] {
    const now = () => new Date().toISOString();
    const pullOf = (params: string[]) => this.pulls.get(Number(params[0]));
    const commentsOf = (params: string[]) => {
      const list = this.issueComments.get(Number(params[0])) ?? [];
      this.issueComments.set(Number(params[0]), list);
      return list;
    };
    return [
      [
        'POST',
        /^\/statuses\/([0-9a-f]{40})$/,
        (p, _url, body, send) => {
          const states = ['success', 'failure', 'error', 'pending'];
          if (!states.includes(body?.state) || (body.description ?? '').length > 140) {
            send(422, { message: 'Validation Failed', errors: [{ resource: 'Status', code: 'invalid' }] });
            return;
          }
          const status: CommitStatusRecord = {
            sha: p[0] as string,
            state: body.state,
            description: body.description,
            context: body.context ?? 'default',
            target_url: body.target_url,
          };
          this.statuses.push(status);
          send(201, { id: this.nextId++, url: `${this.url}/status`, ...status, created_at: now() });
        },
      ],
      [
        'GET',
        /^\/issues\/(\d+)\/labels$/,
        (p, url, _body, send) => {
          const names = this.labels.get(Number(p[0]));
          if (!names) return false;
          this.page(
            url,
            names.map((name, i) => ({ id: i + 1, name })),
            send,
          );
        },
      ],
      [
        'GET',
        /^\/contents\/(.+)$/,
        (p, url, _body, send) => {
          const path = decodeURIComponent(p[0] ?? '');
          const text = this.contents.get(url.searchParams.get('ref') ?? '')?.[path];
          if (text === undefined) return false;
          const content = Buffer.from(text).toString('base64');
          send(200, { type: 'file', encoding: 'base64', path, name: path.split('/').pop(), content });
        },
      ],
      [
        'GET',
        /^\/pulls\/(\d+)$/,
        (p, _url, _body, send) => {
          const pull = pullOf(p);
          if (!pull) return false;
          send(200, { number: Number(p[0]), head: pull.head });
        },
      ],
      [
        'GET',
        /^\/pulls\/(\d+)\/files$/,
        (p, url, _body, send) => {
          const pull = pullOf(p);
          if (!pull) return false;
          this.page(url, pull.files, send);
        },
      ],
      [
        'POST',
        /^\/check-runs$/,
        (_p, _url, body, send) => {
          if ((body.output?.annotations ?? []).length > 50) {
            send(422, { message: 'Only 50 annotations are allowed per request' });
            return;
          }
          const run: CheckRun = {
            id: this.nextId++,
            head_sha: body.head_sha,
            name: body.name,
            status: body.status ?? 'queued',
            conclusion: body.conclusion,
            output: body.output,
            annotations: [...(body.output?.annotations ?? [])],
          };
          this.checkRuns.push(run);
          send(201, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status });
        },
      ],
      [
        'PATCH',
        /^\/check-runs\/(\d+)$/,
        (p, _url, body, send) => {
          const run = this.checkRuns.find((r) => r.id === Number(p[0]));
          if (!run) return false;
          if ((body.output?.annotations ?? []).length > 50) {
            send(422, { message: 'Only 50 annotations are allowed per request' });
            return;
          }
          run.annotations.push(...(body.output?.annotations ?? []));
          if (body.status) run.status = body.status;
          if (body.conclusion) run.conclusion = body.conclusion;
          if (body.output) run.output = body.output;
          send(200, { id: run.id, status: run.status, conclusion: run.conclusion });
        },
      ],
      ['GET', /^\/issues\/(\d+)\/comments$/, (p, url, _body, send) => this.page(url, commentsOf(p), send)],
      [
        'POST',
        /^\/issues\/(\d+)\/comments$/,
        (p, _url, body, send) => {
          const comment = {
            id: this.nextId++,
            body: body.body,
            user: { login: 'github-actions[bot]', type: 'Bot' },
          };
          commentsOf(p).push(comment);
          send(201, comment);
        },
      ],
      [
        'PATCH',
        /^\/issues\/comments\/(\d+)$/,
        (p, _url, body, send) => {
          const comment = [...this.issueComments.values()].flat().find((c) => c.id === Number(p[0]));
          if (!comment) return false;
          comment.body = body.body;
          send(200, comment);
        },
      ],
      [
        'GET',
        /^\/pulls\/(\d+)\/comments$/,
        (p, url, _body, send) => this.page(url, this.reviewComments.get(Number(p[0])) ?? [], send),
      ],
      [
        'POST',
        /^\/pulls\/(\d+)\/reviews$/,
        (p, _url, body, send) => {
          const pull = pullOf(p);
          if (!pull) return false;
          const reviewId = this.nextId++;
          const added: ReviewComment[] = [];
          for (const c of body.comments ?? []) {
            const file = pull.files.find((f) => f.filename === c.path);
            const lines = file?.patch ? hunkLines(file.patch) : new Set<number>();
            const wanted: number[] = [c.line, ...(c.start_line ? [c.start_line] : [])];
            if (!wanted.every((l) => lines.has(l))) {
              send(422, {
                message: 'Unprocessable Entity',
                errors: ['Line could not be resolved'],
                status: '422',
              });
              return;
            }
            added.push({
              ...c,
              id: this.nextId++,
              pull_request_review_id: reviewId,
              user: { login: 'github-actions[bot]', type: 'Bot' },
            });
          }
          const list = this.reviewComments.get(Number(p[0])) ?? [];
          list.push(...added);
          this.reviewComments.set(Number(p[0]), list);
          send(200, { id: reviewId, state: 'COMMENTED', body: body.body, commit_id: body.commit_id });
        },
      ],
      [
        'GET',
        /^\/issues$/,
        (_p, url, _body, send) => {
          const label = url.searchParams.get('labels');
          const state = url.searchParams.get('state') ?? 'open';
          const list = this.issues.filter(
            (i) =>
              (!label || i.labels.some((l) => l.name === label)) && (state === 'all' || i.state === state),
          );
          this.page(url, list, send);
        },
      ],
      [
        'POST',
        /^\/issues$/,
        (_p, _url, body, send) => {
          const issue: Issue = {
            number: this.issues.length + 1,
            title: body.title,
            body: body.body,
            state: 'open',
            labels: (body.labels ?? []).map((name: string) => ({ name })),
            updated_at: now(),
          };
          this.issues.push(issue);
          send(201, issue);
        },
      ],
      [
        'PATCH',
        /^\/issues\/(\d+)$/,
        (p, _url, body, send) => {
          const issue = this.issues.find((i) => i.number === Number(p[0]));
          if (!issue) return false;
          if (body.body !== undefined) issue.body = body.body;
          if (body.state) issue.state = body.state;
          issue.updated_at = now();
          send(200, issue);
        },
      ],
    ];
  }
}
