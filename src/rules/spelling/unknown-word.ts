import type { Link } from 'mdast';
import { z } from 'zod';
import type { Document, ProseBlock } from '../../core/document.js';
import { optionsOf } from '../../core/options.js';
import type { Rule, RuleReport, RunContext } from '../../core/rule.js';
import { lastAtOrBefore } from '../../core/sorted.js';
import { ENGLISH_DIALECTS, type EnglishDialect } from '../../core/types.js';
import { type Dictionary, dictionaryFor } from '../../language/dictionary.js';
import { Speller } from '../../language/speller.js';
import { type UnknownWord, unknownWords } from '../../language/spelling.js';
import { inAuthorsQuotes } from '../../language/typography.js';
import { frontMatterWords, projectVocabulary, type Vocabulary } from '../../language/vocabulary.js';
import { stripPossessive } from '../../language/words.js';
import { POLICY } from '../shared/policy.js';

export const spellingOptions = z.strictObject({
  dialect: z
    .enum(ENGLISH_DIALECTS)
    .optional()
    .describe("The dialect to spell in; the site's `language` when not set."),
});

export const SPELLING_RULE_ID = 'spelling/unknown-word';

/** The dialect of a run: the spelling rule's own option, else the site's `language`. */
export function runDialect(run: RunContext): EnglishDialect {
  return optionsOf(spellingOptions, run.options(SPELLING_RULE_ID)).dialect ?? run.config.language;
}

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

/** What `finish` needs of one post: plain data, so workers and the findings cache can carry it. */
export interface SpellingFileData {
  /** Capitalized words the post uses mid-sentence: evidence that they are names. */
  capitals: string[];
  /** Words of the post's front-matter name fields. */
  names: string[];
  /**
   * Unknown words, reported in `finish`: a capitalized one unless the site shows it is a name, a
   * lowercase one as a notice when several posts use it (a term of the site, not a slip).
   */
  pending: { word: string; name: boolean; report: RuleReport }[];
}

interface SpellingState {
  dictionary: Dictionary;
  speller: Speller;
  vocabulary: Vocabulary;
  files: WeakMap<Document, SpellingFileData>;
}

export const unknownWordRule: Rule<SpellingState> = {
  meta: {
    id: SPELLING_RULE_ID,
    fixable: true,
    options: spellingOptions,
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'warning',
    description:
      "A word in prose (text, headings, link text, alt text, title and description) that is in no dictionary of the site's English, with up to three ranked corrections. Names are at most a notice: capitalized words in a name phrase, names used across the site, and the library vocabulary and the project's `words` are accepted; inside quotations it is only a notice.",
    severityReason:
      'Most unknown lowercase words are typos, but some are new terms the dictionary lacks: a warning asks the editor to look without blocking the merge. An unknown name is a notice, unless it is one slip from a common word.',
  },
  setup(run) {
    const dictionary = dictionaryFor(runDialect(run));
    return {
      dictionary,
      speller: new Speller(dictionary),
      vocabulary: projectVocabulary(run.config, (message) => run.warn(message)),
      files: new WeakMap(),
    };
  },
  check(doc, ctx) {
    const { dictionary, speller } = ctx.state;
    const vocabulary = ctx.state.vocabulary.with(frontMatterWords(doc.frontMatter?.data ?? {}));
    const data = frontMatterNames(doc);
    const capitals = new Set<string>();
    const linkNames = linkTargetWords(doc);
    for (const block of doc.prose) {
      const evidence = NAME_EVIDENCE_KINDS.has(block.kind) ? capitals : undefined;
      for (const unknown of unknownWords(block.text, dictionary, vocabulary, evidence)) {
        // [argo](https://github.com/org/argo): link text that names its target is a name.
        if (linkNames(block.sourceOffset(unknown.start), unknown.word)) continue;
        const report = spellingReport(block, unknown, speller);
        const name = unknown.place !== 'lowercase';
        // A capitalized word may be a name: never replace it unread.
        data.pending.push({ word: unknown.word, name, report: name ? withoutFix(report) : report });
      }
    }
    data.capitals = [...capitals];
    ctx.state.files.set(doc, data);
  },
  collect(doc, ctx) {
    return ctx.state.files.get(doc);
  },
  finish(ctx) {
    for (const { file, report } of siteFindings(ctx.collected as ReadonlyMap<string, SpellingFileData>))
      ctx.report(file, report);
  },
};

/**
 * The findings of a whole site from each post's data: a capitalized word the site uses as a name
 * elsewhere is dropped, a lowercase word that several posts use (or one post often) is a notice.
 */
export function siteFindings(
  data: ReadonlyMap<string, SpellingFileData>,
): { file: string; word: string; report: RuleReport }[] {
  const capitalsIn = postsUsing(data, (d) => d.capitals);
  const unknownIn = postsUsing(data, (d) => d.pending.map((p) => p.word));
  const names = new Set([...data.values()].flatMap((d) => d.names));
  const out: { file: string; word: string; report: RuleReport }[] = [];
  for (const [file, { pending }] of data) {
    const uses = new Map<string, number>();
    for (const { word } of pending) uses.set(word, (uses.get(word) ?? 0) + 1);
    for (const { word, name, report } of pending) {
      if (name) {
        const posts = capitalsIn.get(word);
        const elsewhere = posts !== undefined && [...posts].some((f) => f !== file);
        if (!elsewhere && !names.has(word)) out.push({ file, word, report });
      } else if (
        (unknownIn.get(word)?.size ?? 0) >= SITE_TERM_POSTS ||
        (uses.get(word) ?? 0) >= POST_TERM_USES
      ) {
        const { safeFix: _unread, ...term } = report;
        out.push({ file, word, report: { ...term, severity: 'notice' } });
      } else out.push({ file, word, report });
    }
  }
  return out;
}

/**
 * A lowercase word unknown to the dictionary that this many posts of the site use is a term of
 * the site (a system, a field's jargon), not a slip: a notice, and a candidate for `words`.
 */
const SITE_TERM_POSTS = 3;

/** A lowercase unknown word written the same way this often in one post is deliberate: a notice. */
const POST_TERM_USES = 4;

/** Word to the posts that use it, from one list of each post's data. */
function postsUsing(
  data: ReadonlyMap<string, SpellingFileData>,
  words: (d: SpellingFileData) => readonly string[],
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [file, d] of data) {
    for (const word of words(d)) {
      const posts = out.get(word) ?? new Set<string>();
      posts.add(file);
      out.set(word, posts);
    }
  }
  return out;
}

/** Whether a word at a source offset is link text that its link's address names. */
function linkTargetWords(doc: Document): (offset: number, word: string) => boolean {
  const links = doc.nodes<Link>('link');
  if (links.length === 0) return () => false;
  // Links do not nest, and the tree lists them in document order.
  const starts = links.map((l) => l.position?.start.offset ?? 0);
  return (offset, word) => {
    const i = lastAtOrBefore(starts, offset);
    const link = links[i] as Link;
    const inside = offset >= (starts[i] as number) && offset < (link.position?.end.offset ?? 0);
    return inside && link.url.toLowerCase().includes(word.toLowerCase());
  };
}

/** The post's data so far: the names its front matter lists. */
function frontMatterNames(doc: Document): SpellingFileData {
  const names = new Set<string>();
  const data = doc.frontMatter?.data ?? {};
  for (const field of NAME_FIELDS) {
    const value = data[field];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      for (const word of v.split(/[^\p{L}'’-]+/u)) if (word) names.add(stripPossessive(word));
    }
  }
  return { capitals: [], names: [...names], pending: [] };
}

function withoutFix(report: RuleReport): RuleReport {
  const { safeFix: _unread, ...rest } = report;
  return rest;
}

function spellingReport(block: ProseBlock, unknown: UnknownWord, speller: Speller): RuleReport {
  const { start, end, place } = unknown;
  const word = block.text.slice(start, end);
  const { suggestions: found, clear } = speller.correct(unknown.word);
  const suggestions = found.map((s) => inAuthorsQuotes(s, word));
  const name = place !== 'lowercase';
  // A slip of a common word (Libary) is a typo even with a capital; inside a name phrase it is a name.
  const slip = name && place !== 'name-phrase' && speller.looksLikeSlip(unknown.word);
  const advice =
    suggestions.length === 0
      ? 'Check its spelling.'
      : suggestions.length === 1
        ? `Did you mean "${suggestions[0]}"?`
        : `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?`;
  const keep = block.inQuote
    ? ' It is inside a quotation: if the original is spelled this way, leave it.'
    : name && !slip
      ? ` If it is a name, add it to "words" in the Content Gate config or to this post's front matter. ${advice}`
      : ` If it is spelled right (a name or a special term), add it to "words" in the Content Gate config or to this post's front matter.`;
  const lead =
    name && !slip
      ? `"${word}" looks like a name that is in no dictionary.`
      : `"${word}" is not in the dictionary. ${advice}`;
  return {
    start: block.sourceOffset(start),
    end: block.sourceOffset(end - 1) + 1,
    message: `${lead}${keep}`,
    suggestions,
    ...(block.inQuote || (name && !slip) ? { severity: 'notice' as const } : {}),
    ...(clear && !block.inQuote && !name ? { safeFix: true } : {}),
  };
}
