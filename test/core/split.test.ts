import { describe, expect, it } from 'vitest';
import { partStarts } from '../../src/core/split.js';
import { cli, site } from '../helpers/cli.js';

describe('large posts', () => {
  it('split at blank lines outside fenced code', () => {
    const text = 'aaaa\n\n```\nx\n\ny\n```\n\nbbbb\n\ncccc\n';
    expect(partStarts(text, 4)).toEqual([0, 6, 20, 26]);
    expect(partStarts('short', 100)).toEqual([0]);
  });

  it('are checked in parts with positions, suppressions and fixes in the whole file', async () => {
    const para = 'The library hosts a weekly storytime for toddlers and families.\n\n';
    // Two fillers of 0.6 MB: the post is split in two parts (PART_SIZE is 1 MiB), the finding lands in the second.
    const filler = para.repeat(Math.ceil((0.6 * 1024 * 1024) / para.length));
    const text = `---\ntitle: Big\n---\n\n${filler}<!-- content-gate-disable-next-line confidential/draft -->\nTODO hidden\n\n${filler}TODO shown\n`;
    // Grammar is off only for speed: splitting is the engine's business, not a rule's.
    const r = await cli(site({ 'big.md': text }), 'check', '--format', 'json', '--rule', 'grammar=off');
    const report = JSON.parse(r.stdout);
    expect(partStarts(text).length).toBe(2);
    const lines = text.split('\n');
    expect(
      report.findings.map(
        (f: { ruleId: string; line: number; column: number }) => `${f.ruleId} ${f.line}:${f.column}`,
      ),
    ).toEqual([`confidential/draft ${lines.length - 1}:1`]);
  }, 300_000);
});
