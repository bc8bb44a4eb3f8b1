import type { Rule } from '../../core/rule.js';
import { collectMedia, type MediaItem } from '../shared/media.js';
import { fileNameOf } from '../shared/media-url.js';
import { POLICY } from '../shared/policy.js';

/** Alternative text that tells a reader who cannot see the image nothing. */
const USELESS_ALT =
  /^(?:an? |the )?(?:image|img|photo|photograph|picture|pic|graphic|screenshot|screen shot|untitled|placeholder|banner|logo|icon|thumbnail|figure|alt|alt text|null|none|blank|spacer|\d+|image \d+|photo \d+|picture \d+|figure \d+|here|click here)$/i;
/** Names cameras and phones give files. */
const CAMERA_NAME =
  /^(?:img|dsc|dscn|dcim|pxl|mvimg|screen ?shot|screenshot|photo|image)[\s_-]*[\d\s_.-]*(?:\s*(?:at|am|pm)[\s\d.]*)*$/i;
const FILE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?|bmp|heic)$/i;

export const altTextRule: Rule = {
  meta: {
    id: 'accessibility/alt-text',
    policy: POLICY.professional.section,
    clause: POLICY.professional.text,
    defaultSeverity: 'warning',
    description:
      'An image (Markdown, reference-style, HTML `<img>`, figure shortcode) whose alternative text is missing, empty, or says nothing: "image", "photo", "screenshot", a camera file name such as IMG_1234, or the file name itself. An HTML image marked decorative (`role="presentation"` or `aria-hidden="true"`) may have an empty alt.',
    severityReason:
      "Readers who use screen readers get nothing from such an image; fixing it costs the editor one sentence. A warning, because what makes a good description is the editor's judgment.",
  },
  check(doc, ctx) {
    for (const item of collectMedia(doc)) {
      if (item.kind !== 'image') continue;
      const problem = altProblem(item);
      if (!problem) continue;
      ctx.report({ start: item.start, end: item.end, message: problem });
    }
  },
};

function altProblem(item: MediaItem): string | undefined {
  const file = fileNameOf(item.url);
  const named = file ? ` (${file})` : '';
  const howTo = fixFor(item);
  if (item.alt === undefined)
    return `This image${named} has no alternative text, so screen-reader users are told nothing about it. ${howTo}`;
  const alt = item.alt.trim();
  if (!alt) {
    if (item.decorative) return undefined;
    return `This image${named} has empty alternative text, so screen-reader users are told nothing about it. ${howTo} If it is purely decorative, mark it with role="presentation".`;
  }
  if (isUseless(alt, file))
    return `The alternative text of this image${named} ("${alt}") does not describe it. ${howTo}`;
  return undefined;
}

function isUseless(alt: string, file: string): boolean {
  const words = (s: string) =>
    s
      .replace(FILE_EXTENSION, '')
      .replace(/[\s_.-]+/g, ' ')
      .trim()
      .toLowerCase();
  if (USELESS_ALT.test(alt) || CAMERA_NAME.test(alt) || FILE_EXTENSION.test(alt)) return true;
  // A file name left as the alt ("ZoteroAddRecord", "jdr-schema"), not words that happen to match a well-named file.
  const writtenLikeFileName = !/\s/.test(alt.trim()) || /_/.test(alt);
  return file !== '' && writtenLikeFileName && words(alt) === words(file);
}

function fixFor(item: MediaItem): string {
  const example = 'Patrons at the study tables in the renovated reading room';
  if (item.form === 'html') return `Describe what it shows in its alt attribute, e.g. alt="${example}".`;
  if (item.form === 'shortcode') return `Describe what it shows in an alt parameter, e.g. alt="${example}".`;
  return `Describe what it shows between the square brackets, e.g. ![${example}](...).`;
}
