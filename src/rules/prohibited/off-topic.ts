import type { Document } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { LIBRARY_BUSINESS, type OffTopicEntry, offTopicSignals } from '../../lexicons/off-topic.js';
import { POLICY } from '../shared/policy.js';
import { anyCase, compileCased } from './context/cased.js';
import { mentionIndex } from './context/mentions.js';
import { usesOf } from './context/uses.js';

const lexicon = compileCased(offTopicSignals);
const libraryBusiness = anyCase(LIBRARY_BUSINESS, true);

/** Off-topic weight a post needs before it is judged off topic. */
const MIN_OFF_TOPIC = 2;
/** ...when every signal is a word a library post can also use ("selling", "prices"). */
const MIN_WEAK_ONLY = 4;
/** Off-topic weight each library word outweighs. */
const LIBRARY_WORD_WEIGHT = 4;

/** How often the post speaks of library business (titles and quotes left out). */
function libraryWords(doc: Document, mentions: ReturnType<typeof mentionIndex>): number {
  let n = 0;
  for (const block of doc.prose) {
    for (const m of block.text.matchAll(libraryBusiness)) if (!mentions.covers(block, m.index)) n++;
  }
  return n;
}

export const offTopicRule: Rule = {
  meta: {
    id: 'prohibited/off-topic',
    policy: POLICY.offTopic.section,
    clause: POLICY.offTopic.text,
    defaultSeverity: 'warning',
    description:
      'A post (a whole-document finding) about trading tips, gambling, dating or unrelated commerce with little or nothing about library business, programs, events, resources or materials.',
    severityReason:
      'Whether a whole post relates to the library is a judgment: a talk on the history of the racetrack is on topic. It is a warning so an editor decides.',
  },
  check(doc, ctx) {
    const mentions = mentionIndex(doc);
    const signals = new Map<string, OffTopicEntry>();
    for (const use of usesOf<OffTopicEntry>(doc, lexicon, mentions)) {
      const key = use.text.toLowerCase();
      if (!signals.has(key)) signals.set(key, use.entry);
    }
    const weight = [...signals.values()].reduce((n, e) => n + e.weight, 0);
    const strong = [...signals.values()].some((e) => e.weight === 2);
    if (weight < (strong ? MIN_OFF_TOPIC : MIN_WEAK_ONLY)) return;
    const library = libraryWords(doc, mentions);
    if (library * LIBRARY_WORD_WEIGHT > weight) return;
    const topics = [...new Set([...signals.values()].map((e) => e.category))];
    const examples = [...signals.keys()].slice(0, 4).join(', ');
    ctx.report({
      document: true,
      message: `This post reads as off topic: it is about ${topics.join(' and ')} (${examples}) and says ${library === 0 ? 'nothing' : 'little'} about the library's programs, events, services or collections. Remove it, or say how it relates to the library.`,
    });
  },
};
