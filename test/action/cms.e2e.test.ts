import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { addedPatch, commitAll, runAction, writeTree } from '../helpers/action-runner.js';
import { FakeGitHub } from '../helpers/github-api.js';

const DRAFTY = '---\ntitle: Story time\n---\n\nStory time is on Tuesdays.\n\nTODO: add the room.\n';
const FIXED = '---\ntitle: Story time\n---\n\nStory time is on Tuesdays in the Saxe Room.\n';
const CLEAN = '---\ntitle: Hours\n---\n\nThe library opens at nine.\n';

/** The CMS flows: Decap pull requests, pushes to the publishing branch, a "Check this post" button. */
describe('the action for editors who use a CMS (built dist/index.js against a local GitHub API)', () => {
  const dist = inject('actionDist');

  async function setup(files: Record<string, string> = { 'blog/story.md': DRAFTY, 'blog/hours.md': CLEAN }) {
    const api = new FakeGitHub();
    await api.start();
    onTestFinished(() => api.stop());
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-cms-'));
    // Grammar is off only to keep the test fast (harper's setup costs seconds per run).
    writeTree(workspace, { '.content-gate.yml': 'rules:\n  grammar: off\n', ...files });
    const sha = commitAll(workspace, 'Posts');
    return { api, workspace, sha };
  }

  function decapPull(sha: string, base: string, labels: string[] | undefined) {
    return {
      action: 'labeled',
      number: 12,
      pull_request: {
        number: 12,
        head: { sha, ref: 'cms/posts/story-time', repo: { full_name: 'library/site' } },
        base: { sha: base, ref: 'main', repo: { full_name: 'library/site' } },
        ...(labels ? { labels: labels.map((name) => ({ name })) } : {}),
      },
      repository: { full_name: 'library/site', default_branch: 'main' },
    };
  }

  it('a Decap draft with block-when: ready is advisory: success status, editor-first comment', async () => {
    const { api, workspace, sha } = await setup();
    api.pulls.set(12, {
      head: { sha },
      files: [{ filename: 'blog/story.md', status: 'added', patch: addedPatch(DRAFTY) }],
    });
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'pull_request',
      sha,
      payload: decapPull(sha, sha, ['decap-cms/draft']),
      inputs: { 'block-when': 'ready', 'report-url': 'https://preview.example.org/content-gate.html' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ errors: '1' });
    expect(api.checkRuns[0]?.conclusion).toBe('success');
    expect(api.statuses).toEqual([
      {
        sha,
        state: 'success',
        description: 'Ready to publish; worth a look: 1 unfinished part',
        context: 'Content Gate',
        target_url: 'https://preview.example.org/content-gate.html',
      },
    ]);
    const comment = api.issueComments.get(12)?.[0]?.body ?? '';
    expect(comment).toContain(
      'This entry is a draft, so nothing here blocks it yet. **Before it is published, please change:**',
    );
    expect(comment).toContain('- `blog/story.md`: 1 unfinished part');
    expect(comment).toContain(
      '[Open the findings page](https://preview.example.org/content-gate.html): each problem in its sentence',
    );
    // Rule ids and lines are for reviewers, folded below the editor's part.
    const fold = comment.indexOf('<details><summary>For reviewers');
    expect(fold).toBeGreaterThan(0);
    expect(comment.indexOf('confidential/draft')).toBeGreaterThan(fold);
    expect(result.summary).toContain('with block-when: ready, its findings do not fail the check');
  });

  it('the same entry marked ready to publish blocks; unreadable labels block too, with a note', async () => {
    const { api, workspace, sha } = await setup();
    api.pulls.set(12, {
      head: { sha },
      files: [{ filename: 'blog/story.md', status: 'added', patch: addedPatch(DRAFTY) }],
    });
    const go = (labels: string[] | undefined) =>
      runAction({
        dist,
        apiUrl: api.url,
        workspace,
        event: 'pull_request',
        sha,
        payload: decapPull(sha, sha, labels),
        inputs: { 'block-when': 'ready' },
      });
    const ready = await go(['decap-cms/pending_publish']);
    expect(ready.code).toBe(1);
    expect(api.statuses.at(-1)).toMatchObject({ state: 'failure', description: '1 unfinished part' });
    expect(api.issueComments.get(12)?.[0]?.body).toContain(
      '**Before this post is published, please change:**',
    );

    api.fail({ method: 'GET', path: /\/issues\/12\/labels$/, status: 403, times: 1 });
    const unknown = await go(undefined);
    expect(unknown.code).toBe(1);
    expect(unknown.summary).toContain(
      "The pull request's labels could not be read (GET /repos/library/site/issues/12/labels failed with HTTP 403",
    );
    expect(api.statuses.at(-1)).toMatchObject({ state: 'failure' });
  });

  it('push to the publishing branch: only changed posts, one tracking issue, closed by the fix', async () => {
    const { api, workspace, sha: first } = await setup();
    writeTree(workspace, { 'blog/story.md': `${DRAFTY}\nMore soon.\n`, 'blog/new.md': CLEAN });
    const second = commitAll(workspace, 'Edit story, add a post');
    const push = (before: string, after: string) =>
      runAction({
        dist,
        apiUrl: api.url,
        workspace,
        event: 'push',
        sha: after,
        payload: { ref: 'refs/heads/main', before, after, repository: { default_branch: 'main' } },
        inputs: { 'html-report': '_site/content-gate.html' },
      });
    const broken = await push(first, second);
    expect(broken.code).toBe(1);
    expect(broken.outputs).toMatchObject({ errors: '1', 'html-report': '_site/content-gate.html' });
    expect(api.checkRuns[0]?.annotations).toHaveLength(1);
    expect(api.statuses.at(-1)).toMatchObject({
      sha: second,
      state: 'failure',
      description: '1 unfinished part',
    });
    expect(api.issues).toHaveLength(1);
    expect(api.issues[0]).toMatchObject({
      state: 'open',
      title: 'Published posts on main that need attention (Content Gate)',
      labels: [{ name: 'content-gate' }],
    });
    expect(api.issues[0]?.body).toContain(
      `### [blog/story.md](https://github.example/library/site/blob/${second}/blog/story.md)`,
    );
    expect(api.issues[0]?.body).toContain('- ❌ line 7 `confidential/draft`');
    expect(api.issues[0]?.body).not.toContain('hours.md');
    const page = readFileSync(join(workspace, '_site/content-gate.html'), 'utf8');
    expect(page).toContain('<p><mark>TODO:</mark> add the room.</p>');
    expect(broken.summary).toContain('📄 Findings page for editors: `_site/content-gate.html`');

    writeTree(workspace, { 'blog/story.md': FIXED });
    rmSync(join(workspace, '_site'), { recursive: true });
    const third = commitAll(workspace, 'Fix the story');
    api.reset();
    const fixed = await push(second, third);
    expect(fixed.code).toBe(0);
    expect(api.issues).toHaveLength(1);
    expect(api.issues[0]?.state).toBe('closed');
    expect(api.issues[0]?.body).toContain('All clear');
    expect(api.statuses.at(-1)).toMatchObject({
      sha: third,
      state: 'success',
      description: 'No problems found in 1 post',
    });
  });

  it('push whose previous commit is missing (force push, shallow clone) checks every post and says why', async () => {
    const { api, workspace, sha } = await setup();
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'push',
      sha,
      payload: {
        ref: 'refs/heads/main',
        before: '1'.repeat(40),
        after: sha,
        forced: true,
        repository: { default_branch: 'main' },
      },
      inputs: { 'config-source': 'head' },
    });
    expect(result.code).toBe(1);
    expect(result.summary).toContain(
      "The push's previous commit 1111111 is not in this clone (the push was forced, or the checkout is shallow: set fetch-depth: 0 on actions/checkout); every included post was checked instead.",
    );
    expect(api.checkRuns[0]?.annotations).toHaveLength(1);
    expect(api.issues[0]?.body).toContain('blog/story.md');
  });

  it('Pages CMS "Check this post" dispatch: that post only, reported through the status and the page', async () => {
    const { api, workspace, sha } = await setup();
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'workflow_dispatch',
      sha,
      payload: { inputs: { path: 'blog/hours.md' }, ref: 'refs/heads/main' },
      inputs: { 'html-report': 'content-gate.html' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(api.statuses).toEqual([
      expect.objectContaining({ sha, state: 'success', description: 'No problems found in 1 post' }),
    ]);
    expect(api.issues).toHaveLength(0);
    expect(readFileSync(join(workspace, 'content-gate.html'), 'utf8')).toContain(
      'No problems found in 1 post. Nothing to change.',
    );
  });

  it('refuses a findings page outside the workspace, before checking anything', async () => {
    const { api, workspace, sha } = await setup();
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'push',
      sha,
      payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: sha, repository: {} },
      inputs: { 'html-report': '../elsewhere/page.html' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Input html-report: "../elsewhere/page.html" is outside the workspace');
    expect(existsSync(join(workspace, '..', 'elsewhere'))).toBe(false);
    expect(api.requests).toHaveLength(0);
  });
});
