import type { Document } from '../../core/document.js';
import type { RunContext } from '../../core/rule.js';
import { type SpellingFileData, siteFindings, unknownWordRule } from './unknown-word.js';

/** One word the spelling check does not know, across a site. */
export interface WordCensusEntry {
  word: string;
  /** How often the site's posts use it (findings, notices included). */
  count: number;
  /** The posts it occurs in, in the order they were given. */
  posts: string[];
}

/**
 * The unknown words of a whole site, most frequent first, with the posts they occur in: what a
 * site's first run proposes for its `words` list. The same dictionary, names and site evidence as
 * `spelling/unknown-word`, so a word listed here is exactly a word the rule would report.
 */
export async function spellingCensus(docs: Iterable<Document>, run: RunContext): Promise<WordCensusEntry[]> {
  const state = await unknownWordRule.setup?.(run);
  if (!state) return [];
  const collected = new Map<string, SpellingFileData>();
  const ctx = { run, state, report: () => {} };
  for (const doc of docs) {
    await unknownWordRule.check(doc, ctx);
    collected.set(doc.file, (await unknownWordRule.collect?.(doc, ctx)) as SpellingFileData);
  }
  const byWord = new Map<string, WordCensusEntry>();
  for (const { file, word } of siteFindings(collected)) {
    const entry = byWord.get(word) ?? { word, count: 0, posts: [] };
    entry.count++;
    if (!entry.posts.includes(file)) entry.posts.push(file);
    byWord.set(word, entry);
  }
  return [...byWord.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
}
