import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { includeGlobs, ownedMediaOf, registrableDomain } from '../../src/pipeline/init.js';
import { looksLikeSlip } from '../../src/report/init-report.js';
import { cli, site } from '../helpers/cli.js';

const POST = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** A small Jekyll site: its own images, a name used across posts, one slip, one draft marker. */
function jekyllSite(extra: Record<string, string> = {}) {
  return site({
    '_config.yml': 'title: Millbrook Library\nurl: "https://www.millbrooklibrary.org"\n',
    'README.md': '# Site\n\nHow to build the site.\n',
    '_posts/2026-01-05-story.md': POST(
      'Story time',
      'Story time moves to the bibliobike on Tuesdays.\n\n![Children on the reading rug](/assets/img/rug.jpg)\n\n*Photo: library staff*',
    ),
    '_posts/2026-02-01-crafts.md': POST(
      'Crafts',
      'The bibliobike brings crafts too. Bring a frend.\n\n![Paper lanterns on a table](/assets/img/paper.jpg)\n\n*Photo: library staff*',
    ),
    '_posts/2026-03-01-new.md': POST('New hours', 'TODO: confirm the hours.'),
    'assets/img/rug.jpg': 'jpeg',
    'assets/img/paper.jpg': 'jpeg',
    ...extra,
  });
}

describe('content-gate init', () => {
  it('writes the report, the word list and a proposed config, and changes no post', async () => {
    const dir = jekyllSite();
    const before = readFileSync(join(dir, '_posts/2026-02-01-crafts.md'), 'utf8');
    const result = await cli(dir, 'init');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Wrote .content-gate/init-report.md\nWrote .content-gate/words.txt\nWrote .content-gate.yml\n',
    );
    expect(readFileSync(join(dir, '_posts/2026-02-01-crafts.md'), 'utf8')).toBe(before);

    const config = readFileSync(join(dir, '.content-gate.yml'), 'utf8');
    expect(config).toContain('(a Jekyll site)');
    expect(config.split('\n').slice(3).join('\n')).toBe(
      [
        'include:',
        '  - _posts/**/*.{md,markdown}',
        'siteRoot: .',
        'wordsFiles:',
        '  - .content-gate/words.txt',
        'ownedMedia:',
        '  - /assets/img/**',
        'organization:',
        '  domains:',
        '    - millbrooklibrary.org',
        '',
      ].join('\n'),
    );

    const words = readFileSync(join(dir, '.content-gate/words.txt'), 'utf8').split('\n');
    expect(words).toContain('bibliobike  # 2 uses in 2 posts');
    expect(words).toContain('# frend  1 use in 1 post; did you mean "friend"?');

    const report = readFileSync(join(dir, '.content-gate/init-report.md'), 'utf8');
    expect(report).toContain('| `confidential/draft` | 1 |');
    expect(report).toContain('## `confidential/draft`: keep');
    expect(report).toContain('- `_posts/2026-03-01-new.md` line 5:');
    expect(report).toContain('## `spelling/unknown-word`: configure');
  });

  it('with the proposed config and word list, the site’s terms pass and the slip is still reported', async () => {
    const dir = jekyllSite();
    await cli(dir, 'init');
    const check = await cli(dir, 'check', '--offline', '--format', 'json');
    const findings = JSON.parse(check.stdout).findings.map(
      (f: { ruleId: string; line: number; column: number }) => `${f.ruleId} ${f.line}:${f.column}`,
    );
    expect(findings).toEqual(['spelling/unknown-word 5:43', 'confidential/draft 5:1']);
  });

  it('refuses to overwrite what it wrote before without --force, and diffs an existing config', async () => {
    const dir = jekyllSite({ '.content-gate.yml': 'include: ["**/*.md"]\n' });
    const first = await cli(dir, 'init');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('A config exists, so it was not changed. The proposed config, as a diff:');
    expect(first.stdout).toContain('-include: ["**/*.md"]\n');
    expect(first.stdout).toContain('+  - _posts/**/*.{md,markdown}\n');
    expect(readFileSync(join(dir, '.content-gate.yml'), 'utf8')).toBe('include: ["**/*.md"]\n');
    const again = await cli(dir, 'init');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'init would overwrite .content-gate/init-report.md, .content-gate/words.txt; nothing was written. Run it again with --force',
    );
    expect((await cli(dir, 'init', '--force')).code).toBe(0);
  });
});

describe('check --baseline', () => {
  it('reports only findings made after the baseline, and says how many it left out', async () => {
    const dir = jekyllSite();
    expect((await cli(dir, 'init', '--baseline')).code).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, '.content-gate/baseline.json'), 'utf8'));
    expect(baseline).toMatchObject({ tool: { name: 'content-gate' }, format: 1, findings: 4 });
    writeFileSync(join(dir, '_posts/2026-04-01-later.md'), POST('Later', 'TODO: add the date.'));
    const result = await cli(
      dir,
      'check',
      '--offline',
      '--baseline',
      '.content-gate/baseline.json',
      '--format',
      'json',
    );
    expect(result.stderr).toContain(
      '2 findings are in the baseline .content-gate/baseline.json and not reported.',
    );
    const left = JSON.parse(result.stdout).findings.map(
      (f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`,
    );
    expect(left).toEqual(['_posts/2026-04-01-later.md confidential/draft']);
    expect(result.code).toBe(1);
  });

  it('ignores a damaged baseline or one from another version, with a warning, and reports everything', async () => {
    const dir = jekyllSite();
    writeFileSync(join(dir, 'broken.json'), '{"tool": ');
    const damaged = await cli(dir, 'check', '--offline', '--baseline', 'broken.json');
    expect(damaged.stderr).toContain(
      'broken.json: warning: the baseline is not valid JSON; every finding is reported.',
    );
    expect(damaged.code).toBe(1);
    writeFileSync(
      join(dir, 'old.json'),
      JSON.stringify({ tool: { name: 'content-gate', version: '0.0.1' }, format: 1, fingerprints: [] }),
    );
    const old = await cli(dir, 'check', '--offline', '--baseline', 'old.json');
    expect(old.stderr).toContain('old.json: warning: the baseline was written by Content Gate 0.0.1, not');
    expect(old.stdout).toContain('confidential/draft');
  });
});

describe('init helpers', () => {
  it('finds the site’s domain, post folders and own image folders', () => {
    expect(registrableDomain('blog.rockarch.org')).toBe('rockarch.org');
    expect(registrableDomain('www.library.ac.uk')).toBe('library.ac.uk');
    expect(includeGlobs(['README.md', 'about.md', 'blog/a.md', 'blog/2026/b.md', 'LICENSE.md'])).toEqual([
      'blog/**/*.{md,markdown}',
      'about.md',
    ]);
    const texts = [
      '![a](/uploads/2026/a.jpg) ![b](/uploads/2026/b.jpg) <img src="https://img.example.org/c.png">',
    ];
    expect(ownedMediaOf(texts, 'example.org')).toEqual(['/uploads/2026/**', 'img.example.org']);
    expect(looksLikeSlip({ word: 'libary', count: 1, posts: 1, suggestion: 'library' })).toBe(true);
    expect(looksLikeSlip({ word: 'Quarrington', count: 1, posts: 1, suggestion: 'Carrington' })).toBe(false);
    expect(looksLikeSlip({ word: 'hackathon', count: 14, posts: 6, suggestion: 'marathon' })).toBe(false);
  });
});
