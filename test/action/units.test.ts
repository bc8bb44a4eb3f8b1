import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ActionContext } from '../../src/action/github.js';
import { GitHubApi, GitHubError, nextLink } from '../../src/action/github.js';
import type { ActionInputs } from '../../src/action/inputs.js';
import { readInputs, splitPaths } from '../../src/action/inputs.js';
import { fallbackAnnotations, publishStickyComment } from '../../src/action/publish.js';
import { parsePatch, toChangedLines } from '../../src/action/pull-request.js';
import { type ActionIO, finish, withAnnotationBudget } from '../../src/action/steps.js';
import { keepTrackingIssue, markerLine, readState } from '../../src/action/tracking-issue.js';
import type { Finding, Report } from '../../src/core/types.js';
import { STICKY_MARKER } from '../../src/report/comment.js';
import { FakeGitHub } from '../helpers/github-api.js';

const quiet = { info: () => {}, warning: () => {} };

describe('pull request diff', () => {
  it('reads new-side added and context lines across hunks, ignoring deletions', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' one',
      '-two',
      '+deux',
      '+trois',
      ' four',
      '@@ -10,2 +11,2 @@ heading',
      '-old',
      '+new\r',
      ' last',
      '\\ No newline at end of file',
    ].join('\n');
    const { added, inDiff } = parsePatch(patch);
    expect([...added]).toEqual([
      [2, 'deux'],
      [3, 'trois'],
      [11, 'new'],
    ]);
    expect([...inDiff]).toEqual([1, 2, 3, 4, 11, 12]);
  });

  it('limits to added lines, or whole files without a patch', () => {
    const files = new Map([
      ['a.md', { file: 'a.md', status: 'modified', hasPatch: true, ...parsePatch('@@ -1 +1 @@\n-x\n+y') }],
      [
        'b.md',
        { file: 'b.md', status: 'modified', hasPatch: false, added: new Map(), inDiff: new Set<number>() },
      ],
    ]);
    expect(toChangedLines({ files }, true)).toEqual(
      new Map<string, unknown>([
        ['a.md', new Set([1])],
        ['b.md', 'all'],
      ]),
    );
    expect(toChangedLines({ files }, false)).toEqual(
      new Map([
        ['a.md', 'all'],
        ['b.md', 'all'],
      ]),
    );
  });
});

describe('inputs', () => {
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('reads defaults and validates every choice', () => {
    expect(readInputs(read({ paths: 'blog/\nwiki/*.md, news' }))).toMatchObject({
      paths: ['blog/', 'wiki/*.md', 'news'],
      failOn: 'error',
      offline: false,
      changedOnly: undefined,
      comment: 'true',
      maxSuggestions: 20,
      mode: undefined,
    });
    expect(
      readInputs(read({ 'changed-only': 'FALSE', comment: 'on-failure', mode: 'publish' })),
    ).toMatchObject({
      changedOnly: false,
      comment: 'on-failure',
      mode: 'publish',
    });
    expect(() => readInputs(read({ 'max-suggestions': '-1' }))).toThrow('Input max-suggestions');
    expect(() => readInputs(read({ comment: 'sometimes' }))).toThrow(
      'Input comment: expected one of true, false, on-failure, got "sometimes".',
    );
    expect(splitPaths(' , ')).toEqual([]);
  });
});

describe('workflow-command fallback', () => {
  it('keeps the 10 most severe of each level', () => {
    const f = (severity: Finding['severity']) => ({ severity }) as Finding;
    const findings = [...Array(15).fill(f('notice')), ...Array(12).fill(f('error')), f('warning')];
    const { shown, omitted } = fallbackAnnotations(findings);
    expect(shown.map((s) => s.severity)).toEqual([
      ...Array(10).fill('error'),
      'warning',
      ...Array(10).fill('notice'),
    ]);
    expect(omitted).toBe(7);
  });
});

describe('annotation allowance of a step', () => {
  it('never shows more than 10 of a level, keeps the failure reason, and says what was left out', async () => {
    const shown: Record<string, string[]> = { error: [], warning: [], notice: [] };
    const log: string[] = [];
    const recording: ActionIO = {
      info: (m) => log.push(m),
      warning: (m) => shown.warning?.push(m),
      command: (line) => shown[/^::(\w+)/.exec(line)?.[1] ?? '']?.push(line),
      setOutput: () => {},
      summary: async () => {},
      fail: (m) => shown.error?.push(m),
    };
    const io = withAnnotationBudget(recording);
    for (let i = 0; i < 4; i++) io.warning(`a file was skipped (${i})`);
    const finding = (severity: Finding['severity'], line: number) =>
      ({
        severity,
        file: 'post.md',
        line,
        endLine: line,
        column: 1,
        endColumn: 2,
        ruleId: 'x/y',
        message: 'm',
        suggestions: [],
      }) as unknown as Finding;
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding('error', i + 1)),
      ...Array.from({ length: 12 }, (_, i) => finding('warning', i + 20)),
      ...Array.from({ length: 3 }, (_, i) => finding('notice', i + 40)),
    ];
    const report = { summary: { files: 1, errors: 15, warnings: 12, notices: 3 } } as Report;
    await finish(io, { failOn: 'error' } as ActionInputs, { workspace: '/tmp' } as ActionContext, {
      report,
      findings,
      reportPath: '/tmp/report.json',
      notes: [],
      annotated: false,
    });
    expect(shown.error).toHaveLength(10);
    expect(shown.error?.at(-1)).toBe('Content Gate: 15 findings at or above fail-on (error).');
    expect(shown.warning).toHaveLength(10);
    // 4 earlier warnings, 5 finding warnings, and the note on what was left out.
    expect(shown.warning?.filter((w) => w.startsWith('::warning'))).toHaveLength(5);
    expect(shown.warning?.at(-1)).toMatch(
      /^17 findings shown as annotations .*; the other 13 are left out there\./,
    );
    expect(shown.notice).toHaveLength(3);
    io.warning('one more');
    expect(log).toContain('Warning: one more');
  });
});

describe('GitHub API client', () => {
  it('follows Link pagination, waits out an exhausted rate limit, and does not repeat a failed POST', async () => {
    const api = new FakeGitHub();
    await api.start();
    try {
      api.pageSize = 2;
      api.pulls.set(1, {
        head: { sha: 'x' },
        files: ['a', 'b', 'c', 'd', 'e'].map((n) => ({ filename: `${n}.md`, status: 'added' as const })),
      });
      const waits: number[] = [];
      const client = new GitHubApi({
        token: 't',
        baseUrl: api.url,
        log: quiet,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      const files = await client.paginate<{ filename: string }>('/repos/o/r/pulls/1/files');
      expect(files.map((f) => f.filename)).toEqual(['a.md', 'b.md', 'c.md', 'd.md', 'e.md']);
      expect(api.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
      expect(api.requests[0]?.authorization).toBe('Bearer t');

      const reset = Math.floor(Date.now() / 1000) + 30;
      api.fail({
        method: 'GET',
        path: /pulls\/1$/,
        status: 403,
        times: 1,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        body: { message: 'API rate limit exceeded' },
      });
      const pr = await client.request<{ head: { sha: string } }>('GET', '/repos/o/r/pulls/1');
      expect(pr.data.head.sha).toBe('x');
      expect(waits).toHaveLength(1);
      expect(waits[0]).toBeGreaterThan(25_000);

      api.fail({ method: 'POST', path: /issues$/, status: 502, times: 1 });
      const before = api.requests.length;
      await expect(client.request('POST', '/repos/o/r/issues', { title: 't' })).rejects.toBeInstanceOf(
        GitHubError,
      );
      expect(api.requests.length - before).toBe(1);

      api.fail({ method: 'PATCH', path: /issues\/1$/, status: 503, times: 2 });
      await client.request('POST', '/repos/o/r/issues', { title: 't', body: '' });
      await client.request('PATCH', '/repos/o/r/issues/1', { body: 'b' });
      expect(waits.slice(-2)).toEqual([1000, 2000]);
    } finally {
      await api.stop();
    }
  });

  it('spaces writes after the first ten, for the secondary rate limit', async () => {
    const api = new FakeGitHub();
    await api.start();
    try {
      const waits: number[] = [];
      const client = new GitHubApi({
        token: 't',
        baseUrl: api.url,
        log: quiet,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      for (let i = 0; i < 12; i++)
        await client.request('POST', '/repos/o/r/issues', { title: `${i}`, body: '' });
      await client.request('GET', '/repos/o/r/issues');
      expect(waits).toHaveLength(2);
      for (const wait of waits) expect(wait).toBeGreaterThan(900);
    } finally {
      await api.stop();
    }
  });

  it('parses Link headers', () => {
    expect(nextLink('<https://x/a?page=2>; rel="next", <https://x/a?page=5>; rel="last"')).toBe(
      'https://x/a?page=2',
    );
    expect(nextLink('<https://x/a?page=1>; rel="prev"')).toBeUndefined();
  });
});

describe('tracking issue', () => {
  it('round-trips state in the marker', () => {
    const line = markerLine('content-gate:link-rot', { urls: ['https://a.example/'] });
    expect(readState(`${line}\nbody`, 'content-gate:link-rot')).toEqual({ urls: ['https://a.example/'] });
    expect(readState('<!-- content-gate:link-rot -->', 'content-gate:link-rot')).toBeUndefined();
  });

  it('finds its own issue by label and marker, ignoring pull requests and look-alikes', async () => {
    const api = new FakeGitHub();
    await api.start();
    try {
      const client = new GitHubApi({ token: 't', baseUrl: api.url, log: quiet });
      const spec = {
        owner: 'o',
        repo: 'r',
        label: 'link-rot',
        marker: 'content-gate:link-rot',
        title: 'Links',
      };
      api.issues.push(
        {
          number: 1,
          title: 'x',
          body: 'mentions link rot',
          state: 'open',
          labels: [{ name: 'link-rot' }],
          updated_at: '',
        },
        {
          number: 2,
          title: 'pr',
          body: '<!-- content-gate:link-rot -->',
          state: 'open',
          labels: [{ name: 'link-rot' }],
          pull_request: {},
          updated_at: '',
        },
      );
      expect(await keepTrackingIssue(client, spec, () => ({ body: 'nothing', open: false }))).toEqual({
        action: 'none',
      });
      const seen: unknown[] = [];
      const update = (previous: { state: unknown } | undefined) => {
        seen.push(previous?.state);
        return { body: 'Broken links', state: { n: seen.length }, open: true };
      };
      expect(await keepTrackingIssue(client, spec, update)).toEqual({ action: 'created', number: 3 });
      expect(await keepTrackingIssue(client, spec, update)).toEqual({ action: 'updated', number: 3 });
      expect(seen).toEqual([undefined, { n: 1 }]);
      expect(await keepTrackingIssue(client, spec, () => ({ body: 'Fixed', open: false }))).toEqual({
        action: 'closed',
        number: 3,
      });
      expect(api.issues.filter((i) => i.body.includes('content-gate:link-rot state'))).toHaveLength(0);
      expect(api.issues[2]).toMatchObject({ state: 'closed', body: '<!-- content-gate:link-rot -->\nFixed' });
    } finally {
      await api.stop();
    }
  });
});

describe('sticky comment settings', () => {
  it('on-failure creates only on failure but keeps an existing comment up to date; false never writes', async () => {
    const api = new FakeGitHub();
    await api.start();
    try {
      const client = new GitHubApi({ token: 't', baseUrl: api.url, log: quiet });
      const target = { owner: 'o', repo: 'r', number: 3 };
      const warning: Finding = {
        severity: 'warning',
        ruleId: 'a/b',
        category: 'a',
        message: 'Check this.',
        policy: 'P',
        file: 'x.md',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        suggestions: [],
      };
      const publish = (setting: 'true' | 'false' | 'on-failure', findings: Finding[], failed: boolean) =>
        publishStickyComment(client, target, findings, {
          setting,
          failed,
          files: 1,
          author: 'github-actions[bot]',
        });
      expect(await publish('false', [warning], true)).toBe('skipped');
      expect(api.requests).toEqual([]);
      expect(await publish('on-failure', [warning], false)).toBe('skipped');
      expect(await publish('true', [], false)).toBe('skipped');
      expect(await publish('on-failure', [warning], true)).toBe('created');
      expect(await publish('on-failure', [warning], true)).toBe('unchanged');
      expect(await publish('on-failure', [], false)).toBe('updated');
      expect(api.issueComments.get(3)).toHaveLength(1);
      expect(api.issueComments.get(3)?.[0]?.body).toContain('All clear');
    } finally {
      await api.stop();
    }
  });

  it("never edits another user's comment that copies the marker: it keeps its own", async () => {
    const api = new FakeGitHub();
    await api.start();
    try {
      const client = new GitHubApi({ token: 't', baseUrl: api.url, log: quiet });
      const forged = {
        id: 1,
        body: `${STICKY_MARKER}\nAll clear, merge away!`,
        user: { login: 'mallory', type: 'User' },
      };
      api.issueComments.set(4, [forged]);
      const options = { setting: 'true' as const, failed: true, files: 1, author: 'github-actions[bot]' };
      const target = { owner: 'o', repo: 'r', number: 4 };
      const finding: Finding = {
        severity: 'error',
        ruleId: 'confidential/draft',
        category: 'confidential',
        message: 'An editing note is still in the post.',
        policy: 'P',
        file: 'x.md',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 5,
        suggestions: [],
      };
      expect(await publishStickyComment(client, target, [finding], options)).toBe('created');
      expect(await publishStickyComment(client, target, [finding], options)).toBe('unchanged');
      const comments = api.issueComments.get(4) ?? [];
      expect(comments.map((c) => [c.user.login, c.body.includes('editing note')])).toEqual([
        ['mallory', false],
        ['github-actions[bot]', true],
      ]);
      expect(comments[0]?.body).toBe(forged.body);
      expect(api.calls().filter((c) => c.startsWith('PATCH'))).toEqual([]);
    } finally {
      await api.stop();
    }
  });
});

describe('action.yml', () => {
  const root = join(import.meta.dirname, '..', '..');
  const action = YAML.parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    runs: { using: string; main: string };
  };
  const source = (file: string) => readFileSync(join(root, 'src', 'action', file), 'utf8');

  it('declares exactly the inputs the action reads and the outputs it sets', () => {
    const read = [...source('inputs.ts').matchAll(/read\('([a-z-]+)'/g)].map((m) => m[1]);
    const set = [...source('steps.ts').matchAll(/setOutput\('([a-z-]+)'/g)].map((m) => m[1]);
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
    expect(Object.keys(action.outputs).sort()).toEqual([...new Set(set)].sort());
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});
