import type { Document } from '../../core/document.js';
import type { Rule } from '../../core/rule.js';
import { denials, libraryNames, spokespersonClaims } from '../../lexicons/conduct.js';
import { compileLexicon, matchText } from '../shared/phrases.js';
import { POLICY } from '../shared/policy.js';
import { isMention, mentionRanges, ownProse, sentenceAt } from '../shared/sentences.js';

interface State {
  claims: ReturnType<typeof compileLexicon>;
  spokespeople: Set<string>;
}

const DENIED = new RegExp(denials, 'i');
const WHAT_TO_DO =
  'Have a designated spokesperson publish or approve it under their name, or write it as your own view ("I think..."). If the author is a spokesperson, add them to `spokespeople` in the config.';

export const spokespersonRule: Rule<State> = {
  meta: {
    id: 'conduct/spokesperson',
    policy: POLICY.spokesperson.section,
    clause: POLICY.spokesperson.text,
    defaultSeverity: 'error',
    description:
      'Claims to speak on behalf of the library or to state its official position ("speaking for the library", "the library\'s official position") in a post whose front-matter `author` is not in the config\'s `spokespeople`. Disclaimers ("I do not speak for the library") and quotations are left alone.',
    severityReason:
      'Claiming to be the library\'s voice or to give its official position is a breach on sight when the author is not designated: error. "On behalf of the library" and "the library opposes..." can be courtesy or reporting, so they are warnings.',
  },
  setup(run) {
    const org = [...libraryNames];
    const name = run.config.organization.name?.trim();
    if (name) org.push(`(?:the )?${escapeRegExp(name)}`);
    const orgPattern = `(?:${org.join('|')})`;
    return {
      claims: compileLexicon(
        spokespersonClaims.map((entry) => ({
          ...entry,
          pattern: entry.pattern.replaceAll('{org}', orgPattern),
        })),
      ),
      spokespeople: new Set(run.config.spokespeople.map(normalName)),
    };
  },
  check(doc, ctx) {
    const authors = authorsOf(doc);
    if (authors.some((a) => ctx.state.spokespeople.has(normalName(a)))) return;
    const who =
      authors.length > 0 ? `the author (${authors.join(', ')})` : 'this post names no author, so its author';
    let mentions: [number, number][] | undefined;
    for (const block of ownProse(doc)) {
      for (const m of matchText(block.text, ctx.state.claims)) {
        const sentence = sentenceAt(block, m.index);
        const index = m.index - sentence.start;
        if (DENIED.test(sentence.text.slice(0, index))) continue;
        mentions ??= mentionRanges(doc);
        if (isMention(mentions, sentence, index, m.text.length)) continue;
        const message = m.entry.message.replaceAll('{match}', m.text).replaceAll('{author}', who);
        ctx.report({
          start: block.sourceOffset(m.index),
          end: block.sourceOffset(m.index + m.text.length - 1) + 1,
          message: `${capitalise(message)} ${WHAT_TO_DO}`,
          ...(m.entry.severity ? { severity: m.entry.severity } : {}),
        });
      }
    }
  },
};

/** `author` (or `authors`) from front matter: a name, a list of names, or objects with a `name`. */
function authorsOf(doc: Document): string[] {
  const data = doc.frontMatter?.data ?? {};
  const raw = [data.author, data.authors].flat();
  return raw
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' && 'name' in a ? String(a.name) : ''))
    .map((a) => a.trim())
    .filter(Boolean);
}

function normalName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
