import type { Blockquote, Html, Paragraph } from 'mdast';
import type { Node, Parent } from 'unist';
import { z } from 'zod';
import type { Document } from '../../core/document.js';
import { optionsOf } from '../../core/options.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import { LYRIC_CUES, POEM_CUES, REPRODUCTION_ALLOWED } from '../../lexicons/media.js';
import { collectMedia, labelOf } from '../shared/media.js';
import { stockAgencyOf } from '../shared/media-url.js';
import { POLICY } from '../shared/policy.js';
import { collectQuotations, hasSourceLink, type Quotation } from '../shared/quotes.js';

const options = z.strictObject({
  maxQuoteWords: z
    .number()
    .int()
    .positive()
    .default(200)
    .describe('A single quotation longer than this many words is reported.'),
  maxQuoteShare: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe("Quotations making up more than this share of the post's words are reported..."),
  minQuotedWords: z
    .number()
    .int()
    .nonnegative()
    .default(80)
    .describe('...when together they are at least this many words (a short post may quote one short line).'),
  shortQuoteWords: z
    .number()
    .int()
    .nonnegative()
    .default(40)
    .describe('Quotations up to this many words that link their source do not count toward the share.'),
  minVerseLines: z
    .number()
    .int()
    .positive()
    .default(12)
    .describe('A block of short lines this long, presented as a poem or song, is reported as pasted whole.'),
});
type Options = z.output<typeof options>;

/** Front-matter fields where a post can say its text is in the public domain or used with permission. */
const RIGHTS_FIELDS = ['license', 'licence', 'rights', 'copyright', 'permission'];

export const copyrightRule: Rule = {
  meta: {
    id: 'prohibited/copyright',
    options,
    policy: POLICY.copyright.section,
    clause: POLICY.copyright.text,
    defaultSeverity: 'error',
    description:
      'Images hotlinked from stock agencies (Getty Images, Shutterstock, Alamy, iStock, Adobe Stock, Dreamstime, 123RF, Depositphotos), whatever their credit; quotations longer than `maxQuoteWords` (200) words, or quotations making up more than `maxQuoteShare` (half) of a post; and song lyrics or poems pasted whole (at least `minVerseLines`, 12, short lines presented as a poem or song). Works marked as public domain or used with permission are left alone.',
    severityReason:
      "A stock photo hotlinked without a licence is infringement on sight: an error. Long quotations and pasted poems or lyrics are warnings, because fair use, the public domain and permissions need the editor's judgment.",
  },
  check(doc, ctx) {
    const opts = optionsOf(options, ctx.run.options('prohibited/copyright'));
    for (const item of collectMedia(doc)) {
      const agency = stockAgencyOf(item.url);
      if (!agency) continue;
      ctx.report({
        start: item.start,
        end: item.end,
        message: `${labelOf(item)} is hotlinked from ${agency.name}. Stock images are licensed to the agency's paying customers for agreed uses, so a credit does not make it the library's to post. Replace it with an image the library owns or has licensed, or one under a Creative Commons licence, and credit it.`,
      });
    }
    const allowedPost = rightsCleared(doc);
    const verse = allowedPost ? [] : verseRuns(doc, opts);
    for (const run of verse) ctx.report(run.report);
    if (allowedPost) return;
    for (const report of longQuotations(doc, opts, verse)) ctx.report(report);
  },
};

function rightsCleared(doc: Document): boolean {
  const data = doc.frontMatter?.data ?? {};
  return (
    RIGHTS_FIELDS.some((f) => typeof data[f] === 'string' && REPRODUCTION_ALLOWED.test(data[f] as string)) ||
    data.public_domain === true
  );
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

function quoteAllowed(quote: Quotation): boolean {
  return [quote.text, quote.inner?.text, quote.after?.text, quote.leadIn?.text].some(
    (t) => t !== undefined && REPRODUCTION_ALLOWED.test(t),
  );
}

function longQuotations(doc: Document, opts: Options, verse: readonly VerseRun[]): RuleReport[] {
  const quotes = collectQuotations(doc).filter(
    (q) => !quoteAllowed(q) && !verse.some((v) => v.start < q.end && q.start < v.end),
  );
  const counted = quotes.map((quote) => ({ quote, words: wordCount(quote.text) }));
  const out: RuleReport[] = [];
  for (const { quote, words } of counted) {
    if (words <= opts.maxQuoteWords) continue;
    out.push({
      start: quote.start,
      end: quote.end,
      severity: 'warning',
      message: `This quotation is ${words} words long, more than the ${opts.maxQuoteWords} this site allows verbatim. Quote only the lines you discuss and link to the rest, e.g. "Read the full text at [Title](https://link-to-the-original)"; if the text is in the public domain or used with permission, say so in a line under it.`,
    });
  }
  if (out.length > 0) return out;
  // Short quotations that link their source are the fair use the policy expects: they do not count.
  const shareCounted = counted.filter((c) => c.words > opts.shortQuoteWords || !hasSourceLink(c.quote));
  if (shareCounted.length === 0) return out;
  const quoted = shareCounted.reduce((sum, c) => sum + c.words, 0);
  const total = doc.prose
    .filter((b) => b.kind !== 'frontMatter' && b.kind !== 'alt')
    .reduce((sum, b) => sum + wordCount(b.text), 0);
  if (quoted < opts.minQuotedWords || total === 0 || quoted / total <= opts.maxQuoteShare) return out;
  const largest = shareCounted.reduce((a, b) => (b.words > a.words ? b : a));
  const share = Math.round((quoted / total) * 100);
  out.push({
    start: largest.quote.start,
    end: largest.quote.end,
    severity: 'warning',
    message: `Quotations make up ${share}% of this post (${quoted} of ${total} words), more than the ${Math.round(opts.maxQuoteShare * 100)}% this site allows. Shorten them and add your own summary or commentary, linking to the originals for the rest.`,
  });
  return out;
}

// ---------------------------------------------------------------- Verse

interface VerseRun {
  start: number;
  end: number;
  report: RuleReport;
}

/** Most lines of a verse block are at most this long; prose, even hard-wrapped, runs longer. */
const VERSE_LINE_CHARS = 55;
const LIST_OR_TABLE_LINE = /^\s*(?:[-*+]\s|\d+[.)]\s|\|)/;

/** The source lines of a paragraph as written (quote markers and hard-break marks removed). */
function linesOf(doc: Document, node: Node): string[] {
  return doc
    .sourceOf(node)
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*(?:>\s?)+/, '')
        .replace(/(?:\s{2,}|\\|<br\s*\/?>)\s*$/i, '')
        .trim(),
    )
    .filter(Boolean);
}

/** Lines of a reading list or a menu of links ("*Citizen* by Claudia Rankine", "[Main Library](...)"). */
const CATALOG_LINE =
  /\]\(|<a\s|^[*_]{1,2}[^*_]+[*_]{1,2}[,:]?\s+(?:by|\u2013|\u2014|-)\s|\bby\s+\p{Lu}\p{L}+\s+\p{Lu}/u;

function isVerseBlock(lines: readonly string[]): boolean {
  if (lines.length < 2 || lines.some((l) => LIST_OR_TABLE_LINE.test(l))) return false;
  if (lines.filter((l) => CATALOG_LINE.test(l)).length / lines.length >= 0.3) return false;
  const short = lines.filter((l) => l.length <= VERSE_LINE_CHARS).length;
  return short / lines.length >= 0.75;
}

/** Paragraphs in a row made of short lines: stanzas of one poem or song. */
function verseRuns(doc: Document, opts: Options): VerseRun[] {
  const out: VerseRun[] = [];
  const containers: Parent[] = [doc.tree, ...doc.nodes<Blockquote>('blockquote')];
  for (const container of containers) {
    let run: Paragraph[] = [];
    let lines: string[] = [];
    const flush = () => {
      if (lines.length >= opts.minVerseLines) {
        const found = verseFinding(doc, container, run, lines);
        if (found) out.push(found);
      }
      run = [];
      lines = [];
    };
    for (const child of container.children) {
      if (child.type !== 'paragraph') {
        if (child.type !== 'html' || !(child as Html).value.trimStart().startsWith('<!--')) flush();
        continue;
      }
      const own = linesOf(doc, child);
      if (isVerseBlock(own)) {
        run.push(child as Paragraph);
        lines.push(...own);
      } else flush();
    }
    flush();
  }
  return out;
}

function verseFinding(
  doc: Document,
  container: Parent,
  run: Paragraph[],
  lines: string[],
): VerseRun | undefined {
  const first = run[0] as Paragraph;
  const last = run[run.length - 1] as Paragraph;
  // A poem that fills a whole blockquote is reported at the quote's start.
  const wholeQuote = container.type === 'blockquote' && container.children.length === run.length;
  const start = (wholeQuote ? container : first).position?.start.offset ?? 0;
  const end = last.position?.end.offset ?? start;
  const body = lines.join('\n');
  const index = container.children.indexOf(first);
  const before = container.children
    .slice(Math.max(0, index - 2), index)
    .map((n) => doc.textOf(n))
    .join('\n');
  const after = container.children[container.children.indexOf(last) + 1];
  const afterText = after ? doc.textOf(after) : '';
  const title = typeof doc.frontMatter?.data.title === 'string' ? doc.frontMatter.data.title : '';
  const context = `${before}\n${title}`;
  if (REPRODUCTION_ALLOWED.test(`${context}\n${body}\n${afterText}`)) return undefined;
  const repeated = new Set(lines.filter((l, i) => lines.indexOf(l) !== i)).size >= 2;
  const lyrics = LYRIC_CUES.test(body) || LYRIC_CUES.test(context) || repeated;
  const poem = POEM_CUES.test(context) || POEM_CUES.test(body);
  if (!lyrics && !poem) return undefined;
  const what = lyrics && !POEM_CUES.test(context) ? 'These song lyrics' : 'This poem';
  return {
    start,
    end,
    report: {
      start,
      end: Math.min(end, doc.source.indexOf('\n', start) === -1 ? end : doc.source.indexOf('\n', start)),
      severity: 'warning',
      message: `${what} (${lines.length} lines) ${what === 'This poem' ? 'looks' : 'look'} pasted in whole. Unless the work is in the public domain or used with permission, quote a few lines and link to the full text, e.g. "Read the whole ${what === 'This poem' ? 'poem' : 'song'} at [Source](https://link-to-the-original)". If it is in the public domain, say so in a line under it: "(Public domain.)"`,
    },
  };
}
