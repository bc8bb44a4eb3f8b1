import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
} from 'obscenity';
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
      ...[...OBSCENITY_WHITELIST, ...extraWhitelist].map((w) => w.term),
    ],
    ...englishRecommendedTransformers,
  });
  return {
    find(text: string): WordHit[] {
      const hits: WordHit[] = [];
      for (const match of matcher.getAllMatches(text, true)) {
        const word = dataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord ?? '';
        const span = wordAround(text, match.startIndex, match.endIndex + 1);
        const last = hits[hits.length - 1];
        if (last && span.start < last.end) continue;
        hits.push({ ...span, word });
      }
      return hits;
    },
  };
}
