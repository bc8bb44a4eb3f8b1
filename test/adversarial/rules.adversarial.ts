import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/load.js';
import { Document } from '../../src/core/document.js';
import { Engine } from '../../src/core/engine.js';
import type { RunContext } from '../../src/core/rule.js';
import { ruleCatalog } from '../../src/pipeline/run.js';
import { allRules } from '../../src/rules/index.js';
import { FAMILIES, filled } from './families.js';

/**
 * Every rule on 1 MB of each crafted family, offline. The parse is not timed (it is the floor
 * every run pays); the rules are, and each family must stay within a few seconds and within a few
 * times what ordinary prose of the same size costs in the same run.
 */
const SIZE = 1024 * 1024;
const SECONDS = 8;
const TIMES_PROSE = 4;

/**
 * Markup-dense families: the Markdown parser itself spends about 20 µs a character on these, so
 * they are checked on a quarter of the size to keep the suite short. A quarter of the size is
 * still 30,000 to 65,000 blocks or links, each with its own per-block work, so they get the same
 * budget as a 1 MB family.
 */
const MARKUP: Record<string, string> = {
  links: '[a](b) ',
  emphasis: '*a _b ',
  quoteLines: '> "Words" \n',
  listItems: '- a\n',
  deepQuote: '> ',
};

const config = validateConfig({}, ruleCatalog(allRules), '/site');
const times = new Map<string, number>();

async function rulesTime(text: string): Promise<number> {
  const run: RunContext = {
    config,
    cwd: '/site',
    offline: true,
    mode: 'check',
    files: ['post.md'],
    options: () => undefined,
    isEnabled: () => true,
    warn: () => {},
  };
  const engine = new Engine({ rules: allRules, run, severities: { cli: {}, config: {} } });
  await engine.setup();
  const doc = new Document('post.md', '/site/post.md', text);
  void doc.tree;
  void doc.prose;
  const started = performance.now();
  await engine.check(doc);
  engine.finish();
  return (performance.now() - started) / 1000;
}

let prose = 0;
beforeAll(async () => {
  await rulesTime('Warm up the grammar engine and the word lists.');
  prose = await rulesTime(filled(FAMILIES.prose as string, SIZE));
});

afterAll(() => {
  const rows = [...times].map(([name, s]) => `${name.padEnd(16)} ${s.toFixed(2).padStart(6)} s`);
  console.log(`rules on crafted posts (prose, 1 MB: ${prose.toFixed(2)} s)\n${rows.join('\n')}`);
});

describe('every rule stays linear on 1 MB of crafted text', () => {
  for (const [name, unit] of Object.entries(FAMILIES)) {
    if (name === 'prose') continue;
    it(name, async () => {
      const seconds = await rulesTime(filled(unit, SIZE));
      times.set(name, seconds);
      expect(seconds).toBeLessThan(Math.max(SECONDS, TIMES_PROSE * prose));
    });
  }
});

describe('and on 256 KB of markup-dense text', () => {
  for (const [name, unit] of Object.entries(MARKUP)) {
    it(name, async () => {
      const seconds = await rulesTime(filled(unit, SIZE / 4));
      times.set(name, seconds);
      expect(seconds).toBeLessThan(Math.max(SECONDS, TIMES_PROSE * prose));
    });
  }
});
