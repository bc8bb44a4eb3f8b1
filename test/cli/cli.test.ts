import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, site } from '../helpers/cli.js';

const CLEAN = '# Storytime\n\nJoin us every Tuesday at 10 for songs and stories.\n';
const DRAFTY = '# Storytime\n\nJoin us on [insert date] for songs.\n';

describe('exit status', () => {
  it('is 0 when nothing is at or above --fail-on', async () => {
    const r = await cli(site({ 'a.md': CLEAN }), 'check', '.');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 0 errors, 0 warnings, 0 notices in 0 of 1 file checked.\n');
  });

  it('is 1 when a finding is at or above --fail-on, and 0 with --fail-on never', async () => {
    const dir = site({ 'a.md': DRAFTY });
    expect((await cli(dir, 'check')).code).toBe(1);
    expect((await cli(dir, 'check', '--fail-on', 'never')).code).toBe(0);
  });

  it('honours --fail-on warning for warnings only', async () => {
    const dir = site({ 'a.md': '# Cuts\n\nThe cuts have not yet been approved.\n' });
    expect((await cli(dir, 'check')).code).toBe(0);
    expect((await cli(dir, 'check', '--fail-on', 'warning')).code).toBe(1);
  });

  it('is 2 with a clear message for a path that does not exist', async () => {
    const r = await cli(site({ 'a.md': CLEAN }), 'check', 'nope.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('content-gate: nope.md: no such file or folder.\n');
  });

  it('is 2 when no file matched', async () => {
    const r = await cli(site({ 'a.txt': 'text' }), 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No file matched');
  });

  it('is 2 for an unknown flag, format or command, never a stack trace', async () => {
    const dir = site({ 'a.md': CLEAN });
    for (const args of [['check', '--frobnicate'], ['check', '--format', 'xml'], ['lint'], []]) {
      const r = await cli(dir, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await cli(dir, 'check', '--format', 'xml')).stderr).toBe(
      'content-gate: --format: expected one of text, json, sarif, github, html, got "xml".\n',
    );
  });
});

describe('config validation', () => {
  it('names the bad key, says why, and exits 2', async () => {
    const dir = site({
      'a.md': CLEAN,
      '.content-gate.yml':
        'inlcude: ["**/*.md"]\nrules:\n  confidential: loud\n  confidental/draft: off\nlinks:\n  timeout: -5\n',
    });
    const r = await cli(dir, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'content-gate: Config file .content-gate.yml is invalid:',
        '  .content-gate.yml:1:1: inlcude: unknown key; did you mean "include"?',
        '  .content-gate.yml:3:3: rules.confidential: expected one of off, notice, warning, error, or { severity, options }, got "loud"',
        '  .content-gate.yml:6:3: links.timeout: expected number to be >0, got -5',
        '',
      ].join('\n'),
    );
  });

  it('reports an unknown rule id with the nearest one', async () => {
    const dir = site({ 'a.md': CLEAN, '.github/content-gate.yml': 'rules:\n  confidental/draft: off\n' });
    const r = await cli(dir, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '.github/content-gate.yml:2:3: rules.confidental/draft: unknown rule or category; did you mean "confidential/draft"?',
    );
  });

  it('reports YAML syntax errors with their line', async () => {
    const r = await cli(site({ 'a.md': CLEAN, '.content-gate.yml': 'rules: [\n' }), 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^content-gate: Config file \.content-gate\.yml is not valid YAML\.\n {2}\.content-gate\.yml:2:1: /,
    );
  });

  it('applies severities from config, and --rule over config, for ids and categories', async () => {
    const dir = site({ 'a.md': DRAFTY, '.content-gate.yml': 'rules:\n  confidential/draft: warning\n' });
    const json = async (...args: string[]) =>
      JSON.parse((await cli(dir, 'check', '--format', 'json', ...args)).stdout);
    expect((await json()).findings[0].severity).toBe('warning');
    expect((await json('--rule', 'confidential=notice')).findings[0].severity).toBe('notice');
    expect((await json('--rule', 'confidential/draft=off')).findings).toEqual([]);
    const bad = await cli(dir, 'check', '--rule', 'confidentail=off');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'content-gate: --rule confidentail: unknown rule or category; did you mean "confidential"?.\n',
    );
  });
});

describe('formats', () => {
  it('prints the JSON report of the contract', async () => {
    const dir = site({ 'blog/post.md': DRAFTY, 'blog/clean.md': CLEAN });
    const r = await cli(dir, 'check', 'blog', '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['tool', 'files', 'findings', 'summary']);
    expect(report.tool.name).toBe('content-gate');
    expect(report.files).toEqual([
      { file: 'blog/clean.md', findings: 0 },
      { file: 'blog/post.md', findings: 1 },
    ]);
    expect(report.findings).toEqual([
      {
        ruleId: 'confidential/draft',
        category: 'confidential',
        severity: 'error',
        message: expect.stringContaining('The placeholder [insert date] has not been filled in.'),
        policy: 'Employee Personal Use of Social Media, item 3',
        file: 'blog/post.md',
        line: 3,
        column: 12,
        endLine: 3,
        endColumn: 25,
        suggestions: [],
      },
    ]);
    expect(report.summary).toEqual({ files: 2, errors: 1, warnings: 0, notices: 0 });
  });

  it('prints text grouped by file with a summary line', async () => {
    const dir = site({ 'a.md': DRAFTY, 'b.md': `${DRAFTY}\nTODO: photo\n` });
    const r = await cli(dir, 'check');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^a\.md:3:12 {2}error {4}The placeholder \[insert date\].* {2}confidential\/draft$/,
    );
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^b\.md:3:12 /);
    expect(lines[3]).toMatch(/^b\.md:5:1 /);
    expect(lines.at(-2)).toBe('✖ 3 errors, 0 warnings, 0 notices in 2 of 2 files checked.');
  });

  it('prints workflow commands with --format github', async () => {
    const r = await cli(site({ 'a, b.md': DRAFTY }), 'check', '--format', 'github');
    expect(r.stdout).toMatch(
      /^::error file=a%2C b\.md,line=3,endLine=3,col=12,endColumn=25,title=confidential\/draft::The placeholder \[insert date\]/,
    );
  });

  it('prints SARIF 2.1.0 with rule metadata and fingerprints', async () => {
    const r = await cli(site({ 'a.md': DRAFTY }), 'check', '--format', 'sarif');
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(['confidential/draft']);
    expect(run.results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 12,
      endLine: 3,
      endColumn: 25,
    });
    expect(run.results[0].partialFingerprints['contentGate/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes the report to --output instead of standard output', async () => {
    const dir = site({ 'a.md': DRAFTY });
    const r = await cli(dir, 'check', '--format', 'json', '--output', 'out/report.json');
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).summary.errors).toBe(1);
  });
});

describe('bad input', () => {
  it('skips binary and non-UTF-8 files with a warning and checks the rest', async () => {
    const dir = site({
      'bin.md': new Uint8Array([0, 1, 2, 3]),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'ok.md': DRAFTY,
    });
    const r = await cli(dir, 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'bin.md: warning: Skipped: this file is a binary file, not Markdown text.',
        'latin1.md: warning: Skipped: this file is not valid UTF-8 text; save it as UTF-8 and check it again.',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('ok.md:3:12');
  });

  it('reports invalid front matter at the parser line and still checks the body', async () => {
    const dir = site({ 'post.md': '---\ntitle: Summer\ndate: [2026\n---\n\nTODO: add photo\n' });
    const report = JSON.parse((await cli(dir, 'check', '--format', 'json')).stdout);
    expect(
      report.findings.map(
        (f: { ruleId: string; line: number; column: number }) => `${f.ruleId} ${f.line}:${f.column}`,
      ),
    ).toEqual(['content/front-matter 3:12', 'confidential/draft 6:1']);
    expect(report.findings[0].message).toMatch(/^The YAML front matter does not parse: /);
  });

  it('reports invalid TOML front matter', async () => {
    const dir = site({ 'post.md': '+++\ntitle = "Summer"\ndate = \n+++\n\nHello.\n' });
    const report = JSON.parse((await cli(dir, 'check', '--format', 'json')).stdout);
    expect(report.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId} ${f.line}`)).toEqual([
      'content/front-matter 3',
    ]);
  });

  it('checks an empty file and deeply nested quotes and lists without crashing', async () => {
    const dir = site({
      'empty.md': '',
      'quotes.md': `${'> '.repeat(3000)}TODO deep\n`,
      'lists.md': Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    });
    const r = await cli(dir, 'check', '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(3);
    expect(report.findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`)).toEqual([
      // The nested quotation has no source, which the attribution rule rightly reports.
      'quotes.md attribution/quote-source',
      'quotes.md confidential/draft',
    ]);
  });

  it('requires configured front-matter fields', async () => {
    const dir = site({
      'a.md': '---\ntitle: Hi\n---\n\nText.\n',
      'b.md': 'No front matter.\n',
      '.content-gate.yml': 'rules:\n  content/front-matter:\n    options:\n      required: [title, author]\n',
    });
    const report = JSON.parse((await cli(dir, 'check', '--format', 'json')).stdout);
    expect(
      report.findings.map(
        (f: { file: string; line: number; message: string }) => `${f.file}:${f.line} ${f.message}`,
      ),
    ).toEqual([
      'a.md:1 This post\'s front matter lacks "author", which this site requires. Add it at the top of the post. (Policy: Library Sponsored Social Media)',
      'b.md:1 This post\'s front matter lacks "title", "author", which this site requires. Add them at the top of the post. (Policy: Library Sponsored Social Media)',
    ]);
  });

  it('rejects options a rule does not know, naming the key', async () => {
    const dir = site({
      'a.md': CLEAN,
      '.content-gate.yml': 'rules:\n  content/front-matter:\n    options:\n      requried: [title]\n',
    });
    const r = await cli(dir, 'check');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.content/front-matter.options: unknown option "requried"');
  });
});
