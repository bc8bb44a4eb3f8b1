import { getOctokit } from '@actions/github';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fetchIssueApi,
  type IssueApi,
  type OctokitLike,
  octokitIssueApi,
  ROT_LABEL,
  ROT_MARKER,
  type RotReport,
  renderRotIssue,
  rotReportFrom,
  syncRotIssue,
} from '../../src/action/rot-issue.js';
import type { CacheData } from '../../src/links/cache.js';
import { GithubApiServer } from '../helpers/github-issues-api.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1, 3, 0, 0);

function report(links: RotReport['links'], scans = 3): RotReport {
  return {
    links,
    scans: Array.from({ length: scans }, (_, i) => ({
      at: T0 + i * DAY,
      checked: 40,
      failing: i + 1,
      rotten: i,
    })),
    scannedAt: T0 + (scans - 1) * DAY,
  };
}

const gone = {
  file: 'blog/a.md',
  line: 12,
  url: 'https://example.org/gone',
  status: '404 Not Found',
  failingSince: T0,
};
const down = {
  file: 'blog/a.md',
  line: 3,
  url: 'https://down.example/x|y',
  status: '503 Service Unavailable',
  failingSince: T0 + DAY,
};
const other = {
  file: 'wiki/b.md',
  line: 7,
  url: 'https://example.org/old',
  status: '410 Gone',
  failingSince: T0,
};

let github: GithubApiServer;
beforeEach(async () => {
  github = await new GithubApiServer().start();
});
afterEach(() => github.close());

const clients: [string, () => IssueApi][] = [
  [
    'plain fetch',
    () => fetchIssueApi({ baseUrl: github.baseUrl, token: 't0ken', owner: 'library', repo: 'blog' }),
  ],
  [
    'an Octokit from @actions/github',
    () =>
      octokitIssueApi(getOctokit('t0ken', { baseUrl: github.baseUrl }) as unknown as OctokitLike, {
        owner: 'library',
        repo: 'blog',
      }),
  ],
];

describe.each(clients)('the tracking issue through %s', (_name, client) => {
  it('is created, updated in place, and closed with a comment when all links work', async () => {
    const api = client();
    github.add({
      title: 'Unrelated bug',
      body: 'Nothing to do with links',
      labels: [{ id: 9, name: ROT_LABEL }],
    });

    expect(await syncRotIssue(api, report([gone, down]))).toEqual({ action: 'created', number: 2 });
    const issue = github.issues[1];
    expect(issue?.title).toBe('Link rot: 2 broken links');
    expect(issue?.labels.map((l) => l.name)).toEqual([ROT_LABEL]);
    expect(issue?.body).toContain(ROT_MARKER);

    expect(await syncRotIssue(api, report([gone, down, other], 4))).toEqual({ action: 'updated', number: 2 });
    expect(github.issues).toHaveLength(2);
    expect(issue?.title).toBe('Link rot: 3 broken links');
    expect(issue?.body).toContain('### `wiki/b.md`');

    expect(await syncRotIssue(api, report([gone, down, other], 4))).toEqual({
      action: 'unchanged',
      number: 2,
    });

    expect(await syncRotIssue(api, report([], 5))).toEqual({ action: 'closed', number: 2 });
    expect(issue?.state).toBe('closed');
    expect(issue?.state_reason).toBe('completed');
    expect(issue?.comments).toEqual([
      'Every link reported here works again as of the scan on 2026-11-05. Closing.',
    ]);
    expect(github.issues[0]?.state).toBe('open');

    expect(await syncRotIssue(api, report([], 6))).toEqual({ action: 'none' });
    expect(await syncRotIssue(api, report([other], 7))).toEqual({ action: 'created', number: 3 });
  });

  it('closes duplicates so exactly one stays open', async () => {
    const api = client();
    const labels = [{ id: 1, name: ROT_LABEL }];
    github.add({ title: 'Link rot: 1 broken link', body: `${ROT_MARKER}\nold`, labels });
    github.add({ title: 'Link rot: 1 broken link', body: `${ROT_MARKER}\nolder`, labels });
    expect(await syncRotIssue(api, report([gone]))).toEqual({ action: 'updated', number: 1 });
    expect(github.issues.map((i) => i.state)).toEqual(['open', 'closed']);
    expect(github.issues[1]?.comments).toEqual([
      'Closing in favour of #1, which tracks the same broken links.',
    ]);
  });
});

describe('the issue body', () => {
  it('has a table per file, Wayback links and a chart of the last 12 scans', () => {
    const body = renderRotIssue(report([gone, down, other], 14));
    expect(body).toBe(
      [
        ROT_MARKER,
        "The scheduled link scan of 2026-11-14 found **3** links that kept failing in consecutive scans. Replace each with the page's new address or an archived copy, or remove it. This issue is updated by every scan and closed when all links work.",
        '',
        '### `blog/a.md`',
        '',
        '| Line | Link | Status | Failing since | Archive |',
        '|---:|---|---|---|---|',
        '| 3 | https://down.example/x%7Cy | 503 Service Unavailable | 2026-11-02 | [Wayback Machine](https://web.archive.org/web/*/https://down.example/x%7Cy) |',
        '| 12 | https://example.org/gone | 404 Not Found | 2026-11-01 | [Wayback Machine](https://web.archive.org/web/*/https://example.org/gone) |',
        '',
        '### `wiki/b.md`',
        '',
        '| Line | Link | Status | Failing since | Archive |',
        '|---:|---|---|---|---|',
        '| 7 | https://example.org/old | 410 Gone | 2026-11-01 | [Wayback Machine](https://web.archive.org/web/*/https://example.org/old) |',
        '',
        '### Broken links per scan',
        '',
        '```mermaid',
        'xychart-beta',
        '  title "Broken links per scan"',
        '  x-axis ["11-03", "11-04", "11-05", "11-06", "11-07", "11-08", "11-09", "11-10", "11-11", "11-12", "11-13", "11-14"]',
        '  y-axis "Broken links" 0 --> 14',
        '  bar [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]',
        '```',
      ].join('\n'),
    );
  });

  it('is built from a link-rot run: findings, their URLs in the source, and the cache', () => {
    const source = '# Post\n\nSee [the page](https://example.org/gone#top) today.\n';
    const cache: CacheData = {
      format: 'content-gate-link-cache',
      version: 1,
      entries: {
        'https://example.org/gone': {
          result: {
            url: 'https://example.org/gone',
            state: 'broken',
            status: 404,
            reason: '404 Not Found',
            checkedAt: T0,
          },
          history: { consecutive: 2, firstFailure: T0 - DAY, lastFailure: T0, lastCounted: T0 },
        },
      },
      scans: [{ at: T0, checked: 1, failing: 1, rotten: 1 }],
    };
    const finding = {
      ruleId: 'links/broken',
      category: 'links',
      severity: 'error' as const,
      message: 'This link has stopped working.',
      policy: 'Library Sponsored Social Media',
      file: 'blog/post.md',
      line: 3,
      column: 16,
      endLine: 3,
      endColumn: 44,
      suggestions: [],
    };
    expect(rotReportFrom({ findings: [finding], cache, source: () => source })).toEqual({
      links: [
        {
          file: 'blog/post.md',
          line: 3,
          url: 'https://example.org/gone#top',
          status: '404 Not Found',
          failingSince: T0 - DAY,
        },
      ],
      scans: cache.scans,
      scannedAt: T0,
    });
  });
});
