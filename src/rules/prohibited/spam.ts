import type { Node } from 'unist';
import type { Document, ProseBlock } from '../../core/document.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import { crowdfundingHosts } from '../../lexicons/solicitation.js';
import { spamPhrases, urlShorteners } from '../../lexicons/spam.js';
import { POLICY } from '../shared/policy.js';
import { compileCased } from './context/cased.js';
import { hostIs, linksOf, type PostLink } from './context/links.js';
import { mentionIndex } from './context/mentions.js';
import { ownOrganization } from './context/organization.js';
import { allProse, occursIn, spanOf, usesOf } from './context/uses.js';

const lexicon = compileCased(spamPhrases);

/** A shortener address written as plain text, with or without a scheme ("bit.ly/3xYz"). */
const BARE_SHORTENER = new RegExp(
  `(?<![\\w.@/-])(?:https?://)?(?:www\\.)?(?:${urlShorteners.map((h) => h.replaceAll('.', '\\.')).join('|')})/[\\w-]+`,
  'giu',
);

/** A run of five or more words in capitals ("FREE GIFT CARDS FOR EVERYONE"). */
const CAPITALS_RUN = /(?:\b\p{Lu}[\p{Lu}'’]+\b(?: [&+-] | )){4,}\b\p{Lu}[\p{Lu}'’]+\b/gu;
/** Three or more exclamation marks, possibly mixed with question marks. */
const EXCLAMATIONS = /(?:!\s?){3,}|(?:[!?]\s?){4,}/g;

/** Links in one paragraph before it reads as a list of links rather than a sentence. */
const STUFFED_LINKS = 6;
/** Bare addresses in one paragraph before it reads as link stuffing. */
const STUFFED_BARE = 3;
/** How often one outside address may be linked in a post before it reads as spam. */
const REPEATED_LINK = 3;
/** ...and when those repeats are at least this share of the post's outside links. */
const REPEATED_SHARE = 0.5;
/** ...in a post with fewer words than this for each repeat (long articles cite a tool's site often). */
const WORDS_PER_REPEAT = 40;
/** Posts shorter than this are judged on repeats across the whole post, not only within a paragraph. */
const SHORT_POST_WORDS = 300;

/** Query keys that pay the writer for each click or sign-up. */
const REFERRAL_KEY =
  /[?&#](?:ref|refid|ref_id|aff|affid|aff_id|affiliate|affiliateid|referral|referrer|friend)=/i;
/** Amazon's affiliate code. */
const AMAZON_TAG = /[?&]tag=/i;
/** A post this short whose only content is an outside link is a dropped link. */
const LINK_DROP_WORDS = 8;
/** A post longer than this has more than eight words, whatever its markup. */
const LINK_DROP_CHARS = 2000;

const ADVICE = {
  referral: 'Link the plain address without the referral code, or remove the link.',
  linkDrop: 'Say what the link is and why it matters to library users, or remove it.',
  shortener: 'Replace it with the full address, so readers and the link checker can see where it goes.',
  phrase: 'Remove it; if it is part of a real library program, describe the program plainly.',
  shouting: 'Write it in sentence case with at most one exclamation mark.',
  stuffing: 'Keep the few links readers need, each in a sentence that says why it is useful.',
  repeated: 'Link the address once, where it is most useful.',
};

function spamMessage(problem: string, advice: string): string {
  return `${problem} ${advice}`;
}

export const spamRule: Rule = {
  meta: {
    id: 'prohibited/spam',
    policy: POLICY.spam.section,
    clause: POLICY.spam.text,
    defaultSeverity: 'error',
    description:
      'Spam: URL shorteners, prize, money-making and follower bait, link stuffing, the same outside link repeated, and shouting (runs of capitals, !!!).',
    severityReason:
      'Spam lures and link stuffing are errors: a reviewer agrees on sight. Shorteners, shouting and repeated links are warnings: a careful author may use a shortened link, capitals or a repeated sign-up link, so an editor judges.',
  },
  check(doc, ctx) {
    const mentions = mentionIndex(doc);
    const own = ownOrganization(ctx.run.config);
    const links = linksOf(doc);
    const report = (r: RuleReport) => ctx.report(r);

    for (const link of links) {
      if (urlShorteners.some((h) => hostIs(link.host, h))) {
        report({
          start: link.start,
          end: link.end,
          severity: 'warning',
          message: spamMessage(
            `This link goes through the URL shortener ${link.host}, which hides its real destination.`,
            ADVICE.shortener,
          ),
        });
      }
    }
    const text = allProse(doc);
    for (const block of occursIn(BARE_SHORTENER, text) ? doc.prose : []) {
      for (const m of block.text.matchAll(BARE_SHORTENER)) {
        report({
          ...spanOf({ block, index: m.index, text: m[0] }),
          severity: 'warning',
          message: spamMessage(
            `"${m[0]}" is a shortened address, which hides its real destination.`,
            ADVICE.shortener,
          ),
        });
      }
    }
    for (const use of usesOf<(typeof spamPhrases)[number]>(doc, lexicon, mentions)) {
      report({
        ...spanOf(use),
        message: spamMessage(use.entry.message.replaceAll('{match}', use.text), ADVICE.phrase),
        ...(use.entry.severity ? { severity: use.entry.severity } : {}),
      });
    }
    if (occursIn(CAPITALS_RUN, text) || occursIn(EXCLAMATIONS, text)) {
      for (const block of doc.prose) checkShouting(block, mentions, report);
    }
    const byParagraph = linksByParagraph(doc, links);
    checkLinkStuffing(doc, byParagraph, report);
    checkReferralLinks(links, own, report);
    checkLinkDrop(doc, links, own, report);
    if (links.length >= REPEATED_LINK)
      checkRepeatedLinks(
        links,
        byParagraph,
        (link) => own.ownsLink(link),
        wordCount(doc),
        (node) => doc.textOf(node),
        report,
      );
  },
};

function checkShouting(
  block: ProseBlock,
  mentions: ReturnType<typeof mentionIndex>,
  report: (r: RuleReport) => void,
): void {
  for (const m of block.text.matchAll(CAPITALS_RUN)) {
    const letters = m[0].replace(/[^\p{L}]/gu, '').length;
    if (letters < 16 || mentions.covers(block, m.index)) continue;
    report({
      ...spanOf({ block, index: m.index, text: m[0] }),
      severity: 'warning',
      message: spamMessage(`"${m[0]}" is written in capitals, which reads as shouting.`, ADVICE.shouting),
    });
  }
  for (const m of block.text.matchAll(EXCLAMATIONS)) {
    if ((m[0].match(/!/g) ?? []).length < 2) continue;
    report({
      ...spanOf({ block, index: m.index, text: m[0].trimEnd() }),
      severity: 'warning',
      message: spamMessage('A run of exclamation marks reads as shouting.', ADVICE.shouting),
    });
  }
}

function checkReferralLinks(
  links: readonly PostLink[],
  own: ReturnType<typeof ownOrganization>,
  report: (r: RuleReport) => void,
): void {
  for (const link of links) {
    if (link.host === '' || own.ownsLink(link)) continue;
    const amazonTag = /(?:^|\.)amazon\.[a-z.]+$/.test(link.host) && AMAZON_TAG.test(link.url);
    if (!amazonTag && !REFERRAL_KEY.test(link.url)) continue;
    report({
      start: link.start,
      end: link.end,
      severity: 'warning',
      message: spamMessage(
        `This link to ${link.host} carries a referral or affiliate code, which pays whoever posted it.`,
        ADVICE.referral,
      ),
    });
  }
}

/** A very short post that is little more than an outside link. */
function checkLinkDrop(
  doc: Document,
  links: readonly PostLink[],
  own: ReturnType<typeof ownOrganization>,
  report: (r: RuleReport) => void,
): void {
  // A crowdfunding link is solicitation, reported by prohibited/solicitation.
  const outside = links.filter(
    (l) => l.host !== '' && !own.ownsLink(l) && !crowdfundingHosts.some((h) => hostIs(l.host, h)),
  );
  const first = outside[0];
  if (!first || doc.source.length > LINK_DROP_CHARS || wordCount(doc) >= LINK_DROP_WORDS) return;
  report({
    start: first.start,
    end: first.end,
    severity: 'warning',
    message: spamMessage(`This post is little more than a link to ${first.host}.`, ADVICE.linkDrop),
  });
}

function wordCount(doc: Document): number {
  return doc.prose.reduce((n, block) => n + (block.text.match(/\p{L}+/gu)?.length ?? 0), 0);
}

/** Outside links grouped by the paragraph they sit in (links and paragraphs are in document order). */
function linksByParagraph(doc: Document, links: readonly PostLink[]): Map<Node, PostLink[]> {
  const out = new Map<Node, PostLink[]>();
  const outside = links.filter((l) => l.host !== '');
  let i = 0;
  for (const paragraph of doc.nodes('paragraph')) {
    const start = paragraph.position?.start.offset ?? 0;
    const end = paragraph.position?.end.offset ?? 0;
    while (i < outside.length && (outside[i] as PostLink).start < start) i++;
    const inside: PostLink[] = [];
    for (let j = i; j < outside.length && (outside[j] as PostLink).end <= end; j++)
      inside.push(outside[j] as PostLink);
    if (inside.length > 0) out.set(paragraph, inside);
  }
  return out;
}

const wordsIn = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

/** A paragraph made mostly of links, or holding several bare addresses, is link stuffing. */
function checkLinkStuffing(
  doc: Document,
  byParagraph: Map<Node, PostLink[]>,
  report: (r: RuleReport) => void,
): void {
  for (const [paragraph, inside] of byParagraph) {
    if (inside.length < STUFFED_BARE) continue;
    const bare = inside.filter((l) => l.bare).length;
    const linkWords = inside.reduce((n, l) => n + wordsIn(l.text), 0);
    const mostlyLinks = inside.length >= STUFFED_LINKS && linkWords >= 0.7 * wordsIn(doc.textOf(paragraph));
    if (bare < STUFFED_BARE && !mostlyLinks) continue;
    const start = paragraph.position?.start.offset ?? 0;
    const end = paragraph.position?.end.offset ?? start;
    const lineEnd = doc.source.indexOf('\n', start);
    report({
      start,
      end: lineEnd === -1 ? end : Math.min(end, lineEnd),
      message: spamMessage(
        `This paragraph is stuffed with links (${inside.length} links${bare > 0 ? `, ${bare} of them bare addresses` : ''}) and little else.`,
        ADVICE.stuffing,
      ),
    });
  }
}

const addressKey = (link: PostLink) => link.url.replace(/\/+(?=#|$)/, '').toLowerCase();

/**
 * The same outside address linked again and again: three times in one short paragraph, or, in a short
 * post, three times or more making up much of its links. Long posts (a program schedule with a
 * sign-up link per session, an article about a tool) link one site often for good reasons.
 */
function checkRepeatedLinks(
  links: readonly PostLink[],
  byParagraph: Map<Node, PostLink[]>,
  isOwn: (link: PostLink) => boolean,
  words: number,
  textOf: (node: Node) => string,
  report: (r: RuleReport) => void,
): void {
  const outside = links.filter((l) => l.host !== '' && !isOwn(l));
  const repeated = new Map<string, PostLink>();
  for (const [paragraph, inside] of byParagraph) {
    if (inside.length < REPEATED_LINK) continue;
    const paragraphWords = wordsIn(textOf(paragraph));
    const counts = new Map<string, number>();
    for (const link of inside) {
      if (isOwn(link)) continue;
      const key = addressKey(link);
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count !== REPEATED_LINK || repeated.has(key)) continue;
      if (paragraphWords < REPEATED_LINK * WORDS_PER_REPEAT) repeated.set(key, link);
    }
  }
  if (words < SHORT_POST_WORDS) {
    const byAddress = new Map<string, PostLink[]>();
    for (const link of outside) {
      const key = addressKey(link);
      const same = byAddress.get(key) ?? [];
      same.push(link);
      byAddress.set(key, same);
    }
    for (const [key, same] of byAddress) {
      if (same.length < REPEATED_LINK || same.length < outside.length * REPEATED_SHARE) continue;
      if (words >= same.length * WORDS_PER_REPEAT || repeated.has(key)) continue;
      repeated.set(key, same[REPEATED_LINK - 1] as PostLink);
    }
  }
  for (const [key, third] of repeated) {
    const times = outside.filter((l) => addressKey(l) === key).length;
    report({
      start: third.start,
      end: third.end,
      severity: 'warning',
      message: spamMessage(
        `The post links the same address on ${third.host} ${times} times, which reads as spam.`,
        ADVICE.repeated,
      ),
    });
  }
}
