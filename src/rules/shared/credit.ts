import {
  CC_LICENCE,
  CC_NO_DERIVATIVES,
  CC_NON_COMMERCIAL,
  CREDIT_CUES,
  LICENCE_HOSTS,
} from '../../lexicons/media.js';
import type { CaptionText } from './media.js';
import { hostIs, parseMediaUrl } from './media-url.js';

/** Start of the text or of a line, after a sentence end, a bracket, a dash or emphasis marks. */
const LINE_OPENING = '(?<=(?:^|[\\n.!?(\\[|;\\u2014\\u2013])[\\s*_]*)';

const CUES = CREDIT_CUES.map((cue) => ({
  regex: new RegExp(
    `${cue.opensLine ? LINE_OPENING : ''}(?<![\\p{L}\\p{N}_])(?:${cue.pattern})\\s*[:\\u2014\\u2013-]?\\s*[\\[("\\u201c'*_]*\\s*[\\p{L}\\p{N}@]`,
    'giu',
  ),
  // Checked apart: a case-insensitive regular expression cannot require a capital.
  capital: cue.name === 'capital',
}));
const CAPITAL = /\p{Lu}/u;

/** A credit found near a piece of media. */
export interface Credit {
  caption: CaptionText;
  /** The credit words, e.g. "Photo: Jane Doe", for messages. */
  excerpt: string;
  /** Links to the creator, the original or the licence (not to the media itself). */
  linked: boolean;
  licence?: Licence;
}

export interface Licence {
  name: string;
  linked: boolean;
  nonCommercial: boolean;
  noDerivatives: boolean;
}

/** Where in a text a credit line starts, or -1. */
export function creditIndex(text: string): number {
  let first = -1;
  for (const { regex, capital } of CUES) {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      if (capital && !CAPITAL.test(m[0].slice(-1))) continue;
      if (first === -1 || (m.index ?? 0) < first) first = m.index ?? 0;
      break;
    }
  }
  return first;
}

/** The first caption that credits the media, visible ones first. */
export function findCredit(captions: readonly CaptionText[], mediaUrl: string): Credit | undefined {
  const ordered = [...captions.filter((c) => c.visible), ...captions.filter((c) => !c.visible)];
  for (const caption of ordered) {
    const at = creditIndex(caption.text);
    if (at === -1) continue;
    const links = caption.links.filter((l) => l && l !== mediaUrl && !l.startsWith('#'));
    return {
      caption,
      excerpt: excerptAt(caption.text, at),
      linked: links.length > 0,
      licence: licenceIn(caption.text, links),
    };
  }
  return undefined;
}

/** A Creative Commons licence named in a credit, and whether it links to the licence. */
export function licenceIn(text: string, links: readonly string[]): Licence | undefined {
  const m = CC_LICENCE.exec(text);
  if (!m) return undefined;
  const name = m[0].trim();
  return {
    name,
    linked: links.some((l) => LICENCE_HOSTS.some((h) => hostIs(parseMediaUrl(l).host, h))),
    nonCommercial: CC_NON_COMMERCIAL.test(name),
    noDerivatives: CC_NO_DERIVATIVES.test(name),
  };
}

/** The link of a licence, when its name is precise enough to know it ("CC BY-SA 2.0"). */
export function licenceUrl(name: string): string | undefined {
  const m = /^CC[\s-]?(BY(?:[\s-](?:NC|ND|SA)){0,2})[\s-]+(\d\.\d)$/i.exec(name.trim());
  if (m?.[1] && m[2])
    return `https://creativecommons.org/licenses/${m[1].toLowerCase().replace(/\s/g, '-')}/${m[2]}/`;
  if (/^CC[\s-]?(0|Zero)/i.test(name)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return undefined;
}

function excerptAt(text: string, at: number): string {
  const rest =
    text
      .slice(at)
      .replace(/\[\/?[a-z_]+[^\]]*\]/gi, '')
      .split(/\n|(?<=[.!?])\s/)[0] ?? '';
  const clean = rest.replace(/\s+/g, ' ').trim();
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
