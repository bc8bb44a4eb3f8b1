import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { runAction, writeTree } from '../helpers/action-runner.js';
import { FakeGitHub } from '../helpers/github-api.js';

const SHA = 'f'.repeat(40);
const POSTS = {
  'blog/one.md': '# One\n\nTODO: finish.\n',
  'blog/two.md': '# Two\n\nThis is internal only.\n',
  'blog/three.md': '# Three\n\nAll good here.\n',
};

describe('the action on push, schedule and gollum events', () => {
  const dist = inject('actionDist');

  /** A local API and a workspace of its own for each test. */
  async function setup() {
    const api = new FakeGitHub();
    await api.start();
    onTestFinished(() => api.stop());
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-events-'));
    writeTree(workspace, { '.content-gate.yml': 'rules:\n  grammar: off\n', ...POSTS });
    return { api, workspace };
  }

  it('checks every included file on push and publishes a check run on the pushed commit', async () => {
    const { api, workspace } = await setup();
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'push',
      sha: SHA,
      payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: SHA, commits: [], repository: {} },
      inputs: { 'sarif-file': 'out/results.sarif' },
    });
    expect(result.code).toBe(1);
    expect(result.outputs).toMatchObject({ errors: '2', warnings: '0', notices: '0' });
    expect(api.calls()).toEqual([
      'POST /repos/library/site/check-runs',
      `POST /repos/library/site/statuses/${SHA}`,
    ]);
    expect(api.checkRuns[0]).toMatchObject({ head_sha: SHA, status: 'completed', conclusion: 'failure' });
    expect(api.statuses).toEqual([
      {
        sha: SHA,
        state: 'failure',
        description: '1 unfinished part, 1 internal note',
        context: 'Content Gate',
        target_url: 'https://github.example/library/site/actions/runs/4242',
      },
    ]);
    expect(api.checkRuns[0]?.annotations).toHaveLength(2);
    const sarif = JSON.parse(readFileSync(join(workspace, 'out/results.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(sarif.runs[0].originalUriBaseIds).toBeUndefined();
    const draftRule = sarif.runs[0].tool.driver.rules.find(
      (r: { id: string }) => r.id === 'confidential/draft',
    );
    expect(draftRule.help.markdown).toContain('> Do not share confidential or proprietary information');
    expect(sarif.runs[0].results[0].partialFingerprints['contentGate/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      'confidential/draft',
      'confidential/internal',
    ]);
    expect(result.summary).toContain('❌ 2 errors, 0 warnings, 0 notices in 2 of 3 files checked.');
  });

  it('runs link rot on a schedule without touching pull requests or checks', async () => {
    const { api, workspace } = await setup();
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      inputs: { offline: 'true', 'fail-on': 'never' },
    });
    expect(result.code).toBe(0);
    // Only the tracking-issue lookup: no check run, comment or review on a scheduled scan.
    expect(api.requests.map((r) => `${r.method} ${r.path} ${r.query.labels}`)).toEqual([
      'GET /repos/library/site/issues link-rot',
    ]);
    expect(result.stdout).toContain('Link rot: no rotten links and no tracking issue.');
    expect(result.stdout.match(/^::error file=/gm)).toHaveLength(2);
    expect(result.outputs.errors).toBe('2');
  });

  it('gollum: checks the listed pages of a cloned wiki and keeps one wiki-content issue', async () => {
    const { api, workspace } = await setup();
    const server = mkdtempSync(join(tmpdir(), 'content-gate-git-'));
    const work = join(server, 'work');
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], {
        cwd,
        stdio: 'pipe',
      });
    const commitWiki = (files: Record<string, string>) => {
      writeTree(work, files);
      git(work, 'add', '-A');
      git(work, 'commit', '-qm', 'Edit pages');
      git(work, 'push', '-q', 'origin', 'HEAD');
    };
    const page = (name: string) => ({
      page_name: name,
      title: name.replace(/-/g, ' '),
      action: 'edited',
      sha: SHA,
      html_url: `https://github.example/library/site/wiki/${name}`,
    });
    const go = () =>
      runAction({
        dist,
        apiUrl: api.url,
        serverUrl: `file://${server}`,
        workspace,
        event: 'gollum',
        payload: { pages: [page('Home'), page('Reading-List')], repository: { full_name: 'library/site' } },
      });

    mkdirSync(join(server, 'library'));
    git(server, 'init', '-q', '--bare', join(server, 'library', 'site.wiki.git'));
    git(server, 'clone', '-q', join(server, 'library', 'site.wiki.git'), work);
    commitWiki({
      'Home.md': '# Home\n\nWelcome.\n\nTODO: write the welcome.\n',
      'Reading-List.md': '# Reading list\n\nBooks for spring.\n',
      'Unlisted.md': 'DRAFT\n',
      // A config inside the wiki is not the repository's: it must not switch rules off.
      '.content-gate.yml': 'rules:\n  confidential: off\n',
    });

    const first = await go();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(first.outputs).toMatchObject({ errors: '1', warnings: '0', notices: '0' });
    expect(api.calls()).toEqual(['GET /repos/library/site/issues', 'POST /repos/library/site/issues']);
    const created = api.writes()[0]?.body;
    expect(created.labels).toEqual(['wiki-content']);
    expect(created.body).toMatch(/^<!-- content-gate:wiki-content state:[A-Za-z0-9+/=]+ -->\n/);
    expect(created.body).toContain('### [Home](https://github.example/library/site/wiki/Home)');
    expect(created.body).toContain('- ❌ line 5 `confidential/draft`');
    expect(created.body).not.toContain('Unlisted');
    expect(created.body).not.toContain('Reading list');
    expect(first.summary).toContain('## Content Gate: wiki pages');
    expect(first.summary).toContain('| ❌ | Home.md | 5 | `confidential/draft` |');
    expect(first.stdout).not.toMatch(/^::error file=/m);

    commitWiki({ 'Home.md': '# Home\n\nWelcome.\n' });
    api.reset();
    const second = await go();
    expect(second.code).toBe(0);
    expect(api.calls()).toEqual(['GET /repos/library/site/issues', 'PATCH /repos/library/site/issues/1']);
    expect(api.issues).toHaveLength(1);
    expect(api.issues[0]).toMatchObject({ state: 'closed' });
    expect(api.issues[0]?.body).toContain('All clear');

    commitWiki({ 'Reading-List.md': '# Reading list\n\nThis list is internal only.\n' });
    api.reset();
    const third = await go();
    expect(third.code).toBe(1);
    expect(api.calls()).toEqual(['GET /repos/library/site/issues', 'PATCH /repos/library/site/issues/1']);
    expect(api.issues).toHaveLength(1);
    expect(api.issues[0]).toMatchObject({ state: 'open' });
    expect(api.issues[0]?.body).toContain(
      '### [Reading List](https://github.example/library/site/wiki/Reading-List)',
    );
  });
});
