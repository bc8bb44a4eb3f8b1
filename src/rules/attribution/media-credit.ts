import type { Document } from '../../core/document.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import { COMMERCIAL_USE, EDITED_WORK } from '../../lexicons/media.js';
import { type Credit, findCredit, licenceUrl } from '../shared/credit.js';
import { collectMedia, labelOf, type MediaItem } from '../shared/media.js';
import { OwnedMedia, stockAgencyOf } from '../shared/media-url.js';
import { POLICY } from '../shared/policy.js';

interface State {
  owned: OwnedMedia;
  /** Stock-agency media are reported by prohibited/copyright instead, when it runs. */
  stockReportedElsewhere: boolean;
}

export const mediaCreditRule: Rule<State> = {
  meta: {
    id: 'attribution/media-credit',
    policy: POLICY.attribution.section,
    clause: POLICY.attribution.text,
    defaultSeverity: 'error',
    description:
      'Images (Markdown, reference-style, HTML `<img>`/`<picture>`, Hugo and Jekyll figure shortcodes), `<video>`, `<audio>`, embeds (YouTube, Vimeo, Flickr, Instagram, SoundCloud, Spotify, TikTok, X, Facebook, Internet Archive) and front-matter header images with no credit. A credit is a caption, `<figcaption>`, the same paragraph or the next line, naming the creator after "Photo by", "Photo:", "Image:", "Video:", "Credit:", "Courtesy of", "©", "via" or "Source:" (for header images: an `image_credit`/`credit` field). Media listed in config `ownedMedia` need none. A credit only in the image title, a text-only credit on media hosted elsewhere, and a Creative Commons licence named without a link or used against its terms are notices.',
    severityReason:
      'Using someone else\'s picture or video without credit is what the Attribution clause forbids, and a missing credit is plain to see: an error. Credits that exist but could be better (not visible, not linked) are notices, because the policy asks for a link only "when possible".',
  },
  setup(run) {
    return {
      owned: new OwnedMedia(run.config.ownedMedia),
      stockReportedElsewhere: run.isEnabled('prohibited/copyright'),
    };
  },
  check(doc, ctx) {
    for (const item of collectMedia(doc)) {
      if (ctx.state.owned.owns(item.url, doc.file)) continue;
      if (ctx.state.stockReportedElsewhere && stockAgencyOf(item.url)) continue;
      if (!item.rawUrl.trim() || item.selfCredited) continue;
      for (const report of reviewCredit(doc, item)) ctx.report(report);
    }
  },
};

function reviewCredit(doc: Document, item: MediaItem): RuleReport[] {
  const span = { start: item.start, end: item.end };
  const label = labelOf(item);
  const credit = findCredit(item.captions, item.rawUrl);
  if (!credit) return [{ ...span, message: `${label} has no credit. ${fixLine(item)}` }];
  const out: RuleReport[] = [];
  if (!credit.caption.visible) out.push(titleOnly(doc, item, credit, label));
  else if (!credit.linked && item.url.external)
    out.push({
      ...span,
      severity: 'notice',
      message: `${label} is credited in text only ("${credit.excerpt}"), but it comes from ${item.url.host}, so the creator is on the web: link the credit, e.g. ${creditExample(item, credit.excerpt)}.`,
    });
  out.push(...licenceProblems(doc, item, credit, label));
  return out;
}

function titleOnly(doc: Document, item: MediaItem, credit: Credit, label: string): RuleReport {
  const title = (item.title ?? '').trim();
  const visibleLine = `*${title.replace(/\*/g, '\\*')}*`;
  const parent = item.node ? doc.parent(item.node) : undefined;
  const mechanical = item.form === 'markdown' && item.node && parent?.type !== 'link';
  return {
    start: item.start,
    end: item.end,
    severity: 'notice',
    message: `${label} is credited only in its title ("${credit.excerpt}"), which readers see only when they hover over it. Add the credit as a visible line under it: ${visibleLine}`,
    suggestions: mechanical ? [`${doc.source.slice(item.start, item.end)}\n${visibleLine}`] : undefined,
  };
}

function licenceProblems(doc: Document, item: MediaItem, credit: Credit, label: string): RuleReport[] {
  const licence = credit.licence;
  if (!licence) return [];
  const span = { start: item.start, end: item.end, severity: 'notice' as const };
  const out: RuleReport[] = [];
  if (!licence.linked) {
    const url = licenceUrl(licence.name);
    const written = licenceSpan(doc, item, licence.name);
    const markdown = item.form !== 'html' && item.form !== 'frontMatter';
    out.push({
      ...(written ?? span),
      severity: 'notice',
      message: `The credit for ${lower(label)} names the licence "${licence.name}" without linking to it. Link the licence's name${url ? `: [${licence.name}](${url})` : ' to its page on creativecommons.org'}.`,
      suggestions: written && url && markdown ? [`[${licence.name}](${url})`] : undefined,
    });
  }
  if (licence.noDerivatives && EDITED_WORK.test(credit.caption.text))
    out.push({
      ...span,
      message: `${label} is under "${licence.name}", which does not allow changed versions, but its credit says it was changed. Use the original unchanged, or pick an image whose licence allows changes.`,
    });
  if (licence.nonCommercial && COMMERCIAL_USE.test(doc.prose.map((b) => b.text).join('\n')))
    out.push({
      ...span,
      message: `${label} is under "${licence.name}", which forbids commercial use, and this post sells something. Use it only away from the sale, or pick an image whose licence allows commercial use.`,
    });
  return out;
}

/** Where the licence name is written in the caption after the media, so the fix can link it in place. */
function licenceSpan(
  doc: Document,
  item: MediaItem,
  name: string,
): { start: number; end: number } | undefined {
  if (item.form === 'frontMatter') return undefined;
  const window = doc.source.slice(item.end, item.end + 600);
  const at = window.indexOf(name);
  if (at === -1) return undefined;
  const start = item.end + at;
  if (doc.isInCode(start)) return undefined;
  return { start, end: start + name.length };
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The concrete line an editor adds for this kind of media. */
function fixLine(item: MediaItem): string {
  const owned =
    ' If the library made it, list its folder or host under `ownedMedia` in the site configuration instead.';
  switch (item.kind) {
    case 'hero':
      return `Add a field under it such as: image_credit: "Photo: [Creator's name](https://link-to-their-page)".${owned}`;
    case 'embed':
      return `Add a line under it such as: *${embedCue(item)}: [Creator or account name](https://link-to-their-page)*`;
    case 'video':
      return `Add a line under it such as: *Video: [Creator's name](https://link-to-their-page)*.${item.url.external ? '' : owned}`;
    case 'audio':
      return `Add a line under it such as: *Audio: [Creator's name](https://link-to-their-page)*.${item.url.external ? '' : owned}`;
    default:
      return `Add a line under it such as: *Photo: [Creator's name](https://link-to-their-page)*.${item.url.external ? '' : owned}`;
  }
}

function embedCue(item: MediaItem): string {
  const cues: Record<string, string> = { video: 'Video', photo: 'Photo', track: 'Audio', audio: 'Audio' };
  return cues[item.provider?.item ?? ''] ?? 'Credit';
}

function creditExample(item: MediaItem, excerpt: string): string {
  const cue = /^[^:]*:|^.*?\bby\b|^.*?\bof\b|^\S+/i.exec(excerpt)?.[0] ?? 'Photo:';
  const name = excerpt.slice(cue.length).split(/[,;(]/)[0]?.trim().replace(/[.]$/, '') || "Creator's name";
  const example = `${cue} [${name}](https://link-to-their-page)`;
  return item.kind === 'hero' ? `image_credit: "${example}"` : `*${example}*`;
}
