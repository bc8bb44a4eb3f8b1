import type { Document, ProseBlock } from '../../core/document.js';
import type { RuleContext, RuleReport } from '../../core/rule.js';
import type { LexiconEntry } from '../../lexicons/types.js';

interface CompiledEntry {
  entry: LexiconEntry;
  regex: RegExp;
  unlessFollowedBy?: RegExp;
  unlessPrecededBy?: RegExp;
}

/** Compiles a lexicon once per rule: whole words only, case-insensitive unless the entry says otherwise. */
export function compileLexicon(entries: readonly LexiconEntry[]): CompiledEntry[] {
  return entries.map((entry) => ({
    entry,
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}_])(?:${entry.pattern})(?![\\p{L}\\p{N}_])`,
      entry.caseSensitive ? 'gu' : 'giu',
    ),
    unlessFollowedBy: entry.unlessFollowedBy ? new RegExp(`^(?:${entry.unlessFollowedBy})`, 'iu') : undefined,
    unlessPrecededBy: entry.unlessPrecededBy ? new RegExp(`(?:${entry.unlessPrecededBy})$`, 'iu') : undefined,
  }));
}

export interface PhraseMatch {
  entry: LexiconEntry;
  block: ProseBlock;
  index: number;
  text: string;
}

/** Every lexicon match in a text, honouring the entries' exceptions. */
export function matchText(
  text: string,
  lexicon: readonly CompiledEntry[],
): { entry: LexiconEntry; index: number; text: string }[] {
  const out: { entry: LexiconEntry; index: number; text: string }[] = [];
  for (const { entry, regex, unlessFollowedBy, unlessPrecededBy } of lexicon) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const index = m.index ?? 0;
      if (unlessFollowedBy?.test(text.slice(index + m[0].length, index + m[0].length + 40))) continue;
      if (unlessPrecededBy?.test(text.slice(Math.max(0, index - 40), index))) continue;
      out.push({ entry, index, text: m[0] });
    }
  }
  // Two entries may find the same words ("TODO:" is both a marker and a note): keep the first.
  out.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  let end = -1;
  return out.filter((m) => {
    if (m.index < end) return false;
    end = m.index + m.text.length;
    return true;
  });
}

/** Matches a lexicon against the post's prose (code, URLs and HTML tags are not prose). */
export function matchProse(doc: Document, lexicon: readonly CompiledEntry[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const block of doc.prose) {
    for (const m of matchText(block.text, lexicon)) out.push({ ...m, block });
  }
  return out;
}

/** A report for a prose match, with `{match}` in the message replaced by the matched text. */
export function reportMatch(match: PhraseMatch, extra: Partial<RuleReport> = {}): RuleReport {
  return {
    start: match.block.sourceOffset(match.index),
    end: match.block.sourceOffset(match.index + match.text.length - 1) + 1,
    message: match.entry.message.replaceAll('{match}', match.text),
    ...(match.entry.severity ? { severity: match.entry.severity } : {}),
    ...extra,
  } as RuleReport;
}

export type { RuleContext };
