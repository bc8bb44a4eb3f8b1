import type { Rule } from '../../core/rule.js';
import {
  negations,
  patronReferents,
  patronRemarks,
  standalonePatronRemarks,
} from '../../lexicons/conduct.js';
import { compileLexicon, matchText } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';
import {
  isMention,
  mentionRanges,
  ownProse,
  type Sentence,
  sentenceAt,
  sentenceBefore,
} from '../shared/sentences.js';

const remarks = compileLexicon(patronRemarks);
const standalone = compileLexicon(standalonePatronRemarks);
const REFERENT = new RegExp(`(?<![\\p{L}])(?:${patronReferents.join('|')})(?![\\p{L}])`, 'giu');
const NEGATED = new RegExp(negations, 'i');
/** Words that start another noun phrase between a patron and a remark ("patrons said the catalog was..."). */
const OTHER_SUBJECT =
  /\b(?:the|this|that|these|those|our|its|my|a|an)\s+(?!total|real|complete|bit|little|such|very)\w+/i;
const LINKING =
  /\b(?:is|was|are|were|be|been|being|seems?|seemed|looks?|looked|acting|acted|like|such|so|really|just|totally|complete(?:ly)?)\s*$/i;
/** How many words may stand between a patron and the remark about them. */
const REACH = 6;
/** How many words may stand between a remark and the patron words after it. */
const AHEAD = 2;
/** A sentence this short ("Facepalm.", "Ugh.") comments on the sentence before it. */
const INTERJECTION_WORDS = 3;

export const patronRemarksRule: Rule = {
  meta: {
    id: 'conduct/patron-remarks',
    policy: POLICY.patronRemarks.section,
    clause: POLICY.patronRemarks.text,
    defaultSeverity: 'error',
    description:
      'Negative, mocking or condescending remarks about patrons, their questions or their behaviour ("the dumbest question of the day", "this clueless patron"). Neutral stories about helping patrons, denials ("there are no stupid questions"), quotations and titles are left alone.',
    severityReason:
      'An insult aimed at patrons ("idiot", "clueless", "dumbest question") is a breach on sight: error. Milder words ("rude", "weird", "ugh") can be fair description, so they are warnings for an editor to weigh.',
  },
  check(doc, ctx) {
    let mentions: [number, number][] | undefined;
    for (const block of ownProse(doc)) {
      const hits = [
        ...matchText(block.text, standalone).map((m) => ({ ...m, alone: true })),
        ...matchText(block.text, remarks).map((m) => ({ ...m, alone: false })),
      ].sort((a, b) => a.index - b.index || b.text.length - a.text.length);
      let covered = -1;
      for (const hit of hits) {
        if (hit.index < covered) continue;
        const sentence = sentenceAt(block, hit.index);
        const index = hit.index - sentence.start;
        if (NEGATED.test(sentence.text.slice(0, index))) continue;
        mentions ??= mentionRanges(doc);
        if (isMention(mentions, sentence, index, hit.text.length)) continue;
        if (!hit.alone && !isAimedAtPatrons(sentence, index, hit.text.length)) continue;
        covered = hit.index + hit.text.length;
        ctx.report({
          start: block.sourceOffset(hit.index),
          end: block.sourceOffset(hit.index + hit.text.length - 1) + 1,
          message: hit.entry.message.replaceAll('{match}', hit.text),
          ...(hit.entry.severity ? { severity: hit.entry.severity } : {}),
        });
      }
    }
  },
};

function referentsIn(sentence: Sentence): { start: number; end: number }[] {
  return [...sentence.text.matchAll(REFERENT)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/** Patron words near the remark, or a short interjection ("Facepalm.") after a sentence about patrons. */
function isAimedAtPatrons(sentence: Sentence, index: number, length: number): boolean {
  if (referentsIn(sentence).some((r) => aboutPatron(sentence, r, index, length))) return true;
  const previous = sentenceBefore(sentence);
  return (
    previous !== undefined &&
    sentence.text.trim().split(/\s+/).length <= INTERJECTION_WORDS &&
    referentsIn(previous).length > 0
  );
}

/**
 * A remark is about a patron when it sits next to the patron words: within a few words, with no
 * other subject between them ("a patron told us the printer was weird" is about the printer).
 */
function aboutPatron(
  sentence: Sentence,
  referent: { start: number; end: number },
  index: number,
  length: number,
): boolean {
  if (referent.start < index + length && referent.end > index) return true;
  const between =
    referent.end <= index
      ? sentence.text.slice(referent.end, index)
      : sentence.text.slice(index + length, referent.start);
  const words = between.split(/\s+/).filter(Boolean);
  if (words.length > REACH) return false;
  // A remark before the patron words must lead straight into them ("rude customers"), not
  // describe something else first ("the crazy weather did not stop our patrons").
  if (referent.end > index)
    return !/^[\p{L}-]+$/u.test(sentence.text.slice(index, index + length)) || words.length <= AHEAD;
  const subject = OTHER_SUBJECT.exec(between);
  return !subject || LINKING.test(between.slice(0, subject.index));
}
