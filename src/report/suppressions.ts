import type { AddedSuppression } from '../core/engine.js';
import { cell, type LineLink, plural } from './markdown.js';

/** At most this many suppressions are listed; the count says how many more there are. */
const LISTED = 50;

/**
 * The suppression comments a change adds, as a Markdown table for reviewers (the sticky comment,
 * the job summary): a suppression is a decision someone made, and it should be seen in the review,
 * not only in the raw diff. Empty when there are none.
 */
export function suppressionsSection(list: readonly AddedSuppression[], link?: LineLink): string {
  if (list.length === 0) return '';
  const rows = list.slice(0, LISTED).map((s) => {
    const url = link?.(s.file, s.line, s.line);
    const where = url ? `[${s.line}](${url})` : String(s.line);
    const hides = s.rules.length === 0 ? 'every rule' : s.rules.map((r) => `\`${cell(r)}\``).join(', ');
    const reason = s.reason
      ? cell(s.reason.length > 120 ? `${s.reason.slice(0, 119)}…` : s.reason)
      : '_none_';
    return `| ${cell(s.file)} | ${where} | ${hides} | ${reason} | ${s.counts ? 'yes' : 'no: see the finding'} |`;
  });
  const more =
    list.length > LISTED ? `\n_${plural(list.length - LISTED, 'more suppression')} not listed._\n` : '';
  return (
    [
      `#### ${plural(list.length, 'suppression')} added by this change`,
      '',
      'Each one hides findings from this check. Read the reason before approving.',
      '',
      '| File | Line | Hides | Reason | Counts |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n') + more
  );
}
