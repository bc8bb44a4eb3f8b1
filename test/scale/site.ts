import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes posts into a fresh temporary folder and returns it. */
export function makeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-gate-scale-'));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
}

/** A small site: draft markers, an internal-only note, a used and an unused suppression. */
export function sampleSite(count = 6): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const lines = [`---\ntitle: Post ${i}\n---`, '', `# Post ${i}`, '', 'Story time is on Saturday morning.'];
    if (i % 3 === 0) lines.push('', 'TODO: confirm the room with the branch manager.');
    if (i % 3 === 1) lines.push('', 'This schedule is internal only.');
    if (i % 4 === 2) {
      lines.push('', '<!-- content-gate-disable-next-line confidential/draft -- quoted on purpose -->');
      lines.push('The word TODO is shown here as an example.');
      lines.push(
        '',
        '<!-- content-gate-disable-next-line confidential/internal -->',
        'Nothing to hide here.',
      );
    }
    files[`posts/${String(i).padStart(3, '0')}-post.md`] = `${lines.join('\n')}\n`;
  }
  return files;
}
