import type { GrammarEntry } from '../lexicons/grammar.js';

export interface PatternMatch {
  entry: GrammarEntry;
  /** Span of the wrong words (group `w`) in the text. */
  start: number;
  end: number;
  wrong: string;
  replacement: string;
  message: string;
}

interface CompiledPattern {
  entry: GrammarEntry;
  regex: RegExp;
  followedBy?: RegExp;
  precededBy?: RegExp;
}

/** Compiles the grammar patterns once per run: whole words, any case, with group indices. */
export function compileGrammarPatterns(entries: readonly GrammarEntry[]): CompiledPattern[] {
  return entries.map((entry) => ({
    entry,
    regex: new RegExp(`(?<![\\p{L}\\p{N}_'’])(?:${entry.pattern})(?![\\p{L}\\p{N}_'’])`, 'giud'),
    followedBy: entry.unlessFollowedBy ? new RegExp(`^(?:${entry.unlessFollowedBy})`, 'iu') : undefined,
    precededBy: entry.unlessPrecededBy ? new RegExp(`(?:${entry.unlessPrecededBy})$`, 'iu') : undefined,
  }));
}

/** Every pattern match in a text, with the replacement for its wrong words. */
export function matchGrammarPatterns(text: string, patterns: readonly CompiledPattern[]): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const { entry, regex, followedBy, precededBy } of patterns) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      const span = m.indices?.groups?.w;
      const index = m.index ?? 0;
      if (!span) continue;
      if (followedBy?.test(text.slice(index + m[0].length, index + m[0].length + 40))) continue;
      if (precededBy?.test(text.slice(Math.max(0, index - 40), index))) continue;
      const [start, end] = span;
      const wrong = text.slice(start, end);
      const replacement = matchCase(wrong, replacementOf(entry, wrong, m.groups ?? {}));
      const message = entry.message.replaceAll('{match}', wrong).replaceAll('{replacement}', replacement);
      out.push({ entry, start, end, wrong, replacement, message });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function replacementOf(
  entry: GrammarEntry,
  wrong: string,
  groups: Record<string, string | undefined>,
): string {
  if (entry.transform === 'base-verb') return baseForm(wrong.toLowerCase());
  if (entry.transform === 'plural-verb') return PLURAL_VERB[wrong.toLowerCase()] ?? wrong;
  return (entry.replacement ?? '').replace(/\$<(\w+)>/g, (_, name: string) => groups[name] ?? '');
}

const PLURAL_VERB: Record<string, string> = { is: 'are', was: 'were', has: 'have', does: 'do' };

/** The plain form of a third-person verb: likes → like, watches → watch, tries → try. */
export function baseForm(verb: string): string {
  if (/ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|z|o)es$/.test(verb)) return verb.slice(0, -2);
  return verb.slice(0, -1);
}

function matchCase(original: string, replacement: string): string {
  const first = original.charAt(0);
  if (first && first !== first.toLowerCase())
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
