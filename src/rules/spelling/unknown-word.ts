import { z } from 'zod';
import type { Document, ProseBlock } from '../../core/document.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import { HARPER_SPELL_RULE } from '../../language/grammar-kinds.js';
import { type LanguageEngine, languageEngine } from '../../language/harper.js';
import { Speller } from '../../language/speller.js';
import { frontMatterWords, projectVocabulary, type Vocabulary } from '../../language/vocabulary.js';
import {
  inTemplate,
  isCapitalized,
  midSentenceCapitals,
  notAWord,
  stripPossessive,
  tokenAround,
} from '../../language/words.js';
import { optionsFrom, optionsOf } from '../shared/options.js';
import { POLICY, withPolicy } from '../shared/policy.js';

export const spellingOptions = z.strictObject({
  /** en-US (default) or en-GB spelling. */
  dialect: z.enum(['en-US', 'en-GB']).default('en-US'),
});

export const SPELLING_RULE_ID = 'spelling/unknown-word';

/** Front-matter fields that name people and places: their words are names, not misspellings. */
const NAME_FIELDS = [
  'author',
  'authors',
  'speaker',
  'speakers',
  'people',
  'tags',
  'categories',
  'location',
  'venue',
];

/** Blocks whose capitals are evidence of a name: headings and titles are often in title case. */
const NAME_EVIDENCE_KINDS = new Set(['paragraph', 'tableCell', 'html', 'alt']);

interface PendingName {
  file: string;
  word: string;
  report: RuleReport;
}

interface SpellingState {
  /** Still loading while other rules set up and start: awaited on the first post. */
  engine: Promise<LanguageEngine>;
  speller: Speller;
  vocabulary: Vocabulary;
  /** Capitalized word to the files it appears in mid-sentence. */
  capitals: Map<string, Set<string>>;
  /** Words of front-matter name fields across the site. */
  frontMatterNames: Set<string>;
  /** Capitalized unknown words, reported in `finish` unless the site shows they are names. */
  pending: PendingName[];
}

export const unknownWordRule: Rule<SpellingState> = {
  meta: {
    id: SPELLING_RULE_ID,
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'warning',
    description:
      "A word in prose (text, headings, link text, alt text, title and description) that is in no dictionary, with up to three ranked corrections. Names used across the site, the library vocabulary and the project's `words` are accepted; inside quotations it is only a notice.",
    severityReason:
      'Most unknown words are typos, but some are names or new terms the dictionary lacks: a warning asks the editor to look without blocking the merge.',
  },
  parseOptions: optionsFrom(spellingOptions),
  setup(run) {
    const options = optionsOf(spellingOptions, run.options(SPELLING_RULE_ID));
    const engine = languageEngine(options.dialect);
    // A failure surfaces when a post awaits the engine; do not let it go unhandled before that.
    engine.catch(() => {});
    return {
      engine,
      speller: new Speller(engine),
      vocabulary: projectVocabulary(run.config, (message) => run.warn(message)),
      capitals: new Map(),
      frontMatterNames: new Set(),
      pending: [],
    };
  },
  async check(doc, ctx) {
    const state = ctx.state;
    collectNameEvidence(doc, state);
    const vocabulary = state.vocabulary.with(frontMatterWords(doc.frontMatter?.data ?? {}));
    const engine = await state.engine;
    for (const lint of await engine.lintDocument(doc)) {
      if (lint.rule !== HARPER_SPELL_RULE) continue;
      const { block } = lint;
      const word = block.text.slice(lint.start, lint.end);
      if (notAWord(word, tokenAround(block.text, lint.start, lint.end))) continue;
      if (inTemplate(block.text, lint.start, lint.end)) continue;
      if (vocabulary.has(word) || vocabulary.has(compoundAround(block.text, lint.start, lint.end))) continue;
      const correction = await state.speller.correct(word, lint.suggestions);
      const report = spellingReport(block, lint.start, lint.end, word, correction);
      if (isCapitalized(stripPossessive(word))) {
        // A capitalized word may be a name: never replace it unread.
        const { safeFix: _unsafe, ...unread } = report;
        state.pending.push({ file: doc.file, word: stripPossessive(word), report: unread });
      } else {
        ctx.report(report);
      }
    }
  },
  finish(ctx) {
    const { capitals, frontMatterNames } = ctx.state;
    for (const { file, word, report } of ctx.state.pending) {
      const files = capitals.get(word);
      const elsewhere = files !== undefined && [...files].some((f) => f !== file);
      if (elsewhere || frontMatterNames.has(word)) continue;
      ctx.report(file, report);
    }
  },
};

function collectNameEvidence(doc: Document, state: SpellingState): void {
  for (const block of doc.prose) {
    if (!NAME_EVIDENCE_KINDS.has(block.kind)) continue;
    for (const word of midSentenceCapitals(block.text)) {
      let files = state.capitals.get(word);
      if (!files) {
        files = new Set();
        state.capitals.set(word, files);
      }
      files.add(doc.file);
    }
  }
  const data = doc.frontMatter?.data ?? {};
  for (const field of NAME_FIELDS) {
    const value = data[field];
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      if (typeof v !== 'string') continue;
      for (const word of v.split(/[^\p{L}'’-]+/u))
        if (word) state.frontMatterNames.add(stripPossessive(word));
    }
  }
}

/** The hyphenated compound a word is part of (Wi-Fi, read-alouds), for vocabulary entries with hyphens. */
function compoundAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && /[\p{L}-]/u.test(text[from - 1] as string)) from--;
  while (to < text.length && /[\p{L}-]/u.test(text[to] as string)) to++;
  return text.slice(from, to).replace(/^-+|-+$/g, '');
}

function spellingReport(
  block: ProseBlock,
  start: number,
  end: number,
  word: string,
  correction: { suggestions: string[]; clear: boolean },
): RuleReport {
  const { suggestions, clear } = correction;
  const advice =
    suggestions.length === 0
      ? 'Check its spelling.'
      : suggestions.length === 1
        ? `Did you mean "${suggestions[0]}"?`
        : `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`;
  const quoted = block.inQuote
    ? ' It is inside a quotation: if the original is spelled this way, leave it.'
    : ' If it is spelled right (a name or a special term), add it to "words" in the Content Gate config or to this post\'s front matter.';
  return {
    start: block.sourceOffset(start),
    end: block.sourceOffset(end - 1) + 1,
    message: withPolicy(`"${word}" is not in the dictionary. ${advice}${quoted}`, POLICY.professional),
    suggestions,
    ...(block.inQuote ? { severity: 'notice' as const } : {}),
    ...(clear && !block.inQuote ? { safeFix: true } : {}),
  };
}
