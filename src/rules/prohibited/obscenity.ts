import type { Document, ProseBlock } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { HEALTH_CUES, type WordClass } from '../../lexicons/harm.js';
import { MASKED_VOCABULARY, OBSCENITY_WORD_CLASSES } from '../../lexicons/obscenity.js';
import { buildWordMatcher, type WordHit, type WordMatcher } from '../shared/lexicon-matcher.js';
import { isMention, looksLikeName, maskWord } from '../shared/mentions.js';
import { POLICY } from '../shared/policy.js';

const OBSCENE = OBSCENITY_WORD_CLASSES.filter((c) => c.category === 'profanity' || c.category === 'sexual');
const CLASS_OF = new Map(OBSCENE.map((c) => [c.word, c]));
const HEALTH = new RegExp(HEALTH_CUES, 'iu');

/** "f**k", "sh*t", "b!tch": letters with masking characters inside or at the end. */
const MASKED_TOKEN = /(?<![\p{L}\p{N}])\p{L}[\p{L}*#%]*[*#%][\p{L}*#%]*(?![\p{L}\p{N}])/gu;
/** "f u c k", "s.h.i.t", "f-u-c-k": 3 to 15 single letters with one separator between them (longer runs are not words). */
const SPACED_OUT =
  /(?<![\p{L}\p{N}])(?<!(?<![\p{L}\p{N}])\p{L}[ .\-_*])\p{L}(?:[ .\-_*]\p{L}){2,14}(?![\p{L}\p{N}])(?![ .\-_*]\p{L}(?![\p{L}\p{N}]))/gu;

/** Each masked-vocabulary word as a shape whose letters after the first may be masked, longest first. */
const MASKED_SHAPES = [...MASKED_VOCABULARY]
  .sort((a, b) => b.length - a.length)
  .map((word) => ({
    word,
    regex: new RegExp(`^${word[0]}${[...word.slice(1)].map((c) => `[${c}*#%]`).join('')}`, 'u'),
  }));

interface State {
  matcher: WordMatcher;
}

export const obscenityRule: Rule<State> = {
  meta: {
    id: 'prohibited/obscenity',
    policy: POLICY.obscenity.section,
    clause: POLICY.obscenity.text,
    defaultSeverity: 'error',
    description:
      'Profanity and sexual content, including disguised spellings (f*ck, sh1t, fuuuck, f u c k), found with the maintained `obscenity` word list; leaves alone Scunthorpe-style substrings, names, medical and anatomical words, and titles of works mentioned as titles.',
    severityReason:
      'Profanity and explicit sexual words are obscene on sight: error. Clinical words for sexual acts outside health programming, and "goddamn", are warnings, since context decides.',
  },
  setup() {
    return { matcher: buildWordMatcher(OBSCENE) };
  },
  check(doc, ctx) {
    let health: boolean | undefined;
    for (const block of doc.prose) {
      for (const hit of obsceneHits(block.text, ctx.state.matcher)) {
        const wordClass = CLASS_OF.get(hit.word);
        if (!wordClass) continue;
        if (wordClass.severity === 'warning' && wordClass.category === 'sexual') {
          health ??= isHealthProgramming(doc);
          if (health) continue;
        }
        if (!hasListedForm(block.text, hit, wordClass)) continue;
        if (looksLikeName(block.text, hit.start, hit.end)) continue;
        if (isMention(doc, block, hit.start, hit.end)) continue;
        ctx.report(reportFor(block, hit, wordClass));
      }
    }
  },
};

function reportFor(block: ProseBlock, hit: WordHit, wordClass: WordClass) {
  const shown = maskWord(block.text.slice(hit.start, hit.end));
  const what = wordClass.category === 'sexual' ? `"${shown}" is sexual content` : `"${shown}" is profanity`;
  return {
    start: block.sourceOffset(hit.start),
    end: block.sourceOffset(hit.end - 1) + 1,
    message: `${what}, which the library's social media may not carry. Remove or reword it; if it is part of a title you are naming, put the title in italics or quotes.`,
    ...(wordClass.severity === 'error' ? {} : { severity: wordClass.severity }),
  };
}

const LEET: Record<string, string> = {
  $: 's',
  '@': 'a',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '!': 'i',
};
const formsOf = new Map(OBSCENE.filter((c) => c.forms).map((c) => [c.word, new RegExp(`^${c.forms}$`, 'u')]));
const followersOf = new Map(
  OBSCENE.filter((c) => c.unlessFollowedBy).map((c) => [c.word, new RegExp(`^${c.unlessFollowedBy}`, 'iu')]),
);

/** For words the library matches as prefixes, the whole written word must be a listed form. */
function hasListedForm(text: string, hit: WordHit, wordClass: WordClass): boolean {
  const forms = formsOf.get(wordClass.word);
  if (forms) {
    const written = [...text.slice(hit.start, hit.end).toLowerCase()].map((c) => LEET[c] ?? c).join('');
    if (!/[*#%]/.test(written) && !forms.test(written.replace(/(.)\1{2,}/gu, '$1$1'))) return false;
  }
  const followers = followersOf.get(wordClass.word);
  return !followers?.test(text.slice(hit.end, hit.end + 40));
}

/** Words the library finds, plus masked ("f**k") and spaced-out ("f u c k") spellings. */
export function obsceneHits(text: string, matcher: WordMatcher): WordHit[] {
  const hits = [...matcher.find(text), ...maskedHits(text), ...spacedOutHits(text, matcher)];
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: WordHit[] = [];
  for (const hit of hits) {
    const last = out[out.length - 1];
    if (last && hit.start < last.end) continue;
    out.push(hit);
  }
  return out;
}

function maskedHits(text: string): WordHit[] {
  const out: WordHit[] = [];
  for (const m of text.matchAll(MASKED_TOKEN)) {
    const token = m[0].toLowerCase();
    const word = MASKED_SHAPES.find((shape) => {
      const found = shape.regex.exec(token);
      return found !== null && /[*#%]/.test(found[0]);
    })?.word;
    if (!word) continue;
    const base = CLASS_OF.has(word) ? word : (OBSCENE.find((c) => word.includes(c.word))?.word ?? 'fuck');
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, word: base });
  }
  return out;
}

function spacedOutHits(text: string, matcher: WordMatcher): WordHit[] {
  const out: WordHit[] = [];
  for (const m of text.matchAll(SPACED_OUT)) {
    const letters = m[0].replace(/[ .\-_*]/g, '');
    const found = matcher.find(letters).find((h) => h.start === 0 && h.end === letters.length);
    if (found) out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, word: found.word });
  }
  return out;
}

/** Health, medical or sex-education programming, judged from the post's title, tags and text. */
function isHealthProgramming(doc: Document): boolean {
  const fm = doc.frontMatter?.data ?? {};
  const labels = [fm.title, fm.tags, fm.categories, fm.category, fm.description]
    .flat()
    .filter((v) => typeof v === 'string')
    .join(' ');
  if (HEALTH.test(labels)) return true;
  return doc.prose.some((block) => HEALTH.test(block.text));
}
