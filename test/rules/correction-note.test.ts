import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, git } from '../helpers/action-runner.js';
import { cli, site } from '../helpers/cli.js';

const POST = (front: string, body: string) => `---\ntitle: Author talk\n${front}---\n\n${body}\n`;
const BODY =
  'Join us for a talk with the author on Friday. The talk starts at 7 pm in the Saxe Room.\n\nSeats are free. Coffee is served after the talk.';

/** A repository with one published post, then an edit; returns the findings of checking the edit. */
async function edit(options: {
  front?: string;
  file?: string;
  before?: string;
  after: string;
  afterFront?: string;
  rename?: string;
}): Promise<string[]> {
  const file = options.file ?? 'posts/talk.md';
  const front = options.front ?? 'date: 2026-10-01\n';
  const dir = site({ [file]: POST(front, options.before ?? BODY) });
  const base = commitAll(dir, 'Publish');
  let target = file;
  if (options.rename) {
    git(dir, 'mv', file, options.rename);
    target = options.rename;
  }
  writeFileSync(join(dir, target), POST(options.afterFront ?? front, options.after));
  commitAll(dir, 'Edit');
  const result = await cli(
    dir,
    'check',
    '--offline',
    '--changed-since',
    base,
    '--format',
    'json',
    '--rule',
    'spelling=off',
    '--rule',
    'grammar=off',
  );
  return JSON.parse(result.stdout)
    .findings.filter((f: { ruleId: string }) => f.ruleId === 'content/correction-note')
    .map(
      (f: { file: string; line: number; column: number; endColumn: number; message: string }) =>
        `${f.file}:${f.line}:${f.column}-${f.endColumn} ${f.message}`,
    );
}

describe('content/correction-note', () => {
  it('a corrected time with no note: a warning on the new fact, quoting old and new', async () => {
    const findings = await edit({ after: BODY.replace('7 pm', '6 pm') });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(
      /^posts\/talk\.md:6:66-70 This post was published on 2026-10-01, and this change alters a fact: “7 pm” is now “6 pm”\. Add a correction note, e\.g\. in the front matter: corrections: \[\{ date: \d{4}-\d{2}-\d{2}, text: "\.\.\." \}\]/,
    );
  });

  it('the same correction with a note, in the front matter or as a dated paragraph: nothing', async () => {
    const front =
      'date: 2026-10-01\ncorrections:\n  - date: 2026-12-01\n    text: The talk starts at 6 pm, not 7 pm.\n';
    expect(await edit({ after: BODY.replace('7 pm', '6 pm'), afterFront: front })).toEqual([]);
    const paragraph = `${BODY.replace('7 pm', '6 pm')}\n\nCorrection (December 1, 2026): the talk starts at 6 pm, not 7 pm.`;
    expect(await edit({ after: paragraph })).toEqual([]);
  });

  it('spelling, punctuation and an added paragraph change form, not facts', async () => {
    const before = BODY.replace('author', 'auther').replace('free.', 'free!');
    expect(await edit({ before, after: `${BODY}\n\nThe library is fully accessible.` })).toEqual([]);
  });

  it('a removed sentence is a change of fact, reported on the post', async () => {
    const findings = await edit({ after: BODY.replace(' Coffee is served after the talk.', '') });
    expect(findings).toEqual([
      'posts/talk.md:1:1-4 This post was published on 2026-10-01, and this change removes a sentence: “Coffee is served after the talk.”. Add a correction note, e.g. in the front matter: corrections: [{ date: ' +
        `${new Date().toISOString().slice(0, 10)}, text: "..." }], or a paragraph "Correction (${new Date().toISOString().slice(0, 10)}): ...". (Policy: Library Sponsored Social Media)`,
    ]);
  });

  it('a post published in the last 7 days needs no note', async () => {
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    expect(await edit({ front: `date: ${recent}\n`, after: BODY.replace('7 pm', '6 pm') })).toEqual([]);
  });

  it('reads other date formats and Jekyll file names, and follows a rename in the same commit', async () => {
    const long = await edit({
      front: 'date: 2026-10-01 10:00:00 +0100\n',
      after: BODY.replace('Friday', 'Saturday'),
    });
    expect(long[0]).toContain('“Friday” is now “Saturday”');
    const jekyll = await edit({
      front: '',
      file: '_posts/2026-09-15-talk.md',
      after: BODY.replace('Saxe Room', 'Hall Room'),
    });
    expect(jekyll[0]).toContain('published on 2026-09-15');
    const renamed = await edit({ rename: 'posts/author-talk.md', after: BODY.replace('7 pm', '8 pm') });
    expect(renamed[0]).toMatch(/^posts\/author-talk\.md:6:66-70 .*“7 pm” is now “8 pm”/);
  });

  it('an unknown base is a usage error naming it; comparing with the current commit finds nothing', async () => {
    const dir = site({ 'posts/talk.md': POST('date: 2026-10-01\n', 'TODO: finish.') });
    commitAll(dir, 'One');
    const result = await cli(dir, 'check', '--offline', '--changed-since', 'HEAD', '--rule', 'grammar=off');
    expect(result.code).toBe(0);
    const missing = await cli(
      dir,
      'check',
      '--offline',
      '--rule',
      'grammar=off',
      '--changed-since',
      'HEAD~1',
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"HEAD~1" is not a commit');
  });
});
