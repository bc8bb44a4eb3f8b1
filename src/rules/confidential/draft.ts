import type { Html } from 'mdast';
import { frontMatterValueSpan } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { draftMarkers } from '../../lexicons/confidential.js';
import { compileLexicon, matchProse, matchText, reportMatch } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';

const lexicon = compileLexicon(draftMarkers);

/** Folders whose posts a static site generator does not publish. */
const UNPUBLISHED_FOLDER = /(^|\/)(_drafts|drafts|_unpublished)\//i;

export const draftRule: Rule = {
  meta: {
    id: 'confidential/draft',
    policy: POLICY.confidential.section,
    clause: POLICY.confidential.text,
    defaultSeverity: 'error',
    description:
      'Draft markers: DRAFT, "do not publish", TODO/FIXME/TK notes, lorem ipsum, placeholders such as [insert date], and `draft: true` on a post outside a drafts folder.',
    severityReason: 'A post with a draft marker is unfinished by its own account: it must not merge.',
  },
  check(doc, ctx) {
    for (const match of matchProse(doc, lexicon)) ctx.report(reportMatch(match));
    // Editing notes left in HTML comments still reach the published page's source.
    for (const node of doc.nodes<Html>('html')) {
      if (
        !node.value.startsWith('<!--') ||
        node.value.includes('content-gate-') ||
        node.value.includes('expect:')
      )
        continue;
      const start = node.position?.start.offset ?? 0;
      for (const m of matchText(node.value, lexicon)) {
        ctx.report({
          start: start + m.index,
          end: start + m.index + m.text.length,
          message: `An editing note ("${m.text}") is left in an HTML comment, which readers can see in the page source. Resolve it and delete the comment.`,
        });
      }
    }
    const fm = doc.frontMatter;
    if (fm && (fm.data.draft === true || fm.data.draft === 'true') && !UNPUBLISHED_FOLDER.test(doc.file)) {
      const span = frontMatterValueSpan(fm, ['draft']);
      const message =
        'This post is marked "draft: true" but sits where it will be published. Finish it and delete that line, or move the post to _drafts/.';
      ctx.report(span ? { start: span[0], end: span[1], message } : { node: fm.node, message });
    }
  },
};
