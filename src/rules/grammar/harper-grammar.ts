import type { Rule, RuleMeta, RuleReport } from '../../core/rule.js';
import { GRAMMAR_KINDS, type GrammarKind, HARPER_RULES } from '../../language/grammar-kinds.js';
import { type LanguageEngine, languageEngine, type ProseLint } from '../../language/harper.js';
import { optionsOf } from '../shared/options.js';
import { POLICY, withPolicy } from '../shared/policy.js';
import { SPELLING_RULE_ID, spellingOptions } from '../spelling/unknown-word.js';

/** Kinds whose single suggestion is safe to apply unread: a doubled word, a or an. */
const SAFE_KINDS = new Set<GrammarKind>(['repetition', 'article']);

function metaOf(kind: GrammarKind): RuleMeta {
  const { title, description } = GRAMMAR_KINDS[kind];
  return {
    id: `grammar/${kind}`,
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'warning',
    description: `${description} (${title})`,
    severityReason:
      'Grammar checks are reliable for these patterns but not perfect: a warning asks the editor to look without blocking the merge.',
  };
}

const [firstKind, ...otherKinds] = Object.keys(GRAMMAR_KINDS) as GrammarKind[];

interface GrammarState {
  engine: LanguageEngine;
}

/** `grammar/<kind>`: harper's grammar findings on the post's prose, quotations left alone. */
export const grammarRule: Rule<GrammarState> = {
  meta: metaOf(firstKind as GrammarKind),
  emits: otherKinds.map(metaOf),
  async setup(run) {
    // The spelling rule's dialect, so both rules share one linter.
    const { dialect } = optionsOf(spellingOptions, run.options(SPELLING_RULE_ID));
    return { engine: await languageEngine(dialect) };
  },
  async check(doc, ctx) {
    for (const lint of await ctx.state.engine.lintDocument(doc)) {
      const kind = HARPER_RULES[lint.rule];
      // Quotations are someone else's words, reproduced as they were written.
      if (!kind || lint.block.inQuote) continue;
      ctx.report(grammarReport(lint, kind));
    }
  },
};

function grammarReport(lint: ProseLint, kind: GrammarKind): RuleReport {
  const { block } = lint;
  const problem = block.text.slice(lint.start, lint.end);
  const suggestions = [...new Set(lint.suggestions.map((s) => s.trim()))]
    .filter((s) => s !== problem)
    .slice(0, 3);
  const explanation = lint.message.replace(/`([^`]*)`/g, '"$1"').trim();
  const change =
    suggestions.length === 0
      ? 'Reword this part.'
      : suggestions.length === 1
        ? `Change "${problem}" to "${suggestions[0]}".`
        : `Change "${problem}" to one of ${suggestions.map((s) => `"${s}"`).join(', ')}.`;
  const message = `${capitalize(GRAMMAR_KINDS[kind].title)}: ${ensurePeriod(explanation)} ${change}`;
  return {
    start: block.sourceOffset(lint.start),
    end: block.sourceOffset(lint.end - 1) + 1,
    message: withPolicy(message, POLICY.professional),
    ruleId: `grammar/${kind}`,
    suggestions,
    ...(SAFE_KINDS.has(kind) && suggestions.length === 1 ? { safeFix: true } : {}),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
