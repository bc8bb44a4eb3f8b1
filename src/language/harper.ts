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

/** Blocks are joined with a paragraph break so one call lints many; lints across it are dropped. */
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
 * Harper's time grows faster than its input on some text (long runs of numbers, repeated words),
 * so prose goes to it in pieces of about this many characters, cut at paragraph, sentence or word
 * boundaries. Lints that would cross a cut are lost; at this size that is rare.
 */
const CHUNK_LENGTH = 3000;

/** Grammar reads at most this much of one post (about 30,000 words, far past any real post). */
export const MAX_GRAMMAR_LENGTH = 200_000;

/** A stretch of one block's text that goes to harper in one piece. */
interface Segment {
  block: ProseBlock;
  /** Where the stretch starts in `block.text`. */
  offset: number;
  text: string;
}

/** The prose harper reads: each block, long ones cut into pieces, up to `MAX_GRAMMAR_LENGTH`. */
export function segmentsOf(blocks: readonly ProseBlock[], limit = MAX_GRAMMAR_LENGTH): Segment[] {
  const out: Segment[] = [];
  let budget = limit;
  for (const block of blocks) {
    let offset = 0;
    while (offset < block.text.length && budget > 0) {
      const end = cutAt(block.text, offset, Math.min(CHUNK_LENGTH, budget));
      out.push({ block, offset, text: block.text.slice(offset, end) });
      budget -= end - offset;
      offset = end;
    }
  }
  return out;
}

/** Where a piece starting at `from` ends: after the last sentence or word that fits, else at `length`. */
export function cutAt(text: string, from: number, length: number): number {
  const limit = from + length;
  if (limit >= text.length) return text.length;
  const earliest = from + Math.floor(length / 2);
  let space = -1;
  for (let i = limit - 1; i > earliest; i--) {
    if (!/\s/.test(text.charAt(i))) continue;
    if (/[.!?]["'”’)]*$/.test(text.slice(Math.max(earliest, i - 4), i))) return i + 1;
    if (space < 0) space = i + 1;
  }
  if (space >= 0) return space;
  // No boundary: cut anyway, but not inside a surrogate pair.
  return /[\uD800-\uDBFF]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
}

/** Consecutive segments joined into pieces of at most `CHUNK_LENGTH` characters. */
function piecesOf(segments: readonly Segment[]): Segment[][] {
  const pieces: Segment[][] = [];
  let current: Segment[] = [];
  let length = 0;
  for (const segment of segments) {
    if (current.length > 0 && length + BLOCK_SEPARATOR.length + segment.text.length > CHUNK_LENGTH) {
      pieces.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? BLOCK_SEPARATOR.length : 0) + segment.text.length;
    current.push(segment);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/**
 * Lints the given blocks and places each lint back in its block. Harper reads the text with ASCII
 * quotes (it misses "She don’t" otherwise); suggestions keep the author's own quotes.
 */
export async function lintBlocks(
  linter: LocalLinter,
  blocks: readonly ProseBlock[],
  limit = MAX_GRAMMAR_LENGTH,
): Promise<ProseLint[]> {
  const out: ProseLint[] = [];
  for (const piece of piecesOf(segmentsOf(blocks, limit))) out.push(...(await lintPiece(linter, piece)));
  return out.sort((a, b) => a.block.sourceOffset(a.start) - b.block.sourceOffset(b.start));
}

async function lintPiece(linter: LocalLinter, segments: readonly Segment[]): Promise<ProseLint[]> {
  const starts: number[] = [];
  let text = '';
  for (const segment of segments) {
    if (text) text += BLOCK_SEPARATOR;
    starts.push(text.length);
    text += segment.text;
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
      const segment = segments[index] as Segment;
      const from = start - (starts[index] as number);
      const to = end - (starts[index] as number);
      if (to <= segment.text.length && from >= 0) {
        out.push({
          block: segment.block,
          start: segment.offset + from,
          end: segment.offset + to,
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
  return out;
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
