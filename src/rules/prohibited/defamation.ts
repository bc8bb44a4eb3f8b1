import type { Heading } from 'mdast';
import type { Document, ProseBlock } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { ACCUSATION_TRIGGERS, ACCUSATIONS, HEDGES, NAMED, NOT_A_NAME } from '../../lexicons/defamation.js';
import { STORY_CUES } from '../../lexicons/harm.js';
import { isMention, sentenceAround } from '../shared/mentions.js';
import { compileLexicon, matchText } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';

const lexicon = compileLexicon(ACCUSATIONS);
/** The named subject right before the accusation, with an optional appositive ("Jane Roe, the treasurer,"). */
const SUBJECT_BEFORE = new RegExp(`(${NAMED}),?(?:, [^,]{1,60},)?\\s+$`, 'u');
const NOT_NAME_WORD = new RegExp(NOT_A_NAME, 'u');
const mayAccuse = new RegExp(ACCUSATION_TRIGGERS, 'iu');
const HEDGED = new RegExp(HEDGES, 'iu');
const STORY = new RegExp(STORY_CUES, 'iu');
/** A Markdown link, footnote, HTML link or bare URL in the paragraph: the claim cites a source. */
const PLURAL_NOUN = /(?:s|ren|ople)$/u;
const CITES_SOURCE = /\]\(|\]\[|\[\^|<a\s|https?:\/\//i;

export const defamationRule: Rule = {
  meta: {
    id: 'prohibited/defamation',
    policy: POLICY.defamation.section,
    clause: POLICY.defamation.text,
    defaultSeverity: 'error',
    description:
      'Accusations of crime or dishonesty against a named person or organisation ("Councilor X stole money", "Y is a fraud") with no source link in the paragraph; leaves alone reporting that links its source, and summaries of fiction.',
    severityReason:
      'An unsourced accusation of a crime against a named person is a libel risk a reviewer sees at once: error. Calling someone a liar or dishonest, or repeating a claim attributed to someone without a link, is a warning: it may be fair comment.',
  },
  check(doc, ctx) {
    const storyPost = STORY.test(postLabels(doc));
    for (const block of doc.prose) {
      if (!mayAccuse.test(block.text)) continue;
      if (storyPost || STORY.test(block.text) || STORY.test(headingBefore(doc, block))) continue;
      if (block.kind !== 'frontMatter' && CITES_SOURCE.test(doc.sourceOf(block.node))) continue;
      for (const match of matchText(block.text, lexicon)) {
        const sentence = sentenceAround(block.text, match.index);
        const subject = namedSubject(block.text.slice(sentence.start, match.index));
        if (!subject) continue;
        const end = match.index + match.text.length;
        if (isMention(doc, block, match.index, end)) continue;
        const hedged = HEDGED.test(block.text.slice(sentence.start, sentence.end));
        ctx.report({
          start: block.sourceOffset(sentence.start + subject.index),
          end: block.sourceOffset(end - 1) + 1,
          message: match.entry.message.replaceAll('{name}', `"${subject.name}"`),
          ...(match.entry.severity || hedged ? { severity: 'warning' as const } : {}),
        });
      }
    }
  },
};

/** The name just before an accusation, without sentence-opening words such as "The" or "Our". */
function namedSubject(before: string): { name: string; index: number } | undefined {
  const m = SUBJECT_BEFORE.exec(before);
  if (!m?.[1]) return undefined;
  const words = m[1].split(' ');
  let index = m.index;
  while (words.length > 0 && NOT_NAME_WORD.test(words[0] ?? '')) index += (words.shift() ?? '').length + 1;
  if (words.length === 0) return undefined;
  // A lone capitalised plural ("Volunteers", "Haitians") names a group, not a person or organisation.
  if (words.length === 1 && PLURAL_NOUN.test(words[0] ?? '')) return undefined;
  return { name: words.join(' '), index };
}

function postLabels(doc: Document): string {
  const fm = doc.frontMatter?.data ?? {};
  return [fm.title, fm.tags, fm.categories, fm.category]
    .flat()
    .filter((v) => typeof v === 'string')
    .join(' ');
}

/** Text of the nearest heading above a block. */
function headingBefore(doc: Document, block: ProseBlock): string {
  const at = block.sourceOffset(0);
  let text = '';
  for (const heading of doc.nodes<Heading>('heading')) {
    if ((heading.position?.start.offset ?? Number.POSITIVE_INFINITY) >= at) break;
    text = doc.textOf(heading);
  }
  return text;
}
