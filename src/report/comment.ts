import type { AddedSuppression } from '../core/engine.js';
import type { RuleMeta } from '../core/rule.js';
import type { Finding } from '../core/types.js';
import {
  byFile,
  categoryTable,
  cell,
  countLine,
  escapeMarkdown,
  GITHUB_BODY_LIMIT,
  type LineLink,
  plural,
  policyDetails,
  SEVERITY_ICON,
} from './markdown.js';
import { kindsInWords } from './plain.js';
import { suppressionsSection } from './suppressions.js';

/** Hidden marker that finds the one sticky comment again. */
export const STICKY_MARKER = '<!-- content-gate:sticky-comment -->';
/** Above this many findings, each file's list starts collapsed. */
export const COLLAPSE_AFTER = 10;

export interface CommentOptions {
  files: number;
  link?: LineLink;
  /** Where to read everything when the comment is cut (e.g. the workflow run's summary). */
  moreAt?: string;
  limit?: number;
  /** Suppression comments the pull request adds, listed for the reviewer. */
  suppressions?: readonly AddedSuppression[];
  /** Rule metas, for the policy's words once per clause the findings cite. */
  metas?: readonly RuleMeta[];
  /** The findings page for editors, when the workflow publishes one. */
  pageUrl?: string;
  /**
   * A CMS editor's entry: speak to the editor first in plain words and fold rule ids and lines into
   * a details block for reviewers. `advisory`: the entry is not ready yet, so nothing blocks it.
   */
  editor?: { advisory: boolean; status: string };
}

function findingLine(f: Finding, link: LineLink | undefined): string {
  const where = f.endLine > f.line ? `L${f.line}–L${f.endLine}` : `L${f.line}`;
  const url = link?.(f.file, f.line, f.endLine);
  const place = url ? `[${where}](${url})` : where;
  const suggestion =
    f.suggestions.length > 0
      ? ` Suggestion: ${f.suggestions.map((s) => `“${escapeMarkdown(s)}”`).join(' or ')}`
      : '';
  return `- ${SEVERITY_ICON[f.severity]} ${place} \`${cell(f.ruleId)}\` ${escapeMarkdown(f.message)}${suggestion}`;
}

/** The comment for a CMS editor: what to change in plain words, the reviewers' detail folded. */
function editorComment(findings: readonly Finding[], options: CommentOptions): string {
  const editor = options.editor as { advisory: boolean; status: string };
  const head = [STICKY_MARKER, '### Content Gate', ''];
  if (findings.length === 0) {
    head.push('✅ Your post is ready: Content Gate found nothing to change.');
    return `${head.join('\n')}\n`;
  }
  head.push(
    editor.advisory
      ? `This entry is ${editor.status}, so nothing here blocks it yet. **Before it is published, please change:**`
      : '**Before this post is published, please change:**',
    '',
  );
  for (const [file, list] of byFile(findings)) {
    head.push(`- \`${escapeMarkdown(file)}\`: ${escapeMarkdown(kindsInWords(list).join(', '))}`);
  }
  head.push('');
  if (options.pageUrl) {
    head.push(
      `[Open the findings page](${options.pageUrl}): each problem in its sentence, with how to fix it.`,
      '',
    );
  }
  head.push(
    'If something is right as it is, say so in the post (a `words:` list in the front matter for names, or a `content-gate-disable-next-line` comment with a reason) and a reviewer will see it.',
    '',
    '<details><summary>For reviewers: every finding with its rule and line</summary>',
    '',
  );
  const start = head.join('\n');
  const close = '\n\n</details>\n';
  const inner = formatComment(findings, {
    ...options,
    editor: undefined,
    limit: (options.limit ?? GITHUB_BODY_LIMIT) - start.length - close.length,
  });
  const detail = inner.slice(inner.indexOf('\n', inner.indexOf('### Content Gate')) + 1).trim();
  return `${start}\n${detail}${close}`;
}

/** The sticky pull request comment: counts, counts by category, findings by file; or "all clear". */
export function formatComment(findings: readonly Finding[], options: CommentOptions): string {
  if (options.editor) return editorComment(findings, options);
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const head = [STICKY_MARKER, '### Content Gate', ''];
  const suppressions = suppressionsSection(options.suppressions ?? [], options.link);
  if (findings.length === 0) {
    head.push(
      `✅ All clear: no findings on the lines this pull request changed (${plural(options.files, 'file')} checked).`,
    );
    if (suppressions) head.push('', suppressions);
    return `${head.join('\n')}\n`;
  }
  const groups = byFile(findings);
  const policy = policyDetails(findings, options.metas ?? []);
  head.push(
    `${findings.some((f) => f.severity === 'error') ? '❌' : '⚠️'} ${countLine(findings)} in ${plural(groups.size, 'file')}.`,
    '',
    categoryTable(findings),
    '',
    ...(suppressions ? [suppressions, ''] : []),
    ...(policy ? [policy, ''] : []),
    '',
  );
  if (options.pageUrl) head.push(`📄 [Findings page for editors](${options.pageUrl})`, '');
  const collapsed = findings.length > COLLAPSE_AFTER;
  const moreAt = options.moreAt ? `: ${options.moreAt}` : ' in the job summary and the check run';
  const reserve = 300;
  let body = head.join('\n');
  let shown = 0;
  for (const [file, list] of groups) {
    const open = `<details${collapsed ? '' : ' open'}><summary><code>${escapeMarkdown(file)}</code>: ${countLine(list)}</summary>\n\n`;
    const close = '\n\n</details>\n';
    if (body.length + open.length + close.length + reserve > limit) break;
    const lines: string[] = [];
    let size = body.length + open.length + close.length + reserve;
    for (const f of list) {
      const line = findingLine(f, options.link);
      if (size + line.length + 1 > limit) break;
      lines.push(line);
      size += line.length + 1;
    }
    if (lines.length === 0) break;
    body += `${open}${lines.join('\n')}${close}`;
    shown += lines.length;
    if (lines.length < list.length) break;
  }
  if (shown < findings.length) {
    body += `\n_${plural(findings.length - shown, 'more finding')} not shown here; read them all${moreAt}._\n`;
  }
  return body;
}
