import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { addedPatch, commitAll, runAction, writeTree } from '../helpers/action-runner.js';
import { FakeGitHub } from '../helpers/github-api.js';

const HEAD = 'b'.repeat(40);
const todoList = `---\ntitle: A list\n---\n\n${Array.from({ length: 100 }, (_, i) => `- Item ${i + 1}: TODO`).join('\n')}\n`;
const openHouseLines = [
  '---',
  'title: Open house',
  '---',
  'DRAFT',
  '',
  'Join us for the open house.',
  '',
  'This note is internal only.',
  '',
  'Doors open at noon.',
];
const openHouse = `${openHouseLines.join('\n')}\n`;
const renamed = '---\ntitle: Renamed\n---\n\nTODO: add the date.\n';
const huge = `---\ntitle: Huge\n---\n\n${Array.from({ length: 18 }, (_, i) => `Paragraph ${i + 1} with a TODO.\n`).join('\n')}`;
const clean = '---\ntitle: Clean\n---\n\nThe reading room reopens on Monday.\n';

/** Five posts; 120 findings on the lines the pull request changed (one of them a warning). */
const WORKSPACE_FILES = {
  // Grammar is off only to keep the test fast (harper's setup costs seconds per run).
  '.content-gate.yml': 'rules:\n  confidential/internal: warning\n  grammar: off\n',
  'blog/2026-01-todo-list.md': todoList,
  'blog/2026-02-open-house.md': openHouse,
  'blog/2026-03-renamed.md': renamed,
  'blog/2026-04-huge.md': huge,
  'blog/2026-05-clean.md': clean,
  'blog/untouched.md': '# Untouched\n\nAn old TODO nobody changed.\n',
};

const PR_FILES = [
  { filename: 'blog/2026-01-todo-list.md', status: 'added' as const, patch: addedPatch(todoList) },
  {
    filename: 'blog/2026-02-open-house.md',
    status: 'modified' as const,
    // Line 8 is new; line 4 (DRAFT) is old and must not be reported.
    patch:
      '@@ -6,4 +6,5 @@ title: Open house\n Join us for the open house.\n \n+This note is internal only.\n \n Doors open at noon.',
  },
  {
    filename: 'blog/2026-03-renamed.md',
    previous_filename: 'blog/old-name.md',
    status: 'renamed' as const,
    patch: '@@ -3,3 +3,3 @@\n ---\n \n-TK\n+TODO: add the date.',
  },
  // Over the API's patch size: GitHub sends no patch, so every line counts.
  { filename: 'blog/2026-04-huge.md', status: 'modified' as const },
  { filename: 'blog/2026-05-clean.md', status: 'added' as const, patch: addedPatch(clean) },
  { filename: 'blog/gone.md', status: 'removed' as const, patch: '@@ -1 +0,0 @@\n-TODO' },
];

function pullRequestPayload(fork = false, baseSha = 'c'.repeat(40)) {
  const base = { full_name: 'library/site' };
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      state: 'open',
      head: { sha: HEAD, ref: 'posts', repo: { full_name: fork ? 'volunteer/site' : 'library/site', fork } },
      base: { sha: baseSha, ref: 'main', repo: base },
    },
    repository: base,
  };
}

describe('the action on a pull request (built dist/index.js against a local GitHub API)', () => {
  const dist = inject('actionDist');

  /** A local API and a workspace of its own for each test. */
  async function setup() {
    const api = new FakeGitHub();
    await api.start();
    onTestFinished(() => api.stop());
    api.pulls.set(7, { head: { sha: HEAD }, files: PR_FILES });
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-ws-'));
    writeTree(workspace, WORKSPACE_FILES);
    // The checkout holds the base commit, whose config checks the pull request.
    const baseSha = commitAll(workspace, 'Base');
    const go = (inputs: Record<string, string> = {}, payload = pullRequestPayload(false, baseSha)) =>
      runAction({ dist, apiUrl: api.url, workspace, event: 'pull_request', payload, inputs });
    return { api, workspace, go, baseSha };
  }

  it('publishes a check run in batches of 50 and one sticky comment, edited in place', async () => {
    const { api, workspace, go } = await setup();
    api.pageSize = 4; // the six changed files come in two pages
    const first = await go();
    api.pageSize = 100;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.outputs).toMatchObject({ errors: '119', warnings: '1', notices: '0' });
    expect(api.calls()).toEqual([
      'GET /repos/library/site/pulls/7/files',
      'GET /repos/library/site/pulls/7/files',
      'POST /repos/library/site/check-runs',
      'PATCH /repos/library/site/check-runs/1000',
      'PATCH /repos/library/site/check-runs/1000',
      `POST /repos/library/site/statuses/${HEAD}`,
      'GET /repos/library/site/issues/7/comments',
      'POST /repos/library/site/issues/7/comments',
    ]);
    expect(api.statuses).toEqual([
      {
        sha: HEAD,
        state: 'failure',
        description: '119 unfinished parts; 1 more worth a look',
        context: 'Content Gate',
        target_url: 'https://github.example/library/site/actions/runs/4242',
      },
    ]);
    const [create, batch2, batch3] = api.writes();
    expect(create?.body).toMatchObject({ name: 'Content Gate', head_sha: HEAD, status: 'in_progress' });
    // started_at is when the action started, before it asked for the diff; completed_at when the
    // last batch went out, never before it.
    const startedAt = Date.parse(create?.body.started_at);
    const completedAt = Date.parse(batch3?.body.completed_at);
    expect(startedAt).toBeLessThanOrEqual(api.requests[0]?.at ?? 0);
    expect(completedAt).toBeGreaterThanOrEqual(api.requests[3]?.at ?? Number.POSITIVE_INFINITY);
    expect(create?.body.completed_at).toBeUndefined();
    expect(create?.body.output.annotations).toHaveLength(50);
    expect(batch2?.body.status).toBeUndefined();
    expect(batch2?.body.output.annotations).toHaveLength(50);
    expect(batch3?.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(batch3?.body.output.annotations).toHaveLength(20);
    const run = api.checkRuns[0];
    expect(run?.annotations).toHaveLength(120);
    expect(run?.annotations).toContainEqual({
      path: 'blog/2026-02-open-house.md',
      start_line: 8,
      end_line: 8,
      start_column: 1,
      end_column: 27,
      annotation_level: 'warning',
      title: 'confidential/internal',
      message: expect.stringContaining('internal only'),
    });
    const paths = new Set(run?.annotations.map((a) => (a as { path: string }).path));
    expect([...paths].sort()).toEqual([
      'blog/2026-01-todo-list.md',
      'blog/2026-02-open-house.md',
      'blog/2026-03-renamed.md',
      'blog/2026-04-huge.md',
    ]);
    const comment = api.issueComments.get(7)?.[0];
    expect(comment?.body).toContain('<!-- content-gate:sticky-comment -->');
    expect(comment?.body).toContain('119 errors, 1 warning, 0 notices in 4 files.');
    expect(comment?.body).toContain(
      `[L8](https://github.example/library/site/blob/${HEAD}/blog/2026-02-open-house.md#L8)`,
    );
    expect(comment?.body).toContain('<details><summary>'); // 120 findings: collapsed
    expect(first.summary).toContain('| confidential | 119 | 1 | 0 |');
    // The check run carries the annotations, so no workflow command repeats them.
    expect(first.stdout).not.toMatch(/^::error /m);
    const report = JSON.parse(readFileSync(first.outputs.report as string, 'utf8'));
    expect(report.summary).toEqual({ files: 5, errors: 119, warnings: 1, notices: 0 });

    api.reset();
    const second = await go();
    expect(second.code).toBe(1);
    expect(api.calls().filter((c) => c.includes('comments'))).toEqual([
      'GET /repos/library/site/issues/7/comments',
    ]); // same findings: the comment is already right
    expect(api.issueComments.get(7)).toHaveLength(1);

    // The editor fixes everything: the same comment turns to "all clear".
    writeTree(workspace, {
      'blog/2026-01-todo-list.md': todoList.replaceAll(': TODO', ': done'),
      'blog/2026-02-open-house.md': openHouse.replace('internal only', 'for everyone'),
      'blog/2026-03-renamed.md': renamed.replace('TODO: add the date.', 'On 3 May.'),
      'blog/2026-04-huge.md': huge.replaceAll(' with a TODO', ''),
    });
    api.reset();
    const third = await go();
    expect(third.code).toBe(0);
    expect(third.outputs).toMatchObject({ errors: '0', warnings: '0', notices: '0' });
    expect(api.calls()).toEqual([
      'GET /repos/library/site/pulls/7/files',
      'POST /repos/library/site/check-runs',
      `POST /repos/library/site/statuses/${HEAD}`,
      'GET /repos/library/site/issues/7/comments',
      `PATCH /repos/library/site/issues/comments/${comment?.id}`,
    ]);
    expect(api.statuses.at(-1)).toMatchObject({
      state: 'success',
      description: 'No problems found in 5 posts',
    });
    expect(api.writes()[0]?.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(api.issueComments.get(7)).toHaveLength(1);
    expect(api.issueComments.get(7)?.[0]?.body).toContain('All clear');
  });

  it('shows everything in the changed files with changed-only: false', async () => {
    const { api, go } = await setup();
    const result = await go({ 'changed-only': 'false', comment: 'false' });
    // The old DRAFT marker on line 4 of the modified post now counts; untouched files still do not.
    expect(result.outputs).toMatchObject({ errors: '120', warnings: '1' });
    expect(api.calls()).not.toContain('GET /repos/library/site/issues/7/comments');
  });

  it('falls back to workflow commands for the most severe findings on a fork, and writes nothing', async () => {
    const { api, go, baseSha } = await setup();
    const result = await go({}, pullRequestPayload(true, baseSha));
    expect(result.code).toBe(1);
    expect(api.calls()).toEqual(['GET /repos/library/site/pulls/7/files']);
    const errors = result.stdout.match(/^::error file=/gm) ?? [];
    const warnings = result.stdout.match(/^::warning file=/gm) ?? [];
    // GitHub shows 10 errors per step: 9 findings and the reason the step failed.
    expect(errors).toHaveLength(9);
    expect(result.stdout.match(/^::error/gm)).toHaveLength(10);
    expect(result.stdout).toContain('::error::Content Gate: 119 findings at or above fail-on (error).');
    expect(warnings.length).toBe(1);
    expect(result.stdout).toContain(
      '::warning::10 findings shown as annotations (GitHub shows at most 10 of each level per step); the other 110 are left out there. Read them all in the job summary and in the JSON report',
    );
    expect(result.summary).toContain('two-workflow pattern');
    expect(result.summary.match(/^\| ❌ /gm)).toHaveLength(119);
  });

  it('with publish: false writes the report and the publish context for the second workflow, and nothing to GitHub', async () => {
    const { api, workspace, go } = await setup();
    const result = await go({ publish: 'false', report: 'content-gate/report.json' });
    expect(result.code).toBe(1);
    expect(api.calls()).toEqual(['GET /repos/library/site/pulls/7/files']);
    expect(result.outputs.report).toBe(join(workspace, 'content-gate/report.json'));
    expect(JSON.parse(readFileSync(join(workspace, 'content-gate/report.json'), 'utf8')).summary).toEqual({
      files: 5,
      errors: 119,
      warnings: 1,
      notices: 0,
    });
    expect(
      JSON.parse(readFileSync(join(workspace, 'content-gate/content-gate-pull-request.json'), 'utf8')),
    ).toEqual({
      pullRequest: 7,
      headSha: HEAD,
      safeSuggestions: [],
    });
    expect(result.stdout.match(/^::error file=/gm)).toHaveLength(9);
    expect(result.stdout.match(/^::error/gm)).toHaveLength(10);
  });

  it('handles a 403 (no checks: write) and keeps the step result per fail-on', async () => {
    const { api, go } = await setup();
    api.readOnly = true;
    const result = await go({ 'fail-on': 'warning' });
    expect(result.code).toBe(1);
    expect(api.calls()).toEqual([
      'GET /repos/library/site/pulls/7/files',
      'POST /repos/library/site/check-runs',
      `POST /repos/library/site/statuses/${HEAD}`,
      'GET /repos/library/site/issues/7/comments',
      'POST /repos/library/site/issues/7/comments',
    ]);
    expect(result.summary).toContain(
      'The commit status "Content Gate" was not set: the token lacks the statuses: write permission',
    );
    expect(result.stdout.match(/^::error file=/gm)).toHaveLength(9);
    expect(result.stdout.match(/^::(error|warning)/gm)?.length).toBeLessThanOrEqual(20);
    expect(result.summary).toContain('The check run could not be published: the token may not do this');
    expect(result.summary).toContain('Resource not accessible by integration');
    expect(result.summary).toContain('The pull request comment could not be published');
    expect(result.stdout).toContain('::error::Content Gate: 120 findings at or above fail-on (warning).');
    expect(JSON.parse(readFileSync(result.outputs.report as string, 'utf8')).findings).toHaveLength(120);
  });

  it('retries a 502 on a read, never repeats a POST that may have landed, and waits out a rate limit', async () => {
    const { api, go } = await setup();
    api.fail({ method: 'GET', path: /\/pulls\/7\/files$/, status: 502, times: 1 });
    api.fail({
      method: 'POST',
      path: /\/check-runs$/,
      status: 403,
      times: 1,
      headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0' },
      body: { message: 'You have exceeded a secondary rate limit.' },
    });
    api.fail({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, times: 5 });
    const started = Date.now();
    const result = await go();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000); // 1 s backoff + 1 s retry-after
    expect(result.code).toBe(1);
    expect(api.calls()).toEqual([
      'GET /repos/library/site/pulls/7/files',
      'GET /repos/library/site/pulls/7/files',
      'POST /repos/library/site/check-runs',
      'POST /repos/library/site/check-runs',
      'PATCH /repos/library/site/check-runs/1000',
      'PATCH /repos/library/site/check-runs/1000',
      `POST /repos/library/site/statuses/${HEAD}`,
      'GET /repos/library/site/issues/7/comments',
      'POST /repos/library/site/issues/7/comments',
    ]);
    expect(result.stdout).toContain('retrying in 1000 ms');
    expect(result.stdout).toContain(
      'GitHub rate limit reached on POST /repos/library/site/check-runs; waiting 1 s',
    );
    expect(result.summary).toContain(
      'The pull request comment could not be published: POST /repos/library/site/issues/7/comments failed with HTTP 502',
    );
    expect(api.checkRuns[0]?.annotations).toHaveLength(120);
  });

  it('says so when pull_request_target did not check out the pull request head', async () => {
    // The workspace is at the base commit, as actions/checkout leaves it for pull_request_target.
    const { api, workspace, baseSha } = await setup();
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'pull_request_target',
      payload: pullRequestPayload(true, baseSha),
      inputs: { comment: 'false' },
    });
    expect(result.summary).toMatch(/The workspace is at [0-9a-f]{7}, not the pull request's head bbbbbbb/);
    // pull_request_target has a write token even for forks: the check run is published.
    expect(api.calls()).toContain('POST /repos/library/site/check-runs');
  });

  it('reports a bad input clearly', async () => {
    const { api, go } = await setup();
    const result = await go({ 'fail-on': 'loud' });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Input fail-on: expected one of error, warning, notice, never, got "loud".',
    );
    expect(api.requests).toEqual([]);
  });
});
