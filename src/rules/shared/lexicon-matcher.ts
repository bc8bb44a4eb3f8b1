import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
} from 'obscenity';
import { lastAtOrBefore } from '../../core/sorted.js';
import type { WordClass } from '../../lexicons/harm.js';
import { EXTRA_OBSCENE_PATTERNS, OBSCENITY_WHITELIST } from '../../lexicons/obscenity.js';
import { wordAround } from './mentions.js';

/** A word the `obscenity` library found, stretched to the whole written word. */
export interface WordHit {
  start: number;
  end: number;
  /** The dictionary word it stands for ("fuck" for "fvck"). */
  word: string;
}

export interface WordMatcher {
  find(text: string): WordHit[];
}

interface Metadata {
  originalWord: string;
}

/**
 * Builds an `obscenity` matcher for the words of the given classes (plus extra spellings of
 * those words). Built once per run in a rule's `setup`: compiling the patterns is the costly part.
 */
export function buildWordMatcher(
  classes: readonly WordClass[],
  extraPatterns: readonly { word: string; pattern: string }[] = [],
  extraWhitelist: readonly { term: string }[] = [],
): WordMatcher {
  const wanted = new Set(classes.map((c) => c.word));
  const dataset = new DataSet<Metadata>()
    .addAll(englishDataset as DataSet<Metadata>)
    .removePhrasesIf((phrase) => !wanted.has(phrase.metadata?.originalWord ?? ''));
  for (const { word, patterns } of EXTRA_OBSCENE_PATTERNS) {
    if (!wanted.has(word)) continue;
    dataset.addPhrase((phrase) => {
      let p = phrase.setMetadata({ originalWord: word });
      for (const pattern of patterns) p = p.addPattern(parseRawPattern(pattern));
      return p;
    });
  }
  for (const { word, pattern } of extraPatterns) {
    dataset.addPhrase((phrase) =>
      phrase.setMetadata({ originalWord: word }).addPattern(parseRawPattern(pattern)),
    );
  }
  const built = dataset.build();
  const matcher = new RegExpMatcher({
    ...built,
    whitelistedTerms: [
      ...(built.whitelistedTerms ?? []),
      ...[...OBSCENITY_WHITELIST, ...extraWhitelist].map((w) => w.term).filter((t) => !t.includes(' ')),
    ],
    ...englishRecommendedTransformers,
  });
  const whitelist = [...OBSCENITY_WHITELIST, ...extraWhitelist].map((w) => w.term);
  const phrases = whitelist.filter((t) => t.includes(' '));
  const phraseWhitelist = new RegExp(
    phrases.map((p) => escapeRegExp(p).replaceAll(' ', '\\s+')).join('|'),
    'giu',
  );

  /** Hits inside each token, with the library called once for the whole batch of tokens. */
  const findInTokens = (tokens: readonly string[]): WordHit[][] => {
    const out: WordHit[][] = tokens.map(() => []);
    const starts: number[] = [];
    let batch = '';
    for (const token of tokens) {
      if (batch) batch += TOKEN_SEPARATOR;
      starts.push(batch.length);
      batch += token;
    }
    for (const match of matcher.getAllMatches(batch, true)) {
      const t = lastAtOrBefore(starts, match.startIndex);
      const token = tokens[t] ?? '';
      const from = match.startIndex - (starts[t] ?? 0);
      const to = match.endIndex + 1 - (starts[t] ?? 0);
      if (to > token.length) continue; // across a separator
      const word = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? '';
      const span = wordAround(token, from, to);
      const written = token.slice(span.start, span.end);
      // Digits alone ("4455") are not a word, and an @handle names an account.
      if (!/\p{L}/u.test(written) || written.startsWith('@')) continue;
      const hits = out[t] as WordHit[];
      const last = hits[hits.length - 1];
      if (last && span.start < last.end) continue;
      hits.push({ ...span, word });
    }
    return out;
  };

  // The library is slow per character and per call, and a site repeats its vocabulary: each
  // distinct whitespace-separated token is matched once per run, new tokens in one batch call.
  // Matching tokens alone also rules out matches across word gaps ("an us", "pen is");
  // multi-word whitelist phrases are applied after.
  const byToken = new Map<string, WordHit[]>();
  return {
    find(text: string): WordHit[] {
      const tokens = [...text.matchAll(TOKEN)];
      const unseen = [...new Set(tokens.map((m) => m[0]).filter((t) => !byToken.has(t)))];
      if (unseen.length > 0) {
        if (byToken.size + unseen.length > MAX_CACHED_TOKENS) byToken.clear();
        const found = findInTokens(unseen);
        for (let i = 0; i < unseen.length; i++) byToken.set(unseen[i] as string, found[i] ?? []);
      }
      const hits: WordHit[] = [];
      for (const m of tokens) {
        const at = m.index ?? 0;
        for (const h of byToken.get(m[0]) ?? [])
          hits.push({ start: at + h.start, end: at + h.end, word: h.word });
      }
      if (hits.length === 0 || phrases.length === 0) return hits;
      const allowed = [...text.matchAll(phraseWhitelist)].map((m) => [
        m.index ?? 0,
        (m.index ?? 0) + m[0].length,
      ]);
      return hits.filter(
        (h) => !allowed.some(([s, e]) => (s as number) <= h.start && h.end <= (e as number)),
      );
    },
  };
}

/** Wide enough that no pattern's single-character wildcard bridges two tokens. */
const TOKEN_SEPARATOR = ' \n \n ';

const TOKEN = /\S+/gu;
const MAX_CACHED_TOKENS = 200_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
