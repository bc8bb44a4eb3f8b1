import {
  createBinaryModuleFromUrl,
  Dialect,
  type LintConfig,
  LocalLinter,
  type Suggestion,
  SuggestionKind,
} from 'harper.js';
import type { Document, ProseBlock } from '../core/document.js';
import { lastAtOrBefore } from '../core/sorted.js';
import type { EnglishDialect } from '../core/types.js';
import { locateAsset } from './assets.js';
import { enabledHarperRules } from './grammar-kinds.js';
import { asciiQuotes, inAuthorsQuotes } from './typography.js';

/** One problem harper found, placed in a prose block (offsets are UTF-16 indexes into `block.text`). */
export interface ProseLint {
  block: ProseBlock;
  start: number;
  end: number;
  /** Harper's rule name, e.g. `AnA`, `RepeatedWords`, `SpellCheck`. */
  rule: string;
  /** Harper's lint kind, e.g. `Agreement`, `Spelling`. */
  kind: string;
  message: string;
  suggestions: string[];
}

/** The grammar engine of a run: lints each document once. */
export interface LanguageEngine {
  dialect: EnglishDialect;
  lintDocument(doc: Document): Promise<ProseLint[]>;
}

const DIALECTS: Record<EnglishDialect, Dialect> = {
  'en-US': Dialect.American,
  'en-GB': Dialect.British,
  'en-CA': Dialect.Canadian,
  'en-AU': Dialect.Australian,
};

/** Blocks are joined with a paragraph break so one call lints a whole post; lints across it are dropped. */
const BLOCK_SEPARATOR = '\n\n';

// Building harper's dictionary takes about two seconds: pay it once per process and dialect.
const linters = new Map<EnglishDialect, Promise<LocalLinter>>();

async function createLinter(dialect: EnglishDialect): Promise<LocalLinter> {
  const url = locateAsset('harper_wasm_bg.wasm', 'harper.js/dist/harper_wasm_bg.wasm');
  const linter = new LocalLinter({ binary: createBinaryModuleFromUrl(url.href), dialect: DIALECTS[dialect] });
  const config: LintConfig = await linter.getDefaultLintConfig();
  const enabled = new Set(enabledHarperRules());
  for (const rule of Object.keys(config)) config[rule] = enabled.has(rule);
  await linter.setLintConfig(config);
  // The first lint builds harper's lazy tables: pay for them in setup.
  await linter.lint('The libary opens at nine.', { language: 'plaintext' });
  return linter;
}

function linterFor(dialect: EnglishDialect): Promise<LocalLinter> {
  let linter = linters.get(dialect);
  if (!linter) {
    linter = createLinter(dialect);
    linters.set(dialect, linter);
    linter.catch(() => linters.delete(dialect));
  }
  return linter;
}

/** The grammar engine for a run: one linter per process and dialect, each document linted once. */
export async function languageEngine(dialect: EnglishDialect): Promise<LanguageEngine> {
  const linter = await linterFor(dialect);
  const results = new WeakMap<Document, Promise<ProseLint[]>>();
  return {
    dialect,
    lintDocument(doc) {
      let result = results.get(doc);
      if (!result) {
        result = lintBlocks(linter, doc.prose);
        results.set(doc, result);
      }
      return result;
    },
  };
}

/**
 * Lints the given blocks in one call and places each lint back in its block. Harper reads the text
 * with ASCII quotes (it misses "She don’t" otherwise); suggestions keep the author's own quotes.
 */
export async function lintBlocks(linter: LocalLinter, blocks: readonly ProseBlock[]): Promise<ProseLint[]> {
  if (blocks.length === 0) return [];
  const starts: number[] = [];
  let text = '';
  for (const block of blocks) {
    if (text) text += BLOCK_SEPARATOR;
    starts.push(text.length);
    text += block.text;
  }
  const original = text;
  text = asciiQuotes(text);
  const toUtf16 = codePointToUtf16(text);
  const lints = await linter.organizedLints(text, { language: 'plaintext' });
  const out: ProseLint[] = [];
  for (const [rule, list] of Object.entries(lints)) {
    for (const lint of list) {
      const span = lint.span();
      const start = toUtf16(span.start);
      const end = toUtf16(span.end);
      const index = lastAtOrBefore(starts, start);
      const block = blocks[index] as ProseBlock;
      const from = start - (starts[index] as number);
      const to = end - (starts[index] as number);
      if (to <= block.text.length && from >= 0) {
        out.push({
          block,
          start: from,
          end: to,
          rule,
          kind: lint.lint_kind(),
          message: lint.message(),
          suggestions: lint
            .suggestions()
            .map((s) =>
              inAuthorsQuotes(replacementOf(s, text.slice(start, end)), original.slice(start, end)),
            ),
        });
      }
      span.free();
      lint.free();
    }
  }
  return out.sort((a, b) => a.block.sourceOffset(a.start) - b.block.sourceOffset(b.start));
}

/** The text that replaces the lint's span when a suggestion is taken. */
function replacementOf(suggestion: Suggestion, problem: string): string {
  const text = suggestion.get_replacement_text();
  const kind = suggestion.kind();
  suggestion.free();
  if (kind === SuggestionKind.Remove) return '';
  if (kind === SuggestionKind.InsertAfter) return problem + text;
  return text;
}

/** Harper counts characters (code points); JavaScript strings count UTF-16 units. */
function codePointToUtf16(text: string): (index: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (i) => map[Math.min(i, map.length - 1)] as number;
}
