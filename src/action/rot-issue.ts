import type { Finding } from '../core/types.js';
import type { CacheData, ScanRecord } from '../links/cache.js';
import { classifyTarget } from '../links/local.js';

/** The hidden marker that, with the label, identifies the tracking issue. */
export const ROT_MARKER = '<!-- content-gate:link-rot -->';
export const ROT_LABEL = 'link-rot';
/** GitHub refuses issue bodies over 65,536 characters. */
const BODY_LIMIT = 60_000;
const CHART_SCANS = 12;

export interface RotLink {
  file: string;
  line: number;
  url: string;
  /** "404 Not Found", "the site did not answer in time (...)". */
  status: string;
  /** Epoch ms of the first failure in the current run of failures. */
  failingSince?: number;
}

export interface RotReport {
  links: RotLink[];
  /** Scans recorded in the cache, oldest first (the chart shows the last 12). */
  scans: ScanRecord[];
  /** When this scan ran (epoch ms). */
  scannedAt: number;
  /** A link to the workflow run, shown in the issue. */
  runUrl?: string;
}

/** The rotten links of a link-rot run: its `links/broken` findings, with status and history from the cache. */
export function rotReportFrom(options: {
  findings: readonly Finding[];
  cache: CacheData;
  /** The text of a checked file, to read each link's URL at its finding's span. */
  source: (file: string) => string | undefined;
  scannedAt?: number;
  runUrl?: string;
}): RotReport {
  const links: RotLink[] = [];
  for (const finding of options.findings) {
    if (finding.ruleId !== 'links/broken') continue;
    const url = urlOf(finding, options.source(finding.file));
    if (!url) continue;
    const target = classifyTarget(url);
    const entry = target.type === 'external' ? options.cache.entries[target.url] : undefined;
    if (!entry) continue;
    links.push({
      file: finding.file,
      line: finding.line,
      url,
      status: entry.result.reason,
      ...(entry.history?.firstFailure ? { failingSince: entry.history.firstFailure } : {}),
    });
  }
  return {
    links,
    scans: options.cache.scans,
    scannedAt: options.scannedAt ?? options.cache.scans.at(-1)?.at ?? Date.now(),
    ...(options.runUrl ? { runUrl: options.runUrl } : {}),
  };
}

/** The URL a finding spans (link findings span exactly the written URL), else the one its message names. */
function urlOf(finding: Finding, source: string | undefined): string | undefined {
  if (source !== undefined && finding.line === finding.endLine) {
    const text = source.split('\n')[finding.line - 1]?.slice(finding.column - 1, finding.endColumn - 1);
    if (text && /^https?:\/\/\S+$/i.test(text)) return text;
  }
  return /https:\/\/web\.archive\.org\/web\/\*\/(\S+?)\)/.exec(finding.message)?.[1];
}

/** One issue as the GitHub REST API returns it (the fields used here). */
export interface ApiIssue {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  pull_request?: unknown;
}

/** What the tracking issue needs from GitHub; `fetchIssueApi` and `octokitIssueApi` provide it. */
export interface IssueApi {
  listOpen(label: string): Promise<ApiIssue[]>;
  create(issue: { title: string; body: string; labels: string[] }): Promise<ApiIssue>;
  update(
    number: number,
    change: {
      title?: string;
      body?: string;
      state?: 'open' | 'closed';
      state_reason?: 'completed' | 'not_planned';
    },
  ): Promise<void>;
  comment(number: number, body: string): Promise<void>;
}

/** The issue API over plain fetch: `baseUrl` is e.g. process.env.GITHUB_API_URL (https://api.github.com). */
export function fetchIssueApi(options: {
  baseUrl: string;
  token: string;
  owner: string;
  repo: string;
  fetch?: typeof fetch;
}): IssueApi {
  const send = options.fetch ?? fetch;
  const root = `${options.baseUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await send(`${root}${path}`, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${options.token}`,
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) {
      throw new Error(
        `GitHub API ${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    }
    return response.status === 204 ? undefined : response.json();
  };
  return {
    async listOpen(label) {
      const issues: ApiIssue[] = [];
      for (let page = 1; page <= 10; page++) {
        const batch = (await call(
          'GET',
          `/issues?state=open&labels=${encodeURIComponent(label)}&per_page=100&page=${page}`,
        )) as ApiIssue[];
        issues.push(...batch);
        if (batch.length < 100) break;
      }
      return issues;
    },
    async create(issue) {
      return (await call('POST', '/issues', issue)) as ApiIssue;
    },
    async update(number, change) {
      await call('PATCH', `/issues/${number}`, change);
    },
    async comment(number, body) {
      await call('POST', `/issues/${number}/comments`, { body });
    },
  };
}

/** The parts of an Octokit (from @actions/github's getOctokit) the issue API uses. */
export interface OctokitLike {
  rest: {
    issues: {
      listForRepo(params: {
        owner: string;
        repo: string;
        state: 'open';
        labels: string;
        per_page: number;
        page: number;
      }): Promise<{ data: ApiIssue[] }>;
      create(params: {
        owner: string;
        repo: string;
        title: string;
        body: string;
        labels: string[];
      }): Promise<{ data: ApiIssue }>;
      update(params: {
        owner: string;
        repo: string;
        issue_number: number;
        title?: string;
        body?: string;
        state?: 'open' | 'closed';
        state_reason?: 'completed' | 'not_planned';
      }): Promise<unknown>;
      createComment(params: {
        owner: string;
        repo: string;
        issue_number: number;
        body: string;
      }): Promise<unknown>;
    };
  };
}

export function octokitIssueApi(octokit: OctokitLike, repository: { owner: string; repo: string }): IssueApi {
  const { issues } = octokit.rest;
  return {
    async listOpen(label) {
      const all: ApiIssue[] = [];
      for (let page = 1; page <= 10; page++) {
        const { data } = await issues.listForRepo({
          ...repository,
          state: 'open',
          labels: label,
          per_page: 100,
          page,
        });
        all.push(...data);
        if (data.length < 100) break;
      }
      return all;
    },
    async create(issue) {
      return (await issues.create({ ...repository, ...issue })).data;
    },
    async update(number, change) {
      await issues.update({ ...repository, issue_number: number, ...change });
    },
    async comment(number, body) {
      await issues.createComment({ ...repository, issue_number: number, body });
    },
  };
}

export type RotIssueOutcome =
  | { action: 'created' | 'updated' | 'unchanged' | 'closed'; number: number }
  | { action: 'none' };

/**
 * Keeps exactly one open link-rot issue: creates it when rot is found, updates it in place on
 * later scans, and closes it with a comment once every link works again. Issues with the label
 * and marker beyond the first (left by a race or by hand) are closed as duplicates.
 */
export async function syncRotIssue(api: IssueApi, report: RotReport): Promise<RotIssueOutcome> {
  const open = (await api.listOpen(ROT_LABEL)).filter((i) => !i.pull_request && i.body?.includes(ROT_MARKER));
  open.sort((a, b) => a.number - b.number);
  const [tracking, ...duplicates] = open;
  for (const duplicate of duplicates) {
    await api.comment(
      duplicate.number,
      `Closing in favour of #${tracking?.number}, which tracks the same broken links.`,
    );
    await api.update(duplicate.number, { state: 'closed', state_reason: 'not_planned' });
  }
  if (report.links.length === 0) {
    if (!tracking) return { action: 'none' };
    await api.comment(
      tracking.number,
      `Every link reported here works again as of the scan on ${day(report.scannedAt)}${report.runUrl ? ` ([run](${report.runUrl}))` : ''}. Closing.`,
    );
    await api.update(tracking.number, { state: 'closed', state_reason: 'completed' });
    return { action: 'closed', number: tracking.number };
  }
  const title = rotTitle(report);
  const body = renderRotIssue(report);
  if (!tracking) {
    const created = await api.create({ title, body, labels: [ROT_LABEL] });
    return { action: 'created', number: created.number };
  }
  if (tracking.body === body && tracking.title === title)
    return { action: 'unchanged', number: tracking.number };
  await api.update(tracking.number, { title, body });
  return { action: 'updated', number: tracking.number };
}

export function rotTitle(report: RotReport): string {
  const n = report.links.length;
  return `Link rot: ${n} broken link${n === 1 ? '' : 's'}`;
}

/** The issue body (also fit for the job summary): a table per file, then the chart. */
export function renderRotIssue(report: RotReport): string {
  const head = [
    ROT_MARKER,
    `The scheduled link scan of ${day(report.scannedAt)} found **${report.links.length}** link${report.links.length === 1 ? '' : 's'} that kept failing in consecutive scans${report.runUrl ? ` ([run](${report.runUrl}))` : ''}. Replace each with the page's new address or an archived copy, or remove it. This issue is updated by every scan and closed when all links work.`,
    '',
  ];
  const chart = ['### Broken links per scan', '', ...mermaidChart(report.scans)];
  const byFile = new Map<string, RotLink[]>();
  for (const link of report.links) byFile.set(link.file, [...(byFile.get(link.file) ?? []), link]);
  const sections: string[] = [];
  let length = head.join('\n').length + chart.join('\n').length;
  let shown = 0;
  for (const [file, links] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const rows = [...links]
      .sort((a, b) => a.line - b.line)
      .map(
        (l) =>
          `| ${l.line} | ${l.url.replace(/\|/g, '%7C')} | ${cell(l.status)} | ${l.failingSince ? day(l.failingSince) : ''} | [Wayback Machine](${waybackLink(l.url)}) |`,
      );
    const section = [
      `### \`${file}\``,
      '',
      '| Line | Link | Status | Failing since | Archive |',
      '|---:|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    if (length + section.length > BODY_LIMIT) break;
    length += section.length;
    sections.push(section);
    shown += links.length;
  }
  const omitted = report.links.length - shown;
  const more = omitted > 0 ? [`…and ${omitted} more broken links; see the workflow's report.`, ''] : [];
  return [...head, ...sections, ...more, ...chart].join('\n');
}

/** A bar chart of broken links in each of the last 12 scans; GitHub renders Mermaid blocks. */
export function mermaidChart(scans: readonly ScanRecord[]): string[] {
  const last = scans.slice(-CHART_SCANS);
  if (last.length === 0) return [];
  const labels = last.map((s) => `"${new Date(s.at).toISOString().slice(5, 10)}"`);
  const values = last.map((s) => s.failing);
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Broken links per scan"',
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "Broken links" 0 --> ${Math.max(1, ...values)}`,
    `  bar [${values.join(', ')}]`,
    '```',
  ];
}

/** The Wayback Machine's list of captures of a URL, safe inside a Markdown link and a table. */
export function waybackLink(url: string): string {
  return `https://web.archive.org/web/*/${url.replace(/[|()\s<>]/g, (c) => encodeURIComponent(c))}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
