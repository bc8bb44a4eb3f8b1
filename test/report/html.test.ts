import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/types.js';
import { contextHtml, formatHtml, titleOf } from '../../src/report/html.js';
import { allRuleMetas } from '../../src/rules/index.js';
import { cli, site } from '../helpers/cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'links/broken',
    category: 'links',
    severity: 'error',
    message: 'This link is broken (404 Not Found). (Policy: Content Gate)',
    policy: 'Content Gate',
    file: 'posts/a.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    suggestions: [],
    ...over,
  };
}

describe('findings page', () => {
  const post = '---\ntitle: "Summer <Reading>"\n---\n\nSee [the form](https://example.org/gone) today.\n';
  const broken = finding({ line: 5, column: 5, endLine: 5, endColumn: 41 });
  const credit = finding({
    ruleId: 'attribution/media-credit',
    category: 'attribution',
    severity: 'warning',
    policy: 'Attribution',
    message: 'This photo has no credit. (Policy: Attribution)',
    file: 'posts/b.md',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 10,
  });
  const html = formatHtml({
    findings: [credit, broken],
    files: ['posts/a.md', 'posts/b.md', 'posts/clean.md'],
    metas: allRuleMetas,
    source: (file) => (file === 'posts/a.md' ? post : '![a](b.jpg)\n'),
    generatedAt: new Date('2026-12-03T10:00:00Z'),
  });

  it('is one self-contained page: language set, no script, no outside resource', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    expect(html).toContain('<style>');
  });

  it('counts posts and levels at the top, and puts the post with an error first', () => {
    expect(html).toContain('<li>3 posts checked</li>');
    expect(html).toContain('<li>2 posts to change</li>');
    expect(html).toContain('<li>1 must change</li>');
    expect(html).toContain('<li>1 should change</li>');
    expect(html.indexOf('posts/a.md')).toBeLessThan(html.indexOf('posts/b.md'));
    expect(html).toContain('1 broken link, 1 photo or video needs a credit.');
  });

  it('shows the sentence with the problem marked, the title escaped, the location', () => {
    expect(html).toContain(
      '<blockquote class="context"><p>See <mark>[the form](https://example.org/gone)</mark> today.</p></blockquote>',
    );
    expect(html).toContain('Summer &lt;Reading&gt; <span class="path">posts/a.md</span>');
    expect(html).toContain('Line 5, column 5 · <code>links/broken</code>');
  });

  it('quotes each policy clause once, in a details block, and says how to mark a finding as fine', () => {
    const clause = allRuleMetas.find((m) => m.id === 'attribution/media-credit')?.clause as string;
    expect(html.split(clause.replaceAll('"', '&quot;').replaceAll("'", '&#39;')).length - 1).toBe(1);
    expect(html).toMatch(
      /<details><summary>Attribution \(<code>attribution\/media-credit<\/code>\)<\/summary>/,
    );
    expect(html).toContain('content-gate-disable-next-line');
    expect(html).toContain('words: [Woodson, Bookmobile]');
  });

  it('says plainly when there is nothing to change', () => {
    const clean = formatHtml({ findings: [], files: ['a.md', 'b.md'], metas: allRuleMetas });
    expect(clean).toContain('<p class="clean">No problems found in 2 posts. Nothing to change.</p>');
    expect(clean).not.toContain('What the policy says');
  });

  it('hides a sensitive span inside the context of another finding on the same line', () => {
    const lines = ['Mail maria.delgado82@gmail.com about the lost umbrela today.'];
    const spelling = finding({ ruleId: 'spelling/unknown-word', column: 47, endColumn: 54 });
    const email = { line: 1, column: 6, endLine: 1, endColumn: 31 };
    expect(contextHtml(lines, spelling, [email])).toBe(
      '<blockquote class="context"><p>Mail <span class="hidden">[hidden]</span> about the lost <mark>umbrela</mark> today.</p></blockquote>',
    );
  });

  it('reads the title from front matter, quoted or not', () => {
    expect(titleOf("---\ntitle: 'Story time'\ndate: 2026-01-01\n---\n")).toBe('Story time');
    expect(titleOf('---\nlayout: post\n---\n')).toBeUndefined();
    expect(titleOf('# No front matter\n')).toBeUndefined();
  });
});

describe('check --format html', () => {
  it('never shows a secret or a person’s data, whatever the finding', async () => {
    const credentials = readFileSync(join(FIXTURES, 'secrets/credential/bad-credentials.md'), 'utf8');
    const patrons = readFileSync(join(FIXTURES, 'privacy/personal-data/bad-patron-details.md'), 'utf8');
    const dir = site({ 'staff.md': credentials, 'lost.md': patrons });
    const result = await cli(dir, 'check', '--offline', '--format', 'html', 'staff.md', 'lost.md');
    expect(result.code).toBe(1);
    const html = result.stdout;
    expect(html).toContain('<h2 id="post-1">');
    const secrets = [
      'Library2024!',
      '4512#',
      'pages2025',
      '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',
      'S3cretPass',
      'a8f9c2d1e7b64f3a9c0d2e1f9b7c6d5e',
      '9f8e7d6c5b4a3f2e1d0c',
      'maria.delgado82@gmail.com',
      '508-555-2231',
      '42 Elm Street',
      '03/14/1985',
      '21234005678901',
      '774-312-9087',
    ];
    for (const secret of secrets) expect(html, secret).not.toContain(secret);
    expect(html.match(/class="hidden"/g)?.length).toBeGreaterThanOrEqual(secrets.length);
  });
});
