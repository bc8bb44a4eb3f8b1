import { type RuleMeta, ruleCategory } from '../core/rule.js';
import type { Finding, Severity } from '../core/types.js';
import { clausesCited, type LineLink, plural } from './markdown.js';
import { kindsInWords } from './plain.js';

/**
 * The findings page: one self-contained HTML file for editors (inline CSS, no script, no request
 * of any kind), grouped by post, what to change first, each problem shown in its sentence.
 */
export interface HtmlReportInput {
  findings: readonly Finding[];
  /** Every checked file (relative paths), so clean posts are counted too. */
  files: readonly string[];
  metas: readonly RuleMeta[];
  /** The text of a checked file, for the context around each finding; undefined: shown without it. */
  source?: (file: string) => string | undefined;
  /** Link to a post's lines on GitHub, when the report knows the commit. */
  link?: LineLink;
  title?: string;
  /** When the check ran (shown at the top); default now. */
  generatedAt?: Date;
  /** Lines shown above the findings (notes from the run). */
  notes?: readonly string[];
}

/** Findings whose span is a secret or someone's personal data: the page never shows that text. */
export function isSensitive(f: Pick<Finding, 'ruleId'>): boolean {
  const category = ruleCategory(f.ruleId);
  return category === 'secrets' || category === 'privacy' || f.ruleId === 'conduct/patron-remarks';
}

const HEADING: Record<Severity, string> = {
  error: 'Must change',
  warning: 'Should change',
  notice: 'Worth a look',
};
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };
/** Characters of the line shown on each side of the problem. */
const CONTEXT = 90;
const HIDDEN = '[hidden]';

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A safe href: only http(s) and relative addresses; anything else is left unlinked. */
function href(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^(https?:\/\/|#)/i.test(url) ? escapeHtml(url) : undefined;
}

interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The finding's line around its span, as HTML with the span marked. Sensitive spans on the line
 * (this finding's or another's) are replaced by "[hidden]" so no secret reaches the page.
 */
export function contextHtml(lines: readonly string[], f: Finding, hiddenSpans: readonly Span[]): string {
  const text = lines[f.line - 1];
  if (text === undefined) return '';
  const start = Math.max(0, f.column - 1);
  const end = f.endLine > f.line ? text.length : Math.max(start, f.endColumn - 1);
  const hidden = hiddenSpans
    .filter((s) => s.line <= f.line && s.endLine >= f.line)
    .map((s) => [s.line < f.line ? 0 : s.column - 1, s.endLine > f.line ? text.length : s.endColumn - 1])
    .sort((a, b) => (a[0] as number) - (b[0] as number)) as [number, number][];
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const piece = (a: number, b: number): string => {
    let out = '';
    let at = a;
    for (const [hs, he] of hidden) {
      if (he <= at || hs >= b) continue;
      if (hs > at) out += escapeHtml(text.slice(at, hs));
      out += `<span class="hidden">${HIDDEN}</span>`;
      at = Math.min(b, he);
    }
    return out + (at < b ? escapeHtml(text.slice(at, b)) : '');
  };
  const before = (from > 0 ? '…' : '') + piece(from, start).trimStart();
  const marked = end > start ? `<mark>${piece(start, end)}</mark>` : '<mark class="point">␣</mark>';
  const after = piece(end, to).trimEnd() + (to < text.length ? '…' : '');
  if (!before.trim() && !after.trim() && end <= start) return '';
  return `<blockquote class="context"><p>${before}${marked}${after}</p></blockquote>`;
}

/** A post's `title:` from its front matter, for a heading editors recognise. */
export function titleOf(source: string | undefined): string | undefined {
  const front = source && /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  const raw = front && /^title:\s*(.+)$/m.exec(front)?.[1]?.trim();
  if (!raw) return undefined;
  return raw.replace(/^(['"])(.*)\1$/, '$2');
}

function findingHtml(
  f: Finding,
  lines: readonly string[] | undefined,
  hidden: readonly Span[],
  link?: LineLink,
): string {
  const where = `Line ${f.line}, column ${f.column}`;
  const url = href(link?.(f.file, f.line, f.endLine));
  const location = url ? `<a href="${url}">${where}</a>` : where;
  const suggestions =
    f.suggestions.length > 0 && !isSensitive(f)
      ? `<p class="suggest">Suggested: ${f.suggestions
          .slice(0, 3)
          .map((s) => `<q>${escapeHtml(s)}</q>`)
          .join(' or ')}</p>`
      : '';
  const wholePost = (f as { documentLevel?: boolean }).documentLevel === true;
  const context = lines && !wholePost ? contextHtml(lines, f, hidden) : '';
  return [
    `<li class="finding ${f.severity}">`,
    `<p class="what"><span class="level">${HEADING[f.severity]}:</span> ${escapeHtml(f.message)}</p>`,
    suggestions,
    context,
    `<p class="where">${location} · <code>${escapeHtml(f.ruleId)}</code></p>`,
    '</li>',
  ]
    .filter(Boolean)
    .join('\n');
}

function postHtml(file: string, findings: readonly Finding[], index: number, input: HtmlReportInput): string {
  const source = input.source?.(file);
  const lines = source?.split(/\r?\n/);
  const hidden = findings.filter(isSensitive);
  const title = titleOf(source);
  const heading = title
    ? `${escapeHtml(title)} <span class="path">${escapeHtml(file)}</span>`
    : `<span class="path">${escapeHtml(file)}</span>`;
  const sorted = [...findings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || a.line - b.line || a.column - b.column,
  );
  return [
    `<section class="post" aria-labelledby="post-${index}">`,
    `<h2 id="post-${index}">${heading}</h2>`,
    `<p class="kinds">${escapeHtml(kindsInWords(findings).join(', '))}</p>`,
    '<ol class="findings">',
    ...sorted.map((f) => findingHtml(f, lines, hidden, input.link)),
    '</ol>',
    '</section>',
  ].join('\n');
}

function policyHtml(findings: readonly Finding[], metas: readonly RuleMeta[]): string {
  const clauses = clausesCited(findings, metas);
  if (clauses.length === 0) return '';
  const items = clauses.map(({ meta, ids }) => {
    const docs = href(meta.docsUrl);
    const rules = ids.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ');
    return `<details><summary>${escapeHtml(meta.policy)} (${rules})</summary><blockquote><p>${escapeHtml(meta.clause)}</p></blockquote>${docs ? `<p><a href="${docs}">How this is checked</a></p>` : ''}</details>`;
  });
  return [
    '<section aria-labelledby="policy">',
    '<h2 id="policy">What the policy says</h2>',
    ...items,
    '</section>',
  ].join('\n');
}

const HOW_TO_ALLOW = `<section aria-labelledby="fine">
<h2 id="fine">When a finding is wrong</h2>
<p>Content Gate reads words, not intentions, and sometimes it is wrong. When the text is right as it is:</p>
<ul>
<li>A name or word the spelling check does not know: add it to the post's front matter, for example <code>words: [Woodson, Bookmobile]</code>, or ask the site's maintainer to add it to the site's word list.</li>
<li>Any other finding: put a comment on the line before it that says why, for example <code>&lt;!-- content-gate-disable-next-line prohibited/advertising -- our own museum pass prices --&gt;</code>. The reason is required, and reviewers see every one.</li>
</ul>
</section>`;

const STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#4a4a4a;--line:#c9c9c9;--error:#a4161a;--warning:#7a4d00;--notice:#1d4f91;--mark:#fff1a8}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:1.6rem;margin:0 0 .5rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid var(--line)}
.path{font:.9rem ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);overflow-wrap:anywhere}
.counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none;margin:.75rem 0}
.counts li{font-weight:600}
.kinds{color:var(--muted);margin:.25rem 0 .75rem}
.findings{padding-left:1.25rem}
.finding{margin:0 0 1.25rem;padding-left:.5rem;border-left:4px solid var(--line)}
.finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}.finding.notice{border-color:var(--notice)}
.finding p{margin:.2rem 0}
.level{font-weight:700}
.error .level{color:var(--error)}.warning .level{color:var(--warning)}.notice .level{color:var(--notice)}
.context{margin:.4rem 0;padding:.4rem .75rem;background:#f5f5f5;border-radius:4px;overflow-wrap:anywhere}
mark{background:var(--mark);color:var(--ink);padding:0 .1em;border-bottom:2px solid var(--warning)}
.hidden{font-style:italic;color:var(--muted)}
.where{font-size:.9rem;color:var(--muted)}
.where a{color:var(--notice)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em;overflow-wrap:anywhere}
details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
a{color:var(--notice)}
.clean{font-size:1.1rem}
@media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}details>*{display:block}section{break-inside:auto}.finding{break-inside:avoid}}
`;

/** The whole page. */
export function formatHtml(input: HtmlReportInput): string {
  const title = input.title ?? 'Content Gate: what to change before publishing';
  const byPost = new Map<string, Finding[]>();
  for (const f of input.findings) byPost.set(f.file, [...(byPost.get(f.file) ?? []), f]);
  const worst = (list: readonly Finding[]) => Math.min(...list.map((f) => RANK[f.severity]));
  const posts = [...byPost].sort(
    ([a, fa], [b, fb]) => worst(fa) - worst(fb) || fb.length - fa.length || a.localeCompare(b),
  );
  const count = (s: Severity) => input.findings.filter((f) => f.severity === s).length;
  const checked = new Set([...input.files, ...byPost.keys()]).size;
  const when = (input.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const counts = [
    `<li>${plural(checked, 'post')} checked</li>`,
    `<li>${plural(byPost.size, 'post')} to change</li>`,
    `<li>${count('error')} must change</li>`,
    `<li>${count('warning')} should change</li>`,
    `<li>${count('notice')} worth a look</li>`,
  ];
  const lead =
    input.findings.length === 0
      ? `<p class="clean">No problems found in ${plural(checked, 'post')}. Nothing to change.</p>`
      : `<p>${escapeHtml(kindsInWords(input.findings).join(', '))}. Start with the posts at the top: what must change comes first.</p>`;
  const notes = (input.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="where">Checked ${escapeHtml(when)} UTC.</p>
<ul class="counts">
${counts.join('\n')}
</ul>
${lead}
${notes.join('\n')}
${posts.map(([file, list], i) => postHtml(file, list, i + 1, input)).join('\n')}
${input.findings.length > 0 ? policyHtml(input.findings, input.metas) : ''}
${input.findings.length > 0 ? HOW_TO_ALLOW : ''}
</main>
</body>
</html>
`;
}
