import { z } from 'zod';
import { optionsOf } from '../../core/options.js';
import type { Rule } from '../../core/rule.js';
import { POLICY } from '../shared/policy.js';

const options = z.strictObject({
  required: z
    .array(z.string())
    .default([])
    .describe('Fields every post must have, e.g. [title, date, author].'),
});

export const frontMatterRule: Rule = {
  meta: {
    id: 'content/front-matter',
    options,
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'error',
    description:
      "Front matter that does not parse (the site build would fail or drop the post), or that lacks a field listed in the rule's `required` option.",
    severityReason: 'A post whose front matter does not parse will not build correctly.',
  },
  check(doc, ctx) {
    const fm = doc.frontMatter;
    const { required } = optionsOf(options, ctx.run.options('content/front-matter'));
    if (fm?.error) {
      const start = doc.offset(fm.error.line, fm.error.column);
      ctx.report({
        start,
        end: start,
        message: `The ${fm.format.toUpperCase()} front matter does not parse: ${fm.error.message}. Fix it so the site can build this post; the rest of the post was still checked.`,
      });
      return;
    }
    const missing = required.filter(
      (field) => fm?.data[field] === undefined || fm.data[field] === null || fm.data[field] === '',
    );
    if (missing.length === 0) return;
    const fields = missing.map((f) => `"${f}"`).join(', ');
    const target = fm ? { node: fm.node } : { document: true as const };
    ctx.report({
      ...target,
      message: `This post's front matter lacks ${fields}, which this site requires. Add ${missing.length === 1 ? 'it' : 'them'} at the top of the post.`,
    });
  },
};
