import type { Rule, RuleReport } from '../../core/rule.js';
import { POLICY } from '../shared/policy.js';
import { type Attribution, collectQuotations, hasSourceLink, type Quotation } from '../shared/quotes.js';

export const quoteSourceRule: Rule = {
  meta: {
    id: 'attribution/quote-source',
    policy: POLICY.attribution.section,
    clause: POLICY.attribution.text,
    defaultSeverity: 'error',
    description:
      'A quotation (Markdown `>` blockquote, HTML `<blockquote>` or `<q>`) with no link to its original. A source counts when the quotation contains a link, has a `cite="URL"` attribute, is followed by a short attribution line with a link ("— [Author, *Title*](url)", "Source: [...]", a `<figcaption>` or `<footer>`), or is introduced by a sentence ending in a colon that links the original. An attribution in text only ("— Toni Morrison") is a warning. GitHub alerts (`> [!NOTE]`) and bold "Note" boxes are not quotations.',
    severityReason:
      'The policy says "be sure to link to the original": a quotation with no source at all is an error. A named but unlinked source is a warning, because some originals (a speech, a patron\'s letter) are not online and the editor must judge.',
  },
  check(doc, ctx) {
    for (const quote of collectQuotations(doc)) {
      const report = reviewQuote(quote);
      if (report) ctx.report(report);
    }
  },
};

function reviewQuote(quote: Quotation): RuleReport | undefined {
  if (hasSourceLink(quote)) return undefined;
  const span = { start: quote.start, end: quote.end };
  const fix = fixLine(quote);
  const named = quote.inner ?? quote.after ?? (quote.cite ? { text: quote.cite, links: [] } : undefined);
  if (named) {
    const source = sourceName(named);
    return {
      ...span,
      severity: 'warning',
      message: `This quote from ${source} names its source in text only. When the original is online, a link is required: make the attribution a link, e.g. — [${source}](https://link-to-the-original).`,
    };
  }
  if (quote.leadIn) {
    return {
      ...span,
      severity: 'warning',
      message: `This quote, introduced by "${excerpt(quote.leadIn.text, 60)}", names its source in text only. When the original is online, a link is required: link the source's name in that sentence, or ${fix}`,
    };
  }
  return {
    ...span,
    message: `This quote ("${excerpt(quote.text, 50)}") has no link to its original. ${capitalize(fix)}`,
  };
}

function fixLine(quote: Quotation): string {
  const line = 'add a line right after it such as: — [Author, *Title*](https://link-to-the-original)';
  if (quote.form === 'html')
    return `${line}, or give the tag a cite attribute: <blockquote cite="https://link-to-the-original">.`;
  if (quote.form === 'q')
    return 'link the source in the same sentence, or give the tag a cite attribute: <q cite="https://link-to-the-original">.';
  return `${line}.`;
}

/** "Toni Morrison" from "— Toni Morrison, Beloved". */
function sourceName(attribution: Attribution): string {
  const cleaned = attribution.text
    .replace(
      /^\s*(?:[\u2014\u2013\u2015~(]|-{1,2}|source\s*:|sources\s*:|from|via|quoted (?:from|in)|excerpted from|reprinted from|adapted from|originally (?:published|posted|appeared)(?: in| on| by)?|credit\s*:)\s*/i,
      '',
    )
    .replace(/[)\s.]+$/, '')
    .replace(/\s+/g, ' ');
  return excerpt(cleaned || attribution.text.trim(), 60);
}

function excerpt(text: string, max: number): string {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["\u201c\u2018']+|["\u201d\u2019']+$/g, '');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:.]$/, '')}...`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
