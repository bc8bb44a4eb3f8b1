import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { runAction, writeTree } from '../helpers/action-runner.js';
import { FakeGitHub } from '../helpers/github-api.js';

const HEAD = 'd'.repeat(40);
const POLICY = 'Policy: be accurate.';

function finding(
  line: number,
  column: number,
  endColumn: number,
  ruleId: string,
  suggestion: string,
  file = 'blog/reading.md',
) {
  return {
    ruleId,
    category: ruleId.split('/')[0],
    severity: 'warning',
    message: `Check this word. (${POLICY})`,
    policy: 'Accuracy',
    file,
    line,
    column,
    endLine: line,
    endColumn,
    suggestions: [suggestion],
  };
}

/** The report a fork's pull_request run uploaded: findings with single suggestions, most of them safe. */
const REPORT = {
  tool: { name: 'content-gate', version: '0.1.0' },
  files: [
    { file: 'blog/reading.md', findings: 6 },
    { file: 'blog/elsewhere.md', findings: 1 },
  ],
  findings: [
    finding(2, 1, 6, 'spelling/unknown-word', 'Title'), // line 2 is outside the diff
    finding(5, 5, 11, 'spelling/unknown-word', 'library'),
    finding(6, 18, 21, 'spelling/unknown-word', 'the'),
    finding(7, 5, 24, 'links/insecure', 'https://example.org/'),
    finding(8, 17, 24, 'spelling/unknown-word', 'receive'), // not marked safe
    finding(8, 5, 9, 'spelling/unknown-word', 'words'), // safe; over max-suggestions on the first run
    finding(1, 1, 2, 'spelling/unknown-word', 'x', 'blog/elsewhere.md'), // not in this pull request
  ],
  summary: { files: 2, errors: 0, warnings: 7, notices: 0 },
};

const PATCH = [
  '@@ -3,2 +3,6 @@ title: Reading',
  ' ',
  ' Intro.',
  '+The libary opens at noon.',
  '+Use ``` in code: teh fence.',
  '+See http://example.org/ today.',
  '+Two wrds wrong: recieve.',
].join('\n');

function workflowRunPayload() {
  return {
    action: 'completed',
    workflow_run: {
      id: 99,
      event: 'pull_request',
      head_sha: HEAD,
      conclusion: 'failure',
      // GitHub leaves this empty for pull requests from forks.
      pull_requests: [],
      head_repository: { full_name: 'volunteer/site' },
    },
    repository: { full_name: 'library/site' },
  };
}

describe('mode: publish (the fork-safe second workflow)', () => {
  const dist = inject('actionDist');

  /** A local API and a workspace of its own for each test. */
  async function setup() {
    const api = new FakeGitHub();
    await api.start();
    onTestFinished(() => api.stop());
    api.pulls.set(9, {
      head: { sha: HEAD },
      files: [{ filename: 'blog/reading.md', status: 'modified', patch: PATCH }],
    });
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-publish-'));
    // Only the downloaded artifact: no post of the fork is in the workspace.
    writeTree(workspace, {
      'artifact/report.json': JSON.stringify(REPORT),
      'artifact/content-gate-pull-request.json': JSON.stringify({
        pullRequest: 9,
        headSha: HEAD,
        safeSuggestions: [0, 1, 2, 3, 5, 6],
      }),
    });
    const go = () =>
      runAction({
        dist,
        apiUrl: api.url,
        workspace,
        event: 'workflow_run',
        payload: workflowRunPayload(),
        inputs: {
          mode: 'publish',
          report: 'artifact/report.json',
          'max-suggestions': '2',
          'fail-on': 'warning',
        },
      });
    return { api, go };
  }

  it('publishes the check run, the comment and each suggestion once, only on diff lines', async () => {
    const { api, go } = await setup();
    const first = await go();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.outputs).toMatchObject({ errors: '0', warnings: '6', notices: '0' });
    expect(api.calls()).toEqual([
      'GET /repos/library/site/pulls/9',
      'GET /repos/library/site/pulls/9/files',
      'POST /repos/library/site/check-runs',
      `POST /repos/library/site/statuses/${'d'.repeat(40)}`,
      'GET /repos/library/site/issues/9/comments',
      'POST /repos/library/site/issues/9/comments',
      'GET /repos/library/site/pulls/9/comments',
      'POST /repos/library/site/pulls/9/reviews',
    ]);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    expect(api.checkRuns[0]?.annotations).toHaveLength(6);
    const review = api.writes().at(-1)?.body;
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    expect(review.body).toContain('2 more suggestions are listed');
    expect(review.comments.map((c: { path: string; line: number }) => `${c.path}:${c.line}`)).toEqual([
      'blog/reading.md:5',
      'blog/reading.md:6',
    ]);
    expect(review.comments[0].body).toContain('```suggestion\nThe library opens at noon.\n```');
    // The replacement line holds a run of three backticks, so the fence has four.
    expect(review.comments[1].body).toContain('````suggestion\nUse ``` in code: the fence.\n````');

    api.reset();
    await go();
    const second = api.writes().find((w) => w.path.endsWith('/reviews'))?.body;
    expect(second.comments.map((c: { line: number }) => c.line)).toEqual([7, 8]);
    expect(second.comments[0].body).toContain('```suggestion\nSee https://example.org/ today.\n```');

    api.reset();
    await go();
    expect(api.calls()).not.toContain('POST /repos/library/site/pulls/9/reviews');
    expect(api.reviewComments.get(9)).toHaveLength(4);
    expect(api.issueComments.get(9)).toHaveLength(1);
  });

  it('does not touch the pull request when it has moved past the reported commit', async () => {
    const { api, go } = await setup();
    api.pulls.set(9, { head: { sha: 'e'.repeat(40) }, files: [] });
    const result = await go();
    expect(result.code).toBe(1);
    expect(api.calls()).toEqual([
      'GET /repos/library/site/pulls/9',
      'POST /repos/library/site/check-runs',
      `POST /repos/library/site/statuses/${'d'.repeat(40)}`,
    ]);
    expect(result.summary).toContain('has moved on from ddddddd (now eeeeeee)');
  });
});
