import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/core/config.js';
import { formatScores, type LabelledItem, readJsonl, scoreRules } from './measure.js';

/**
 * Precision and recall of the commerce and politics rules on labelled texts in the voice of a
 * library blog and its community board. `commerce.jsonl` is the development set;
 * `commerce-holdout.jsonl` was written afterwards as a check on rules tuned to the first;
 * `commerce-posts.jsonl` holds whole posts with front matter, lists and links.
 */
const RULES = ['spam', 'off-topic', 'advertising', 'solicitation', 'political'] as const;
const here = import.meta.dirname;
const config = JSON.parse(readFileSync(join(here, 'commerce.config.json'), 'utf8')) as ConfigInput;
const sets = {
  development: readJsonl<LabelledItem>(join(here, 'commerce.jsonl')),
  holdout: readJsonl<LabelledItem>(join(here, 'commerce-holdout.jsonl')),
  posts: readJsonl<LabelledItem>(join(here, 'commerce-posts.jsonl')),
};

describe('commerce and politics rules on the labelled library sets', () => {
  it('the development set has at least 15 positives and 15 hard negatives per rule', () => {
    for (const rule of RULES) {
      const of = (kind: string) =>
        sets.development.filter((i) => i.target === rule && i.kind === kind).length;
      expect({ rule, positives: of('positive') >= 15, negatives: of('hard-negative') >= 15 }).toEqual({
        rule,
        positives: true,
        negatives: true,
      });
    }
  });

  it.each(['development', 'holdout', 'posts'] as const)(
    '%s set: recall >= 90%% and precision >= 95%% per rule',
    async (name) => {
      const items = sets[name];
      const scores = await scoreRules(items, RULES, config);
      console.log(formatScores(`${name} set: ${items.length} texts`, scores));
      for (const s of scores) {
        expect({ rule: s.rule, recall: s.recall >= 0.9 }).toEqual({ rule: s.rule, recall: true });
        expect({ rule: s.rule, precision: s.precision >= 0.95 }).toEqual({ rule: s.rule, precision: true });
      }
    },
  );
});
