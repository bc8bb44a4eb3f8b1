import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { addedPatch, commitAll, git, runAction, writeTree } from '../helpers/action-runner.js';
import { FakeGitHub } from '../helpers/github-api.js';
import { LinkServer } from '../helpers/link-server.js';

const HEAD = 'b'.repeat(40);
const BASE_CONFIG = 'rules:\n  confidential/internal: warning\n';
/** What the pull request's author puts in the config: its own gate, switched off. */
const PR_CONFIG = 'rules:\n  confidential: off\nlinks:\n  allowPrivate: true\n';
/** Text of a file outside the repository that a symlinked post points at. */
const OUTSIDE_SECRET = 'RUNNER-ONLY zebra-7731 token=ghs_outsidesecretvalue';

function payload(baseSha: string) {
  const repo = { full_name: 'library/site' };
  return {
    action: 'synchronize',
    number: 12,
    pull_request: {
      number: 12,
      head: { sha: HEAD, ref: 'posts', repo },
      base: { sha: baseSha, ref: 'main', repo },
    },
    repository: repo,
  };
}

describe('a pull request cannot switch its own gate off or reach outside the workspace', () => {
  const dist = inject('actionDist');

  async function servers() {
    const api = new FakeGitHub();
    await api.start();
    onTestFinished(() => api.stop());
    const links = await new LinkServer({
      '/staff-only': (_req, res) => {
        res.end('ok');
      },
    }).start();
    onTestFinished(() => links.close());
    return { api, links };
  }

  it('checks with the base config, says what the config change would do, refuses loopback links and symlinked posts, and shows added suppressions', async () => {
    const { api, links } = await servers();
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-sec-'));
    writeTree(workspace, { '.content-gate.yml': BASE_CONFIG, 'blog/old.md': '# Old\n\nAll fine.\n' });
    const baseSha = commitAll(workspace, 'Base');
    const outside = mkdtempSync(join(tmpdir(), 'content-gate-outside-'));
    writeFileSync(join(outside, 'notes.md'), `# Notes\n\n${OUTSIDE_SECRET}\n`);
    const post = [
      '---',
      'title: New post',
      '---',
      '',
      'TODO: confirm the date.',
      '',
      `Staff can read [the plan](${links.url('/staff-only')}).`,
      '',
      '<!-- content-gate-disable-next-line confidential -->',
      'TODO: hidden without a reason.',
      '',
      '<!-- content-gate-disable-next-line confidential/draft -- the heading quotes a TODO list title -->',
      'TODO lists for beginners',
      '',
    ].join('\n');
    writeTree(workspace, { '.content-gate.yml': PR_CONFIG, 'blog/new.md': post });
    symlinkSync(join(outside, 'notes.md'), join(workspace, 'blog', 'leak.md'));
    api.pulls.set(12, {
      head: { sha: HEAD },
      files: [
        {
          filename: '.content-gate.yml',
          status: 'modified',
          patch:
            '@@ -1,2 +1,4 @@\n rules:\n-  confidential/internal: warning\n+  confidential: off\n+links:\n+  allowPrivate: true',
        },
        { filename: 'blog/new.md', status: 'added', patch: addedPatch(post) },
        { filename: 'blog/leak.md', status: 'added', patch: addedPatch('../outside') },
      ],
    });

    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'pull_request',
      payload: payload(baseSha),
    });

    const report = JSON.parse(readFileSync(result.outputs.report as string, 'utf8'));
    const found = report.findings.map(
      (f: { file: string; line: number; column: number; ruleId: string; severity: string }) =>
        `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`,
    );
    expect(found).toEqual([
      '.content-gate.yml:2:3 content/config-change warning',
      'blog/new.md:5:1 confidential/draft error',
      'blog/new.md:7:27 links/broken warning',
      'blog/new.md:9:1 content/refused-suppression notice',
      'blog/new.md:10:1 confidential/draft error',
    ]);
    const change = report.findings[0].message;
    expect(change).toContain('turns confidential off');
    expect(change).toContain('allows requests to private and loopback addresses');
    expect(report.findings[2].message).toContain('private or local');
    expect(links.log).toEqual([]);
    expect(result.code).toBe(1);

    // The symlinked post: a warning naming it, and none of its text anywhere.
    expect(result.stdout).toContain(
      'blog/leak.md: Skipped: this file is a symbolic link to a place outside the repository',
    );
    const everything = [
      result.stdout,
      result.stderr,
      result.summary,
      JSON.stringify(report),
      ...api.requests.map((r) => JSON.stringify(r.body)),
    ].join('\n');
    expect(everything).not.toContain('zebra-7731');
    expect(everything).not.toContain('ghs_outsidesecretvalue');

    // The reviewer sees both suppressions the pull request adds.
    const comment = api.issueComments.get(12)?.[0]?.body ?? '';
    expect(comment).toContain('#### 2 suppressions added by this change');
    expect(comment).toMatch(
      /\| blog\/new\.md \| \[9\]\([^)]+\) \| `confidential` \| _none_ \| no: see the finding \|/,
    );
    expect(comment).toMatch(
      /\| blog\/new\.md \| \[12\]\([^)]+\) \| `confidential\/draft` \| the heading quotes a TODO list title \| yes \|/,
    );
    expect(result.summary).toContain('#### 2 suppressions added by this change');
  });

  it('with config-source: head, a maintainer may choose the change’s own config', async () => {
    const { api } = await servers();
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-sec-'));
    writeTree(workspace, { '.content-gate.yml': BASE_CONFIG });
    const baseSha = commitAll(workspace, 'Base');
    writeTree(workspace, { '.content-gate.yml': PR_CONFIG, 'blog/new.md': '# New\n\nTODO: later.\n' });
    api.pulls.set(12, {
      head: { sha: HEAD },
      files: [{ filename: 'blog/new.md', status: 'added', patch: addedPatch('# New\n\nTODO: later.\n') }],
    });
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'pull_request',
      payload: payload(baseSha),
      inputs: { 'config-source': 'head', comment: 'false' },
    });
    expect(result.outputs).toMatchObject({ errors: '0', warnings: '0', notices: '0' });
    expect(result.code).toBe(0);
  });

  it('reads the base config through the API when the clone lacks the base commit, and fails when it cannot', async () => {
    const { api } = await servers();
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-sec-'));
    writeTree(workspace, { '.content-gate.yml': PR_CONFIG, 'blog/new.md': '# New\n\nTODO: later.\n' });
    commitAll(workspace, 'Only the head, as a shallow checkout has it');
    const missing = 'd'.repeat(40);
    api.contents.set(missing, { '.content-gate.yml': BASE_CONFIG });
    api.pulls.set(12, {
      head: { sha: HEAD },
      files: [{ filename: 'blog/new.md', status: 'added', patch: addedPatch('# New\n\nTODO: later.\n') }],
    });
    const go = () =>
      runAction({
        dist,
        apiUrl: api.url,
        workspace,
        event: 'pull_request',
        payload: payload(missing),
        inputs: { comment: 'false' },
      });

    const viaApi = await go();
    expect(api.calls()).toContain('GET /repos/library/site/contents/.content-gate.yml');
    expect(viaApi.outputs).toMatchObject({ errors: '1', warnings: '1' });

    api.reset();
    api.fail({
      method: 'GET',
      path: /\/contents\//,
      status: 403,
      body: { message: 'Resource not accessible by integration' },
      times: 10,
    });
    const refused = await go();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `::error::config-source: base: the commit "${missing}" is not in this clone`,
    );
    expect(refused.stdout).toContain('fetch-depth: 0');
    expect(refused.stdout).toContain('Resource not accessible by integration');
    // Nothing is published: only the diff was read before the config.
    expect(api.calls().filter((c) => !c.includes('/contents/'))).toEqual([
      'GET /repos/library/site/pulls/12/files',
    ]);
  });

  it('refuses report and sarif-file paths outside the workspace and the runner temp folder', async () => {
    const { api } = await servers();
    const workspace = mkdtempSync(join(tmpdir(), 'content-gate-sec-'));
    writeTree(workspace, { 'blog/new.md': '# New\n\nAll good.\n' });
    git(workspace, 'init', '-q');
    const result = await runAction({
      dist,
      apiUrl: api.url,
      workspace,
      event: 'push',
      payload: { before: '0'.repeat(40), after: HEAD },
      inputs: { 'sarif-file': '../../escaped.sarif' },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error::Input sarif-file: "../../escaped.sarif" is outside the workspace and the runner\'s temporary folder',
    );
    expect(api.calls()).toEqual([]);
  });
});
