import type { LexiconEntry } from '../../../lexicons/types.js';
import { compileLexicon } from '../../shared/phrases.js';

/**
 * Makes every plain letter of a pattern match either case ("vote" -> "[vV][oO][tT][eE]") while
 * character classes and escapes such as `\p{Lu}` keep theirs. With the `i` flag, `\p{Lu}` would
 * match lower-case letters too, and a pattern could no longer insist on a capitalised name.
 */
export function anyCaseLiterals(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i);
        out += pattern.slice(i, close + 1);
        i = close;
      } else {
        out += c + next;
        i++;
      }
    } else if (c === '[') {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      out += pattern.slice(i, j + 1);
      i = j;
    } else if (c === '(' && pattern[i + 1] === '?') {
      const m = /^\(\?(?:<[=!]|[:=!])/.exec(pattern.slice(i));
      const head = m ? m[0] : '(?';
      out += head;
      i += head.length - 1;
    } else if (/[a-z]/i.test(c)) {
      out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    } else {
      out += c;
    }
  }
  return out;
}

/** A compiled lexicon, with a quick probe per entry for whether it can match a text at all. */
export interface CasedLexicon {
  entries: ReturnType<typeof compileLexicon>;
  /** Looser than the entry (no closing word boundary, no exceptions), without Unicode case folding. */
  probes: RegExp[];
}

/** Compiles a lexicon whose patterns may insist on capitals (`\p{Lu}`, `[A-Z]`) while words match any case. */
export function compileCased(entries: readonly LexiconEntry[]): CasedLexicon {
  const cased = entries.map((e) => ({ ...e, caseSensitive: true, pattern: anyCaseLiterals(e.pattern) }));
  return {
    entries: compileLexicon(cased),
    // The probe starts where a word starts, as the entry does: a probe free to start inside a run
    // of letters retries at every one of them and costs the square of the run.
    probes: cased.map((e) => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${e.pattern})`, 'u')),
  };
}

/**
 * A case-insensitive regular expression without the `i` flag: with `u`, `i` makes V8 fold case
 * at every step and long alternations run several times slower.
 */
export function anyCase(source: string, global = false): RegExp {
  return new RegExp(anyCaseLiterals(source), global ? 'gu' : 'u');
}
