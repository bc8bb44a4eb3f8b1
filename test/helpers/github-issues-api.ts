import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { id: number; name: string }[];
  comments: string[];
  html_url: string;
  pull_request?: { url: string };
}

/**
 * A local stand-in for the GitHub REST API's issue endpoints, with its request and response
 * shapes: list repository issues (state, labels, per_page, page), create, update, and comment.
 */
export class GithubApiServer {
  readonly issues: StoredIssue[] = [];
  readonly calls: string[] = [];
  private readonly server: http.Server;
  port = 0;

  constructor(
    private readonly owner = 'library',
    private readonly repo = 'blog',
  ) {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => this.handle(req, raw, res));
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** An issue as if someone had opened it by hand. */
  add(issue: Partial<StoredIssue> & { title: string }): StoredIssue {
    const number = this.issues.length + 1;
    const stored: StoredIssue = {
      id: 1000 + number,
      number,
      body: null,
      state: 'open',
      state_reason: null,
      labels: [],
      comments: [],
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${number}`,
      ...issue,
    };
    this.issues.push(stored);
    return stored;
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    this.calls.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (!/^(Bearer|token) \S+/.test(req.headers.authorization ?? '')) {
      send(401, { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest' });
      return;
    }
    const prefix = `/repos/${this.owner}/${this.repo}/issues`;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const match = url.pathname.slice(prefix.length).match(/^(?:\/(\d+))?(\/comments)?$/);
    if (!url.pathname.startsWith(prefix) || !match) {
      send(404, { message: 'Not Found' });
      return;
    }
    const issue = match[1] ? this.issues.find((i) => i.number === Number(match[1])) : undefined;
    if (match[1] && !issue) {
      send(404, { message: 'Not Found' });
      return;
    }
    if (req.method === 'GET' && !match[1]) {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const found = this.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.some((x) => x.name === l)))
        .sort((a, b) => b.number - a.number);
      send(200, found.slice((page - 1) * perPage, page * perPage).map(this.shape));
    } else if (req.method === 'POST' && !match[1]) {
      if (typeof body.title !== 'string') {
        send(422, {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }],
        });
        return;
      }
      const created = this.add({
        title: body.title,
        body: typeof body.body === 'string' ? body.body : null,
        labels: ((body.labels as string[]) ?? []).map((name, i) => ({ id: i + 1, name })),
      });
      send(201, this.shape(created));
    } else if (req.method === 'PATCH' && issue && !match[2]) {
      if (typeof body.title === 'string') issue.title = body.title;
      if (typeof body.body === 'string') issue.body = body.body;
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      if (typeof body.state_reason === 'string') issue.state_reason = body.state_reason;
      send(200, this.shape(issue));
    } else if (req.method === 'POST' && issue && match[2]) {
      issue.comments.push(String(body.body));
      send(201, {
        id: issue.comments.length,
        body: body.body,
        html_url: `${issue.html_url}#issuecomment-${issue.comments.length}`,
      });
    } else {
      send(404, { message: 'Not Found' });
    }
  }

  private shape = (issue: StoredIssue) => {
    const { comments, ...rest } = issue;
    return { ...rest, comments: comments.length, user: { login: 'github-actions[bot]' } };
  };
}
