import { z } from 'zod';
import { optionsOf } from '../../core/options.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import {
  EXTRA_SLURS,
  GENERALISATIONS,
  GROUP_HINT,
  INCONSIDERATE,
  SLUR_WHITELIST,
  SPELLED_OUT_NEVER,
  STEREOTYPE_REPORTING,
} from '../../lexicons/discrimination.js';
import { OBSCENITY_WORD_CLASSES } from '../../lexicons/obscenity.js';
import { buildWordMatcher, type WordMatcher } from '../shared/lexicon-matcher.js';
import { isMention, looksLikeName, maskWord, sentenceAround } from '../shared/mentions.js';
import { compileLexicon, matchText } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';

const optionsSchema = z
  .object({
    inconsiderateWording: z
      .boolean()
      .default(true)
      .describe('Also report inconsiderate wording ("wheelchair-bound", "illegal aliens") as warnings.'),
  })
  .strict();

const generalisations = compileLexicon(GENERALISATIONS);
const mentionsAGroup = new RegExp(GROUP_HINT, 'iu');
const inconsiderate = compileLexicon(INCONSIDERATE);
const reportedStereotype = new RegExp(STEREOTYPE_REPORTING, 'iu');
const neverSpelledOut = new RegExp(SPELLED_OUT_NEVER, 'giu');
const alternativesOf = new Map(INCONSIDERATE.map((e) => [e.pattern, e.alternatives]));

interface State {
  slurs: WordMatcher;
  inconsiderateWording: boolean;
}

export const discriminationRule: Rule<State> = {
  meta: {
    id: 'prohibited/discrimination',
    options: optionsSchema,
    policy: POLICY.discrimination.section,
    clause: POLICY.discrimination.text,
    defaultSeverity: 'error',
    description:
      'Slurs (also disguised) and demeaning generalisations about people by race, creed, colour, age, gender, marital status, religion, national origin, disability, sexual orientation or ancestry; inconsiderate wording such as "wheelchair-bound" is a separate warning (option `inconsiderateWording`). Neutral mentions of groups ("a program for immigrant families") are left alone.',
    severityReason:
      'A slur or a demeaning generalisation about a protected group is discriminatory on sight: error. Inconsiderate wording is a warning: it is a matter of style and respect that an editor weighs.',
  },
  setup(run) {
    const options = optionsOf(optionsSchema, run.options('prohibited/discrimination'));
    const slurClasses = OBSCENITY_WORD_CLASSES.filter((c) => c.category === 'slur');
    return {
      slurs: buildWordMatcher(slurClasses, EXTRA_SLURS, SLUR_WHITELIST),
      inconsiderateWording: options.inconsiderateWording,
    };
  },
  check(doc, ctx) {
    for (const block of doc.prose) {
      const taken: [number, number][] = [];
      const report = (
        start: number,
        end: number,
        r: Omit<RuleReport, 'start' | 'end' | 'node' | 'document'>,
      ) => {
        taken.push([start, end]);
        ctx.report({
          start: block.sourceOffset(start),
          end: block.sourceOffset(end - 1) + 1,
          ...r,
        } as RuleReport);
      };

      for (const hit of ctx.state.slurs.find(block.text)) {
        if (looksLikeName(block.text, hit.start, hit.end) || isMention(doc, block, hit.start, hit.end))
          continue;
        const shown = maskWord(block.text.slice(hit.start, hit.end));
        report(hit.start, hit.end, {
          message: `"${shown}" is a slur. Remove it: the library's social media may not carry content that demeans people for who they are.`,
        });
      }

      const generalised = mentionsAGroup.test(block.text) ? matchText(block.text, generalisations) : [];
      for (const match of generalised) {
        const end = match.index + match.text.length;
        if (overlaps(taken, match.index, end)) continue;
        const sentence = sentenceAround(block.text, match.index);
        if (reportedStereotype.test(block.text.slice(sentence.start, match.index))) continue;
        if (isMention(doc, block, match.index, end)) continue;
        report(match.index, end, {
          message: match.entry.message.replaceAll('{match}', masked(match.text, ctx.state.slurs)),
        });
      }

      if (!ctx.state.inconsiderateWording) continue;
      for (const match of matchText(block.text, inconsiderate)) {
        const end = match.index + match.text.length;
        if (overlaps(taken, match.index, end) || isMention(doc, block, match.index, end)) continue;
        report(match.index, end, {
          message: match.entry.message.replaceAll('{match}', masked(match.text, ctx.state.slurs)),
          severity: 'warning',
          suggestions: alternativesOf.get(match.entry.pattern) ?? [],
        });
      }
    }
  },
};

/** The quoted words of a message with every slur masked ("those c******* are..."). */
function masked(text: string, slurs: WordMatcher): string {
  let out = text.replace(neverSpelledOut, (word) => maskWord(word));
  for (const hit of slurs.find(out).reverse()) {
    out = out.slice(0, hit.start) + maskWord(out.slice(hit.start, hit.end)) + out.slice(hit.end);
  }
  return out;
}

function overlaps(taken: readonly [number, number][], start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && s < end);
}
