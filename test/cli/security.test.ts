import { mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git } from '../helpers/action-runner.js';
import { cli } from '../helpers/cli.js';

/** A site folder inside a folder of its own, so anything written beside the site shows. */
function siteIn(files: Record<string, string>): { outer: string; site: string } {
  const outer = mkdtempSync(join(tmpdir(), 'content-gate-outer-'));
  const site = join(outer, 'site');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(site, name, '..'), { recursive: true });
    writeFileSync(join(site, name), text);
  }
  return { outer, site };
}

/** Every path under `dir` except those inside `skip`, with sizes: what a run may not change. */
function listing(dir: string, skip: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (path === skip) continue;
      const stat = statSync(path);
      out.push(`${relative(dir, path)} ${stat.isDirectory() ? 'dir' : stat.size}`);
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out.sort();
}

const POST = '# Hours\n\nThe reading room opens at noon. TODO: confirm.\n';

describe('paths a config names stay inside the repository', () => {
  const cases: [string, string, string][] = [
    ['siteRoot', 'siteRoot: ../..\n', 'siteRoot'],
    ['siteRoot (absolute)', 'siteRoot: /etc\n', 'siteRoot'],
    ['wordsFiles', 'wordsFiles: [words.txt, ../../words.txt]\n', 'wordsFiles.1'],
    ['wordsFiles (absolute)', 'wordsFiles: [/etc/passwd]\n', 'wordsFiles.0'],
    ['links.cacheFile', 'links:\n  cacheFile: ../../somewhere.json\n', 'links.cacheFile'],
    ['links.cacheFile (absolute)', 'links:\n  cacheFile: /tmp/somewhere.json\n', 'links.cacheFile'],
    ['a path that climbs out in the middle', 'links:\n  cacheFile: a/../../b.json\n', 'links.cacheFile'],
  ];
  for (const [name, config, key] of cases) {
    it(`${name}: exit 2 naming ${key}`, async () => {
      const { site } = siteIn({ '.content-gate.yml': config, 'post.md': POST });
      const result = await cli(site, 'check', '--offline');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(
          `\\.content-gate\\.yml:\\d+:\\d+: ${key.replace('.', '\\.')}: ".+" leads outside the repository`,
        ),
      );
      expect(result.stdout).toBe('');
    });
  }

  it('a symbolic link inside the repository that leads out of it counts as outside', async () => {
    const { outer, site } = siteIn({
      '.content-gate.yml': 'links:\n  cacheFile: out/cache.json\n',
      'post.md': POST,
    });
    symlinkSync(outer, join(site, 'out'));
    const result = await cli(site, 'check', '--offline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '.content-gate.yml:2:3: links.cacheFile: "out/cache.json" leads outside the repository',
    );
  });

  it('writes nothing outside the site in any mode', async () => {
    const { outer, site } = siteIn({
      '.content-gate.yml': 'links:\n  cacheFile: .content-gate/links.json\n',
      'blog/post.md': POST,
      'blog/fix.md': '# Fix\n\nSee [the page](./POST.md).\n',
    });
    writeFileSync(join(outer, 'neighbour.txt'), 'not ours');
    const before = listing(outer, site);
    const runs = [
      ['check', '--offline'],
      ['check', '--offline', '--cache'],
      ['check', '--offline', '--fix'],
      ['check', '--offline', '--mode', 'link-rot'],
      ['check', '--offline', '--format', 'sarif', '--output', 'out/report.sarif'],
      ['check', '--offline', '--jobs', '2'],
    ];
    for (const args of runs) expect((await cli(site, ...args)).code).toBeLessThan(2);
    expect(listing(outer, site)).toEqual(before);
  });
});

describe('posts that are symbolic links', () => {
  it('a post linked to a file outside the repository is not read: a warning names it', async () => {
    const { outer, site } = siteIn({ 'blog/real.md': POST });
    writeFileSync(join(outer, 'secret.md'), '# Secret\n\nRUNNER-ONLY zebra-7731\n');
    symlinkSync(join(outer, 'secret.md'), join(site, 'blog', 'linked.md'));
    symlinkSync('real.md', join(site, 'blog', 'alias.md'));
    mkdirSync(join(outer, 'elsewhere'));
    writeFileSync(join(outer, 'elsewhere', 'more.md'), '# More\n\nzebra-7731 again\n');
    symlinkSync(join(outer, 'elsewhere'), join(site, 'blog', 'folder'));
    symlinkSync('loop', join(site, 'blog', 'loop'));
    const result = await cli(site, 'check', '--offline', '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['blog/alias.md', 'blog/real.md']);
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'blog/folder: warning: Skipped: this file is a symbolic link to a place outside the repository, so it was not read or checked: commit the file itself.',
      'blog/linked.md: warning: Skipped: this file is a symbolic link to a place outside the repository, so it was not read or checked: commit the file itself.',
    ]);
    expect(result.stdout + result.stderr).not.toContain('zebra');
  });

  it('a post named on the command line through a link out of the repository is not read either', async () => {
    const { outer, site } = siteIn({ 'blog/real.md': POST });
    writeFileSync(join(outer, 'secret.md'), '# Secret\n\nzebra-7731\n');
    symlinkSync(join(outer, 'secret.md'), join(site, 'blog', 'linked.md'));
    const result = await cli(site, 'check', '--offline', 'blog/linked.md', 'blog/real.md');
    expect(result.stderr).toContain('blog/linked.md: warning: Skipped: this file is a symbolic link');
    expect(result.stdout).toContain('blog/real.md:3:');
    expect(result.stdout + result.stderr).not.toContain('zebra');
  });

  it('a post named on the command line from outside the repository is not read, and says so', async () => {
    const { outer, site } = siteIn({ 'blog/real.md': POST });
    writeFileSync(join(outer, 'secret.md'), '# Secret\n\nzebra-7731\n');
    const result = await cli(site, 'check', '--offline', '../secret.md', 'blog/real.md');
    expect(result.stderr).toContain(
      '../secret.md: warning: Skipped: this file is outside the repository Content Gate runs in, so it was not read or checked: run the check from the repository that holds it.',
    );
    expect(result.stdout).toContain('blog/real.md:3:');
    expect(result.stdout + result.stderr).not.toContain('zebra');
  });

  it('a local link out of the site is reported without being opened', async () => {
    const { outer, site } = siteIn({
      'post.md': '# Post\n\nSee [notes](../secret.md#zebra) and [root](/../../etc/passwd).\n',
    });
    writeFileSync(join(outer, 'secret.md'), '# Zebra\n');
    const result = await cli(site, 'check', '--offline', '--format', 'json');
    const findings = JSON.parse(result.stdout).findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'links/missing-file',
    );
    expect(
      findings.map((f: { line: number; column: number; message: string }) => [
        f.line,
        f.column,
        f.message.split(' (Policy')[0],
      ]),
    ).toEqual([
      [
        3,
        13,
        'This link points to "../secret.md", outside the site\'s folder, so readers cannot reach it and it was not checked. Link to a page of the site, or to its full web address.',
      ],
      [
        3,
        44,
        'This link points to "/../../etc/passwd", outside the site\'s folder, so readers cannot reach it and it was not checked. Link to a page of the site, or to its full web address.',
      ],
    ]);
  });
});

describe('hostile YAML', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...'bcdefghi'.split('').map((k, i) => {
      const prev = 'abcdefghi'[i] as string;
      return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`;
    }),
  ].join('\n');

  it('a config that is an alias bomb is refused within a second', async () => {
    const { site } = siteIn({ '.content-gate.yml': `${bomb}\n`, 'post.md': POST });
    await cli(siteIn({ '.content-gate.yml': 'words: [x]\n', 'post.md': POST }).site, 'check', '--offline');
    const started = Date.now();
    const result = await cli(site, 'check', '--offline');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'content-gate: Config file .content-gate.yml is not valid YAML: Excessive alias count indicates a resource exhaustion attack.\n',
    );
  });

  it('a config of 10 MB is refused without being parsed', async () => {
    const { site } = siteIn({
      '.content-gate.yml': `words:\n${'  - word\n'.repeat(1_300_000)}`,
      'post.md': POST,
    });
    const result = await cli(site, 'check', '--offline');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Config file .content-gate.yml is larger than 1 MB, so it is not read');
  });

  it('front matter that is an alias bomb is a located finding and the body is still checked', async () => {
    const { site } = siteIn({ 'post.md': `---\n${bomb}\n---\n\nTODO: confirm.\n` });
    const started = Date.now();
    const result = await cli(site, 'check', '--offline', '--format', 'json');
    expect(Date.now() - started).toBeLessThan(3000);
    const findings = JSON.parse(result.stdout).findings.map(
      (f: { ruleId: string; line: number; message: string }) => `${f.line} ${f.ruleId}`,
    );
    expect(findings).toContain('2 content/front-matter');
    expect(findings).toContain('13 confidential/draft');
  });
});

describe('--config-from REF', () => {
  function repository() {
    const { site } = siteIn({
      '.content-gate.yml': 'rules:\n  confidential/internal: warning\n',
      'blog/post.md': '# Post\n\nThis is internal only.\n',
    });
    const base = commitAll(site, 'Base');
    writeFileSync(
      join(site, '.content-gate.yml'),
      'include: ["blog/**/*.md"]\nrules:\n  confidential: off\n  spelling: notice\n',
    );
    writeFileSync(join(site, 'blog/new.md'), '# New\n\nTODO: later.\n');
    return { site, base };
  }

  it('checks with the committed config and describes the working one as content/config-change', async () => {
    const { site, base } = repository();
    const result = await cli(site, 'check', '--offline', '--config-from', base, '--format', 'json');
    const findings = JSON.parse(result.stdout).findings.map(
      (f: { file: string; line: number; column: number; ruleId: string; severity: string }) =>
        `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`,
    );
    expect(findings).toEqual([
      '.content-gate.yml:3:3 content/config-change warning',
      'blog/new.md:3:1 confidential/draft error',
      'blog/post.md:3:1 confidential/internal warning',
    ]);
    expect(JSON.parse(result.stdout).findings[0].message).toBe(
      `This check used the config of ${base.slice(0, 12)}, the branch this change goes into, not this one. Once merged, this change to the config turns confidential off; lowers spelling/unknown-word from warning to notice; changes which files are checked to "blog/**/*.md". A maintainer should review it.`,
    );
    expect(result.code).toBe(1);
  });

  it('says nothing when the working config is the committed one', async () => {
    const { site, base } = repository();
    git(site, 'checkout', '-q', '--', '.content-gate.yml');
    const result = await cli(site, 'check', '--offline', '--config-from', base, '--format', 'json');
    expect(JSON.parse(result.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'confidential/draft',
      'confidential/internal',
    ]);
  });

  it('a commit that is not in the clone, or a ref that looks like a flag, is a usage error', async () => {
    const { site } = repository();
    const missing = await cli(site, 'check', '--offline', '--config-from', 'e'.repeat(40));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--config-from: the commit "${'e'.repeat(40)}" is not in this clone`);
    const flag = await cli(site, 'check', '--offline', '--config-from=--output=x');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--config-from: "--output=x" is not a commit, branch or tag.');
  });
});

describe('suppressions a change adds', () => {
  function repository(config = '') {
    const { site } = siteIn({
      '.content-gate.yml': config || 'rules: {}\n',
      'post.md': '# Post\n\nAll good.\n',
    });
    const base = commitAll(site, 'Base');
    writeFileSync(
      join(site, 'post.md'),
      [
        '# Post',
        '',
        'All good.',
        '',
        '<!-- content-gate-disable-next-line confidential -->',
        'TODO: no reason given.',
        '',
        '<!-- content-gate-disable-next-line confidential -- a title that quotes a TODO list -->',
        'TODO lists for beginners',
        '',
      ].join('\n'),
    );
    return { site, base };
  }
  const found = (stdout: string) =>
    JSON.parse(stdout).findings.map(
      (f: { line: number; column: number; ruleId: string }) => `${f.line}:${f.column} ${f.ruleId}`,
    );

  it('by default need a reason: one without hides nothing and says why', async () => {
    const { site, base } = repository();
    const result = await cli(site, 'check', '--offline', '--changed-since', base, '--format', 'json');
    expect(found(result.stdout)).toEqual(['5:1 content/refused-suppression', '6:1 confidential/draft']);
    expect(JSON.parse(result.stdout).findings[0].message).toBe(
      'This suppression was added by this change without a reason, so it hides nothing. Say why after "--", e.g. <!-- content-gate-disable-next-line spelling -- the author\'s own spelling -->.',
    );
  });

  it('deny refuses every new one; allow accepts both; old ones keep working in a full run', async () => {
    const denied = repository('suppressions: deny\n');
    const deny = await cli(
      denied.site,
      'check',
      '--offline',
      '--changed-since',
      denied.base,
      '--format',
      'json',
    );
    expect(found(deny.stdout)).toEqual([
      '5:1 content/refused-suppression',
      '6:1 confidential/draft',
      '8:1 content/refused-suppression',
      '9:1 confidential/draft',
    ]);
    const allowed = repository('suppressions: allow\n');
    const allow = await cli(
      allowed.site,
      'check',
      '--offline',
      '--changed-since',
      allowed.base,
      '--format',
      'json',
    );
    expect(found(allow.stdout)).toEqual([]);
    const full = await cli(denied.site, 'check', '--offline', '--format', 'json');
    expect(found(full.stdout)).toEqual([]);
  });
});

describe('file names that workflow commands must escape', () => {
  it('names with %, :, ",", a leading dash and a newline stay one annotation each', async () => {
    const names = ['100% done.md', 'a,b:c.md', '-draft.md', 'new\nline.md'];
    const { site } = siteIn(Object.fromEntries(names.map((n) => [n, '# Post\n\nTODO: confirm.\n'])));
    const result = await cli(site, 'check', '--offline', '--format', 'github');
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    const files = lines.map((l) => /^::error file=([^,]*),line=3,/.exec(l)?.[1]);
    expect(files.sort()).toEqual(['-draft.md', '100%25 done.md', 'a%2Cb%3Ac.md', 'new%0Aline.md'].sort());
  });
});
