import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/config/schema.js';
import { formatScores, type LabelledItem, readJsonl, scoreRules } from './measure.js';

const RULES = ['spam', 'off-topic', 'advertising', 'solicitation', 'political'] as const;
const here = import.meta.dirname;
const items = readJsonl<LabelledItem>(join(here, 'commerce.jsonl'));
const config = JSON.parse(readFileSync(join(here, 'commerce.config.json'), 'utf8')) as ConfigInput;

describe('commerce and politics rules on the labelled library set', () => {
  it('has at least 15 positives and 15 hard negatives per rule', () => {
    for (const rule of RULES) {
      expect(items.filter((i) => i.target === rule && i.kind === 'positive').length).toBeGreaterThanOrEqual(
        15,
      );
      expect(
        items.filter((i) => i.target === rule && i.kind === 'hard-negative').length,
      ).toBeGreaterThanOrEqual(15);
    }
  });

  it('reaches recall >= 90% and precision >= 95% per rule', async () => {
    const scores = await scoreRules(items, RULES, config);
    console.log(formatScores(`Labelled set: ${items.length} texts`, scores));
    for (const s of scores) {
      expect({ rule: s.rule, recall: s.recall >= 0.9 }).toEqual({ rule: s.rule, recall: true });
      expect({ rule: s.rule, precision: s.precision >= 0.95 }).toEqual({ rule: s.rule, precision: true });
    }
  });
});
