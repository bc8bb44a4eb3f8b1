import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/rule.js';
import { run } from '../../src/pipeline/run.js';
import { allRules } from '../../src/rules/index.js';
import { cli, site } from '../helpers/cli.js';
import { brief, checkMarkdown } from '../helpers/rule-tester.js';

describe('suppressions', () => {
  it('disable-next-line hides the next line only, for the named rules', async () => {
    const text = [
      '<!-- content-gate-disable-next-line confidential/draft -- the TK is a name here -->',
      'TODO one',
      'TODO two',
      '',
      '<!-- content-gate-disable-next-line confidential -->',
      'TODO three',
    ].join('\n');
    expect(brief(await checkMarkdown(text))).toEqual(['confidential/draft 3:1 error']);
  });

  it('disable ... enable hides a range; front matter disables a rule for the whole file', async () => {
    const text = [
      '---',
      'content-gate:',
      '  disable: [confidential/internal]',
      '---',
      'INTERNAL ONLY',
      '<!-- content-gate-disable confidential/draft -->',
      'TODO hidden',
      '',
      'FIXME hidden too',
      '<!-- content-gate-enable confidential/draft -->',
      '',
      'TODO shown',
    ].join('\n');
    expect(brief(await checkMarkdown(text))).toEqual(['confidential/draft 12:1 error']);
  });

  it('reports a suppression that hides nothing, and one of an unknown rule, as notices', async () => {
    const text = [
      '<!-- content-gate-disable-next-line confidential/draft -->',
      'All is well.',
      '',
      '<!-- content-gate-disable-next-line confidentail/draft -->',
      'TODO shown',
    ].join('\n');
    const findings = await checkMarkdown(text);
    expect(brief(findings)).toEqual([
      'content/unused-suppression 1:1 notice',
      'content/unused-suppression 4:1 notice',
      'confidential/draft 5:1 error',
    ]);
    expect(findings[1]?.message).toContain("'confidentail/draft' is not a Content Gate rule or category");
  });

  it('does not call a suppression unused when its rule is turned off', async () => {
    const text = '<!-- content-gate-disable-next-line confidential/draft -->\nAll is well.\n';
    expect(brief(await checkMarkdown(text, { overrides: { 'confidential/draft': 'off' } }))).toEqual([]);
  });
});

describe('the engine', () => {
  const throwing: Rule = {
    meta: {
      id: 'confidential/draft',
      policy: 'Test',
      clause: 'Test',
      defaultSeverity: 'error',
      description: 'A rule that fails',
    },
    check() {
      throw new Error('boom');
    },
  };

  it('turns a rule that throws into one internal/rule-error finding and goes on', async () => {
    const findings = await checkMarkdown({ 'a.md': 'Hello', 'b.md': 'World' }, { rules: [throwing] });
    expect(brief(findings)).toEqual(['internal/rule-error 1:1 warning', 'internal/rule-error 1:1 warning']);
    expect(findings[0]?.message).toContain("The rule 'confidential/draft' failed on this file (boom)");
  });

  it('skips a rule whose setup fails, with a warning, and runs the others', async () => {
    const failing: Rule = {
      ...throwing,
      setup() {
        throw new Error('no dictionary');
      },
    };
    const dir = site({ 'a.md': 'TODO: one\n' });
    const result = await run({
      cwd: dir,
      rules: [failing, ...allRules.filter((r) => r.meta.id === 'confidential/internal')],
    });
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        level: 'warning',
        file: undefined,
        message:
          "The rule 'confidential/draft' could not start (no dictionary), so it did not run. The other rules ran. Please report this to the Content Gate maintainers.",
      },
    ]);
  });

  it('clamps positions a rule reports outside the file', async () => {
    const wild: Rule = {
      meta: { ...throwing.meta },
      check(_doc, ctx) {
        ctx.report({ start: -10, end: 10_000, message: 'everything' });
        ctx.report({ node: { type: 'text' }, message: 'no position' });
      },
    };
    const findings = await checkMarkdown('one\ntwo\n', { rules: [wild], strictPositions: false });
    expect(findings.map((f) => [f.line, f.column, f.endLine, f.endColumn])).toEqual([
      [1, 1, 3, 1],
      [1, 1, 1, 4],
    ]);
  });

  it('in test mode, a position outside the file fails the rule instead of being clamped', async () => {
    const spans: Array<[number, number]> = [
      [-1, 2],
      [0, 9],
      [3, 2],
      [0.5, 1],
    ];
    const wild: Rule = {
      meta: { ...throwing.meta },
      check(_doc, ctx) {
        const [start, end] = spans.shift() ?? [0, 0];
        ctx.report({ start, end, message: 'somewhere' });
      },
    };
    const files = { 'a.md': 'one\ntwo\n', 'b.md': 'one\ntwo\n', 'c.md': 'one\ntwo\n', 'd.md': 'one\ntwo\n' };
    const findings = await checkMarkdown(files, { rules: [wild] });
    expect(findings.map((f) => [f.file, f.ruleId, f.message.match(/\(([^)]*)\)/)?.[1]])).toEqual([
      ['a.md', 'internal/rule-error', 'reported span -1..2 is outside the file of 8 characters'],
      ['b.md', 'internal/rule-error', 'reported span 0..9 is outside the file of 8 characters'],
      ['c.md', 'internal/rule-error', 'reported span 3..2 is outside the file of 8 characters'],
      ['d.md', 'internal/rule-error', 'reported span 0.5..1 is outside the file of 8 characters'],
    ]);
  });

  it('refuses a fix to apply unread from a rule that does not declare fixable', async () => {
    const offering = (fixable: boolean): Rule => ({
      meta: { ...throwing.meta, fixable },
      check(_doc, ctx) {
        ctx.report({ start: 0, end: 3, message: 'a', suggestions: ['two'], safeFix: true });
      },
    });
    expect(brief(await checkMarkdown('one\n', { rules: [offering(true)] }))).toEqual([
      'confidential/draft 1:1 error',
    ]);
    const refused = await checkMarkdown('one\n', { rules: [offering(false)] });
    expect(refused.map((f) => f.ruleId)).toEqual(['internal/rule-error']);
    expect(refused[0]?.message).toContain('its meta does not declare fixable');
  });

  it('lets a rule lower a finding’s severity but never raise it', async () => {
    const lowering: Rule = {
      meta: { ...throwing.meta, defaultSeverity: 'warning' },
      check(doc, ctx) {
        ctx.report({ node: doc.tree, message: 'a', severity: 'notice' });
        ctx.report({ node: doc.tree, message: 'b', severity: 'error' });
      },
    };
    expect(brief(await checkMarkdown('x', { rules: [lowering] }))).toEqual([
      'confidential/draft 1:1 notice',
      'confidential/draft 1:1 warning',
    ]);
  });
});

describe('--fix', () => {
  const fixer: Rule = {
    meta: {
      id: 'confidential/draft',
      policy: 'Test',
      clause: 'Test',
      defaultSeverity: 'error',
      description: 'Replaces "teh" with "the"',
      fixable: true,
    },
    check(doc, ctx) {
      for (const m of doc.source.matchAll(/teh|thier/g)) {
        const safe = m[0] === 'teh';
        ctx.report({
          start: m.index,
          end: m.index + m[0].length,
          message: 'typo',
          suggestions: [safe ? 'the' : 'their'],
          safeFix: safe,
        });
      }
    },
  };

  it('applies only safe single suggestions, writes only when asked, and reports what changed', async () => {
    const dir = site({ 'a.md': 'Read teh book and teh film with thier friends.\n' });
    const dry = await run({ cwd: dir, rules: [fixer] });
    expect(dry.findings).toHaveLength(3);
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Read teh book and teh film with thier friends.\n');

    const fixed = await run({ cwd: dir, rules: [fixer], fix: true });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('Read the book and the film with thier friends.\n');
    expect(fixed.fixes.map((f) => `${f.line}:${f.column} ${f.before}->${f.after}`)).toEqual([
      '1:6 teh->the',
      '1:19 teh->the',
    ]);
    expect(fixed.findings.map((f) => f.column)).toEqual([33]);
  });
});

describe('--changed-since', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, {
      cwd,
      stdio: 'pipe',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });

  it('checks only changed files and reports only findings on changed lines', async () => {
    const dir = site({
      'old.md': 'TODO one\n\nSteady text.\n\nTODO two\n',
      'same.md': 'TODO untouched\n',
      'moved.md': 'TODO moved\n\nMore text here.\n',
    });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    writeFileSync(join(dir, 'old.md'), 'TODO one\n\nSteady text, TODO edited.\n\nTODO two\n');
    git(dir, 'mv', 'moved.md', 'renamed.md');
    writeFileSync(join(dir, 'new.md'), 'TODO brand new\n');
    const r = await cli(dir, 'check', '--changed-since', 'HEAD', '--format', 'json');
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(['new.md', 'old.md']);
    expect(report.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
      'new.md:1',
      'old.md:3',
    ]);

    const bad = await cli(dir, 'check', '--changed-since', 'no-such-ref');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'content-gate: --changed-since: "no-such-ref" is not a commit, branch or tag in this repository.\n',
    );
  });
});

describe('what a finding may quote from its post', () => {
  const quoting: Rule = {
    meta: {
      id: 'confidential/draft',
      policy: 'Test',
      clause: 'Test',
      defaultSeverity: 'error',
      description: 'Quotes',
    },
    check(doc, ctx) {
      for (const [start, end] of [
        [0, doc.source.indexOf('\n')],
        [doc.source.indexOf('```'), doc.source.length - 1],
      ] as const) {
        const text = doc.source.slice(start, end);
        ctx.report({ start, end, message: `Found “${text}” here.`, suggestions: [text.repeat(3)] });
      }
    },
  };
  const long = `${'word '.repeat(40)}end`;
  const post = `${long}\n\n\`\`\`\nsecret line one\nsecret line two\n\`\`\`\n`;

  it('cuts a long quotation to 80 characters and drops a suggestion that carries more of the post', async () => {
    const [first] = await checkMarkdown(post, { rules: [quoting] });
    expect(first?.message).toBe(`Found “${'word '.repeat(15)}word…” here. (Policy: Test)`);
    expect(first?.message.length).toBeLessThan(100 + ' (Policy: Test)'.length);
    expect(first?.suggestions).toEqual([]);
  });

  it('quotes nothing of a code block', async () => {
    const [, inCode] = await checkMarkdown(post, { rules: [quoting] });
    expect([inCode?.line, inCode?.column]).toEqual([3, 1]);
    expect(inCode?.message).toBe('Found “…” here. (Policy: Test)');
    expect(JSON.stringify(inCode)).not.toContain('secret');
  });
});
