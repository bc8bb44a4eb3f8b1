import { atSentenceStart } from './words.js';

/**
 * Checks on harper's findings that its rules get wrong on real posts: articles before acronyms
 * (an NISO, a SPARQL: it guesses how letters are read), "there" as a subject (there needs to be),
 * and "effect" as a noun after a possessive (their effects).
 */
export function isLikelyFalseAlarm(rule: string, text: string, start: number, end: number): boolean {
  const problem = text.slice(start, end);
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 40), start);
  const next = /^\s+([\p{L}\p{N}][\p{L}\p{N}'’.:/+-]*)/u.exec(after)?.[1];
  const previous = /([\p{L}']+)\s*$/u.exec(before)?.[1]?.toLowerCase();
  switch (rule) {
    case 'AnA': {
      if (!next) return true;
      // A capital A inside a sentence is a letter (Subseries A, grade A), not an article.
      if (problem === 'A' && !atSentenceStart(text, start)) return true;
      const letters = /^\p{L}+/u.exec(next)?.[0] ?? '';
      // Acronyms, codes and letters: whether they take "a" or "an" depends on how they are read.
      if (letters.length < next.length && /[\p{N}:/+]/u.test(next)) return true;
      if (letters.length >= 2 && letters === letters.toUpperCase()) return true;
      if (letters.length === 1) return true;
      // "an historical", "an hotel": an older usage some writers keep.
      if (problem.toLowerCase() === 'an' && /^h/i.test(next)) return true;
      return false;
    }
    case 'ThereToTheir':
    case 'TheirToThere': {
      if (rule === 'ThereToTheir' && next && THERE_AS_SUBJECT.test(next)) return true;
      return rule === 'ThereToTheir' && previous !== undefined && BE_OR_MODAL.test(previous);
    }
    case 'PronounVerbAgreement':
    case 'PronounInflectionBe': {
      // "thank you goes", "for us was": the pronoun is not the verb's subject.
      if (previous !== undefined && /^(?:us|me|him|them|thank|thanks|of|for|to|with)$/.test(previous))
        return true;
      if (
        /^(?:you|us|me|him|them)$/i.test(lastWord(before)) &&
        /^(?:thank|for|to|with|of)$/i.test(wordBefore(before))
      )
        return true;
      // Past tenses that look like the present: "she split her time", "it cost".
      return SAME_PAST.test(problem);
    }
    case 'NounVerbConfusion':
      return /^effects?$/i.test(problem) && previous !== undefined && DETERMINERS.test(previous);
    default:
      return false;
  }
}

function lastWord(text: string): string {
  return /([\p{L}']+)\s*$/u.exec(text)?.[1] ?? '';
}

function wordBefore(text: string): string {
  return /([\p{L}']+)\s+[\p{L}']+\s*$/u.exec(text)?.[1] ?? '';
}

const SAME_PAST =
  /^(?:split|put|set|cut|hit|let|read|spread|cost|hurt|quit|shut|upset|broadcast|bet|burst|cast|fit)$/i;

const THERE_AS_SUBJECT =
  /^(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|needs?|seems?|appears?|remains?|exists?|comes?|goes?|lies?|used|isn't|aren't|wasn't|weren't)$/i;
const BE_OR_MODAL = /^(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had)$/;
const DETERMINERS = /^(?:the|their|its|his|her|our|your|my|an|any|no|side|these|those|of|positive|negative)$/;
