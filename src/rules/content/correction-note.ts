import { Document, type ProseBlock } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { POLICY } from '../shared/policy.js';
import { splitSentences } from '../shared/sentences.js';

const DAY_MS = 86_400_000;
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
/** A date as notes write it: 2026-12-01, December 1, 2026, 12/1/2026. */
const ANY_DATE = new RegExp(
  `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b(?:${MONTHS})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`,
  'i',
);
/** "Correction:", "Update (Dec. 1, 2026):", "Editor's note:" at the start of a paragraph. */
const NOTE_LEAD = /^(?:correction|corrected|update|updated|editor['’]s note)\b[^:\n]{0,40}:/i;
/**
 * Facts: money, times, numbers and dates, addresses and links, and capitalised words inside a
 * sentence (names, places, months, weekdays). Case matters: "auther" to "author" is spelling.
 */
const FACT =
  /\$\s?\d[\d,]*(?:\.\d+)?|\b\d{1,2}(?::\d{2})?\s?(?:[aApP]\.?[mM]\.?)(?![a-z])|\b\d[\d,.:/-]*\d\b|\b\d\b|https?:\/\/\S+|(?<=\S\s+)\b\p{Lu}[\p{L}'’-]+/gu;

/** The post's publication day (epoch ms): front-matter `date`, a Jekyll file name, or its first commit. */
export function publishedAt(doc: Document, firstCommitted: string | undefined): number | undefined {
  const field = doc.frontMatter?.data.date;
  const fromField =
    field instanceof Date ? field.toISOString() : typeof field === 'string' ? field : undefined;
  for (const text of [fromField, doc.file.split('/').pop(), firstCommitted]) {
    const m = text ? ISO_DAY.exec(text) : null;
    if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  }
  return undefined;
}

function proseOf(doc: Document): ProseBlock[] {
  return doc.prose.filter((b) => b.kind === 'paragraph' || b.kind === 'heading' || b.kind === 'tableCell');
}

/** Correction notes a post carries: its front-matter `corrections` and its note paragraphs. */
export function notesOf(doc: Document): string[] {
  const listed = doc.frontMatter?.data.corrections;
  const fromFront = Array.isArray(listed) ? listed.map((entry) => JSON.stringify(entry)) : [];
  const paragraphs = proseOf(doc)
    .map((b) => b.text.trim())
    .filter((text) => NOTE_LEAD.test(text) && ANY_DATE.test(text));
  return [...fromFront, ...paragraphs];
}

interface Sentence {
  text: string;
  key: string;
  block: ProseBlock;
  start: number;
}

function sentencesOf(doc: Document): Sentence[] {
  return proseOf(doc).flatMap((block) =>
    splitSentences(block.text).map((s) => ({
      text: s.text,
      key: s.text
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/[.!?]+$/, ''),
      block,
      start: s.start,
    })),
  );
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\d$%:]+/gu) ?? []);
}

function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, x.size + y.size - shared);
}

function facts(text: string): { value: string; index: number }[] {
  return [...text.matchAll(FACT)].map((m) => ({ value: m[0].replace(/[.,]+$/, ''), index: m.index ?? 0 }));
}

/** The first fact of `now` that `before` does not have, with what stood there before. */
export function changedFact(
  before: string,
  now: string,
): { from?: string; to: string; index: number } | undefined {
  const remaining = facts(before);
  const unmatched = (fact: { value: string }) =>
    remaining.findIndex((f) => f.value.toLowerCase() === fact.value.toLowerCase());
  for (const fact of facts(now)) {
    const at = unmatched(fact);
    if (at >= 0) remaining.splice(at, 1);
    else return { from: remaining[0]?.value, to: fact.value, index: fact.index };
  }
  return remaining[0] ? { from: remaining[0].value, to: '', index: 0 } : undefined;
}

export type FactChange =
  | { kind: 'changed'; sentence: Sentence; from?: string; to: string; index: number }
  | { kind: 'removed'; text: string };

/**
 * The first change of fact between two versions of a post: a fact (number, time, money, name,
 * address, link) replaced in a sentence, or a sentence removed. Spelling and punctuation fixes,
 * formatting and added sentences are changes of form.
 */
export function firstFactChange(before: Document, after: Document): FactChange | undefined {
  const old = sentencesOf(before);
  const now = sentencesOf(after);
  const oldKeys = new Set(old.map((s) => s.key));
  const nowKeys = new Set(now.map((s) => s.key));
  const removed = old.filter((s) => !nowKeys.has(s.key));
  for (const sentence of now) {
    if (oldKeys.has(sentence.key)) continue;
    let best: Sentence | undefined;
    let score = 0.5;
    for (const candidate of removed) {
      const sim = similarity(candidate.text, sentence.text);
      if (sim >= score) [best, score] = [candidate, sim];
    }
    if (!best) continue;
    removed.splice(removed.indexOf(best), 1);
    const change = changedFact(best.text, sentence.text);
    if (change) return { kind: 'changed', sentence, ...change };
  }
  const gone = removed.find((s) => !NOTE_LEAD.test(s.text));
  return gone ? { kind: 'removed', text: gone.text } : undefined;
}

function quote(text: string): string {
  return text ? `“${text}”` : 'nothing';
}

export const correctionNoteRule: Rule = {
  meta: {
    id: 'content/correction-note',
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'warning',
    description:
      'A change to a post published more than `corrections.afterDays` (7) days before that alters its facts (a number, date or time, money, a name, an address or link changed, or a sentence removed) and adds no correction note: a front-matter `corrections` entry or a paragraph starting "Correction:", "Update:" or "Editor\'s note:" with a date. Spelling, punctuation, formatting and added paragraphs need no note. Runs when a change is checked against its base (`--changed-since`, pull requests).',
    severityReason:
      'Readers of a published post deserve to know what changed, but an editor knows best whether an edit corrects a fact: a warning asks for the note without blocking the merge.',
  },
  check(doc, ctx) {
    const history = ctx.run.history;
    const entry = history?.files[doc.file];
    if (!history || !entry) return;
    const published = publishedAt(doc, entry.firstCommitted);
    const today = Date.parse(`${history.today}T00:00:00Z`);
    if (published === undefined || today - published <= ctx.run.config.corrections.afterDays * DAY_MS) return;
    const before = new Document(doc.file, doc.path, entry.previous);
    const earlierNotes = new Set(notesOf(before));
    if (notesOf(doc).some((note) => !earlierNotes.has(note))) return;
    const change = firstFactChange(before, doc);
    if (!change) return;
    const day = new Date(published).toISOString().slice(0, 10);
    const advice = `Add a correction note, e.g. in the front matter: corrections: [{ date: ${history.today}, text: "..." }], or a paragraph "Correction (${history.today}): ...".`;
    if (change.kind === 'removed') {
      ctx.report({
        document: true,
        message: `This post was published on ${day}, and this change removes a sentence: ${quote(change.text)}. ${advice}`,
      });
      return;
    }
    const { block, start } = change.sentence;
    const at = start + change.index;
    ctx.report({
      start: block.sourceOffset(at),
      end: block.sourceOffset(at + Math.max(1, change.to.length)),
      message: `This post was published on ${day}, and this change alters a fact: ${quote(change.from ?? '')} is now ${quote(change.to)}. ${advice}`,
    });
  },
};
