import type { Node, Parent } from 'unist';
import type { Document, ProseBlock } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { CITATION, CLAIM_CUES, OWN_VOICE } from '../../lexicons/claims.js';
import { POLICY } from '../shared/policy.js';
import { splitSentences } from '../shared/sentences.js';

const CUES = CLAIM_CUES.map((cue) => ({ ...cue, pattern: new RegExp(cue.pattern, 'i') }));
const OWN = new RegExp(OWN_VOICE, 'i');
const CITED = new RegExp(CITATION, 'i');
/** "the library", "the Center": the site speaking of itself, like "we". */
const OWN_INSTITUTION =
  /\b(?:the|this) (?:library|branch|center|centre|archive|archives|museum|friends of the library|foundation)(?:'s)?\b(?! of\b)/i;
/** Quoted speech is the quotation rules' business: "…," she said. */
const QUOTED = /[“"][^“”"]{12,}[”"]/g;

const SOURCE_NODES = new Set(['link', 'linkReference', 'footnoteReference']);

/** True when the paragraph links somewhere, cites a footnote, or says where its facts come from. */
export function hasSource(node: Node, text: string): boolean {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node;
    if (SOURCE_NODES.has(current.type)) return true;
    if (
      current.type === 'html' &&
      /<a\s[^>]*href=|<sup\b|<cite\b/i.test((current as { value?: string }).value ?? '')
    )
      return true;
    stack.push(...((current as Parent).children ?? []));
  }
  return CITED.test(text);
}

/** The cue a sentence states a claim with, unless the site is speaking of its own work. */
export function claimIn(sentence: string): string | undefined {
  const plain = sentence.replace(QUOTED, ' ');
  const own = OWN.test(plain) || OWN_INSTITUTION.test(plain);
  return CUES.find((c) => !(own && c.ownFactsExempt) && c.pattern.test(plain))?.kind;
}

function paragraphs(doc: Document): ProseBlock[] {
  return doc.prose.filter((b) => b.kind === 'paragraph' && !b.inQuote);
}

export const unsourcedClaimRule: Rule = {
  meta: {
    id: 'content/unsourced-claim',
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'notice',
    description:
      'A sentence that states a statistic (a percentage, "one in five", millions, a ranking such as "the largest library in the country", a change over time) or a checkable claim ("studies show", "experts agree", health and legal effects) with no source in its paragraph: no link, no footnote, no "according to". The library speaking of its own work ("we lent 1.2 million items", "our 200,000 books"), headings, quotations and quoted speech are left alone.',
    severityReason:
      'Whether a claim needs a source is a judgment, and many are common knowledge: a notice asks the editor to add a link without blocking anything.',
  },
  check(doc, ctx) {
    for (const block of paragraphs(doc)) {
      if (hasSource(block.node, block.text)) continue;
      for (const sentence of splitSentences(block.text)) {
        const kind = claimIn(sentence.text);
        if (!kind) continue;
        ctx.report({
          start: block.sourceOffset(sentence.start),
          end: block.sourceOffset(sentence.start + sentence.text.length),
          message: `This sentence states ${kind} with no source in its paragraph. Link to where it comes from (for example "according to [the report](https://...)") or add a footnote, so readers can check it.`,
        });
        break;
      }
    }
  },
};
