import type { ProseBlock } from '../../core/document.js';
import type { Rule, RuleMeta, RuleReport } from '../../core/rule.js';
import { DisjointSpans } from '../../core/sorted.js';
import { isLikelyFalseAlarm } from '../../language/grammar-filters.js';
import { GRAMMAR_KINDS, HARPER_RULES } from '../../language/grammar-kinds.js';
import {
  type LanguageEngine,
  languageEngine,
  MAX_GRAMMAR_LENGTH,
  type ProseLint,
} from '../../language/harper.js';
import { compileGrammarPatterns, matchGrammarPatterns, type PatternMatch } from '../../language/patterns.js';
import { asciiQuotes, inAuthorsQuotes } from '../../language/typography.js';
import { inTemplate } from '../../language/words.js';
import type { GrammarKind } from '../../lexicons/grammar.js';
import { grammarPatterns } from '../../lexicons/grammar.js';
import { POLICY } from '../shared/policy.js';
import { runDialect } from '../spelling/unknown-word.js';

/** Doubled words that are correct English ("we had had enough", "he said that that was all"). */
const VALID_DOUBLES = /^(had|that)\s+\1$/i;

/** Kinds whose single suggestion is safe to apply unread: a doubled word, a or an. */
const SAFE_KINDS = new Set<GrammarKind>(['repetition', 'article']);

function metaOf(kind: GrammarKind): RuleMeta {
  const { description } = GRAMMAR_KINDS[kind];
  return {
    id: `grammar/${kind}`,
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'warning',
    fixable: SAFE_KINDS.has(kind),
    description,
    severityReason:
      'Grammar checks are reliable for these patterns but not perfect: a warning asks the editor to look without blocking the merge.',
  };
}

const [firstKind, ...otherKinds] = Object.keys(GRAMMAR_KINDS) as GrammarKind[];

interface GrammarState {
  /** Still loading while other rules set up and start: awaited on the first post. */
  engine: Promise<LanguageEngine>;
  patterns: ReturnType<typeof compileGrammarPatterns>;
}

/** `grammar/<kind>`: harper's grammar findings on the post's prose, quotations left alone. */
export const grammarRule: Rule<GrammarState> = {
  meta: metaOf(firstKind as GrammarKind),
  emits: otherKinds.map(metaOf),
  setup(run) {
    // The site's language (or the spelling rule's dialect), so grammar and spelling agree.
    const engine = languageEngine(runDialect(run));
    engine.catch(() => {});
    return { engine, patterns: compileGrammarPatterns(grammarPatterns) };
  },
  async check(doc, ctx) {
    const reported = new Map<ProseBlock, DisjointSpans>();
    const overlaps = (block: ProseBlock, start: number, end: number) =>
      reported.get(block)?.overlaps(start, end) ?? false;
    const remember = (block: ProseBlock, start: number, end: number) => {
      let spans = reported.get(block);
      if (!spans) {
        spans = new DisjointSpans();
        reported.set(block, spans);
      }
      spans.add(start, end);
    };
    const engine = await ctx.state.engine;
    const proseLength = doc.prose.reduce((sum, block) => sum + block.text.length, 0);
    if (proseLength > MAX_GRAMMAR_LENGTH) {
      ctx.run.warn(
        `Grammar was checked on the first ${MAX_GRAMMAR_LENGTH.toLocaleString('en-US')} characters of this post's ${proseLength.toLocaleString('en-US')}; split the post to check the rest.`,
        doc.file,
      );
    }
    for (const lint of await engine.lintDocument(doc)) {
      const kind = HARPER_RULES[lint.rule];
      // Quotations are someone else's words, reproduced as they were written.
      if (!kind || lint.block.inQuote) continue;
      const text = asciiQuotes(lint.block.text);
      if (kind === 'repetition' && VALID_DOUBLES.test(text.slice(lint.start, lint.end))) continue;
      if (isLikelyFalseAlarm(lint.rule, text, lint.start, lint.end)) continue;
      if (inTemplate(lint.block.text, lint.start, lint.end)) continue;
      if (overlaps(lint.block, lint.start, lint.end)) continue;
      remember(lint.block, lint.start, lint.end);
      ctx.report(grammarReport(lint, kind));
    }
    for (const block of doc.prose) {
      if (block.inQuote) continue;
      for (const match of matchGrammarPatterns(asciiQuotes(block.text), ctx.state.patterns)) {
        if (overlaps(block, match.start, match.end)) continue;
        remember(block, match.start, match.end);
        const wrong = block.text.slice(match.start, match.end);
        ctx.report(
          patternReport(block, { ...match, wrong, replacement: inAuthorsQuotes(match.replacement, wrong) }),
        );
      }
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
    message: message,
    ruleId: `grammar/${kind}`,
    suggestions,
    ...(SAFE_KINDS.has(kind) && suggestions.length === 1 ? { safeFix: true } : {}),
  };
}

function patternReport(block: ProseBlock, match: PatternMatch): RuleReport {
  const { kind } = match.entry;
  const change = match.message.includes(`"${match.replacement}"`)
    ? ''
    : ` Change "${match.wrong}" to "${match.replacement}".`;
  const message = `${capitalize(GRAMMAR_KINDS[kind].title)}: ${ensurePeriod(match.message)}${change}`;
  return {
    start: block.sourceOffset(match.start),
    end: block.sourceOffset(match.end - 1) + 1,
    message: message,
    ruleId: `grammar/${kind}`,
    suggestions: [match.replacement],
    ...(SAFE_KINDS.has(kind) ? { safeFix: true } : {}),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ensurePeriod(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
