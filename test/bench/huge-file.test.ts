import { describe, expect, it } from 'vitest';
import { cli, site } from '../helpers/cli.js';

describe('a 20 MB post', () => {
  it('is checked without crashing', { timeout: 2_400_000 }, async () => {
    const block =
      '## Storytime\n\nJoin us for songs, rhymes and a [craft](https://example.org/craft) with *glitter* and **glue**.\n\n- Ages 2 to 5\n- Free\n\n';
    const text = `${block.repeat(Math.ceil((20 * 1024 * 1024) / block.length))}TODO: the last line\n`;
    const dir = site({ 'huge.md': text });
    // Grammar and spelling cost the same per character on any post and are measured by the benchmark;
    // here the point is that the engine and every other rule get through a runaway file.
    const r = await cli(
      dir,
      'check',
      '--format',
      'json',
      '--offline',
      '--rule',
      'grammar=off',
      '--rule',
      'spelling=off',
    );
    const report = JSON.parse(r.stdout);
    expect(report.summary.files).toBe(1);
    expect(report.findings.map((f: { ruleId: string; line: number }) => f.ruleId)).toEqual([
      'confidential/draft',
    ]);
    expect(report.findings[0].line).toBe(text.split('\n').length - 1);
  });
});
