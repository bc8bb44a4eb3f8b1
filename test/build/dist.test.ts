import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('dist/cli.js', () => {
  it('runs from a plain checkout with no node_modules', () => {
    expect(existsSync(join(root, 'dist', 'cli.js'))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'content-gate-dist-'));
    // Copy the bundle and its data files only: nothing else may be needed at run time.
    for (const name of readdirSync(join(root, 'dist')))
      copyFileSync(join(root, 'dist', name), join(dir, name));
    writeFileSync(join(dir, 'post.md'), '# Hello\n\nTODO: write this post.\n');
    const r = spawnSync(
      process.execPath,
      [join(dir, 'cli.js'), 'check', 'post.md', '--format', 'json', '--offline'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId} ${f.line}`)).toEqual([
      'confidential/draft 3',
    ]);
    expect(report.tool.version).toBe(
      JSON.parse(
        execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], {
          cwd: root,
          encoding: 'utf8',
        }),
      ),
    );
  });

  it.each([
    ['missing', undefined],
    ['damaged', 'not a dictionary'],
  ])('names a %s dictionary file, and the other rules still run', (_, content) => {
    const dir = mkdtempSync(join(tmpdir(), 'content-gate-dist-'));
    for (const name of readdirSync(join(root, 'dist')))
      if (name !== 'dictionary.txt.gz') copyFileSync(join(root, 'dist', name), join(dir, name));
    if (content) writeFileSync(join(dir, 'dictionary.txt.gz'), content);
    writeFileSync(join(dir, 'post.md'), '# Hello\n\nTODO: write this libary post.\n');
    const r = spawnSync(
      process.execPath,
      [join(dir, 'cli.js'), 'check', 'post.md', '--format', 'json', '--offline', '--rule', 'grammar=off'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(r.stderr).toContain(`The spelling dictionary ${join(dir, 'dictionary.txt.gz')} could not be read`);
    expect(r.stderr).toContain("The rule 'spelling/unknown-word' could not start");
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['confidential/draft']);
  });
});
