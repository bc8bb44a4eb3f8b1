import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../../src/core/config.js';
import type { Rule } from '../../src/core/rule.js';
import type { EngineFinding } from '../../src/core/types.js';
import { brief, checkMarkdown } from './rule-tester.js';

/** A finding a case expects: its id and exact span (1-based), optionally severity and suggestions. */
export interface ExpectedFinding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: EngineFinding['severity'];
  suggestions?: string[];
}

export interface RuleCase {
  name?: string;
  code: string;
  config?: ConfigInput;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /** The text after `--fix` (only fixes of rules that declare `fixable`); default: unchanged. */
  output?: string;
}

/**
 * Valid and invalid cases for rules, in the manner of ESLint's RuleTester: a valid case raises no
 * finding of the rules under test; an invalid one raises exactly the listed findings, with exact
 * start and end, and its safe fixes turn the text into `output`. Positions are strict (see
 * `checkMarkdown`), so a rule reporting outside the file fails its case.
 */
export function testRules(
  title: string,
  rules: readonly Rule[],
  cases: { valid: (string | RuleCase)[]; invalid: InvalidCase[] },
): void {
  const ids = new Set(rules.flatMap((r) => [r.meta.id, ...(r.emits ?? []).map((m) => m.id)]));
  const findingsOf = async (c: RuleCase) =>
    (await checkMarkdown(c.code, { rules, ...(c.config ? { config: c.config } : {}) })).filter(
      (f) => ids.has(f.ruleId) || f.ruleId === 'internal/rule-error',
    );
  describe(title, () => {
    for (const [i, raw] of cases.valid.entries()) {
      const c = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid ${i + 1}: ${c.name ?? c.code.slice(0, 60)}`, async () => {
        expect(brief(await findingsOf(c))).toEqual([]);
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid ${i + 1}: ${c.name ?? c.code.slice(0, 60)}`, async () => {
        const found = await findingsOf(c);
        const shown = found.map((f, k) => {
          const want = c.errors[k];
          return {
            ruleId: f.ruleId,
            line: f.line,
            column: f.column,
            endLine: f.endLine,
            endColumn: f.endColumn,
            ...(want?.severity ? { severity: f.severity } : {}),
            ...(want?.suggestions ? { suggestions: f.suggestions } : {}),
          };
        });
        expect(shown).toEqual(c.errors);
        expect(fixed(c.code, found)).toBe(c.output ?? c.code);
      });
    }
  });
}

/** The text with every safe fix applied, as `--fix` writes it. */
function fixed(code: string, findings: readonly EngineFinding[]): string {
  const fixes = findings.flatMap((f) => (f.fix?.safe ? [f.fix] : [])).sort((a, b) => b.start - a.start);
  return fixes.reduce((text, fix) => text.slice(0, fix.start) + fix.text + text.slice(fix.end), code);
}
