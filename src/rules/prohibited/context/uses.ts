import type { Document, ProseBlock } from '../../../core/document.js';
import type { LexiconEntry } from '../../../lexicons/types.js';
import { matchText } from '../../shared/phrases.js';
import type { CasedLexicon } from './cased.js';
import type { MentionIndex } from './mentions.js';
import { sentenceAround } from './sentences.js';

/** A lexicon match that is a use, not a mention, with the sentence it sits in. */
export interface Use<E extends LexiconEntry = LexiconEntry> {
  entry: E;
  block: ProseBlock;
  index: number;
  text: string;
  sentence: string;
}

/** Lexicon matches over the post's prose, leaving out those inside titles, quotes and named works. */
export function usesOf<E extends LexiconEntry>(
  doc: Document,
  lexicon: CasedLexicon,
  mentions: MentionIndex,
): Use<E>[] {
  const out: Use<E>[] = [];
  const text = allProse(doc);
  const active = lexicon.entries.filter((_, i) => (lexicon.probes[i] as RegExp).test(text));
  if (active.length === 0) return out;
  for (const block of doc.prose) {
    for (const m of matchText(block.text, active)) {
      if (mentions.covers(block, m.index)) continue;
      out.push({
        entry: m.entry as E,
        block,
        index: m.index,
        text: m.text,
        sentence: sentenceAround(block.text, m.index, m.text.length),
      });
    }
  }
  return out;
}

/** The source span of a use, for a report. */
export function spanOf(use: { block: ProseBlock; index: number; text: string }): {
  start: number;
  end: number;
} {
  return {
    start: use.block.sourceOffset(use.index),
    end: use.block.sourceOffset(use.index + use.text.length - 1) + 1,
  };
}

/** All prose of a post in one string, blocks on their own lines. */
export function allProse(doc: Document): string {
  return doc.prose.map((block) => block.text).join('\n');
}

/** True when a (global or not) pattern occurs anywhere in the text. */
export function occursIn(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
