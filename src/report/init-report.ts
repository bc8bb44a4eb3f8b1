import type { Finding } from '../core/types.js';
import { cell, plural } from './markdown.js';

/** How many of a rule's findings a site has, and what to do about them. */
export interface RuleTally {
  ruleId: string;
  count: number;
  posts: number;
  share: number;
  examples: Finding[];
  decision: 'keep' | 'lower' | 'configure';
  why: string;
}

/** Rules whose findings mostly mean the config does not know the site yet. */
const CONFIGURE: Record<string, string> = {
  'spelling/unknown-word':
    'most unknown words on a first run are names and terms of the site: prune .content-gate/words.txt and keep it in wordsFiles (the proposed config does)',
  'attribution/media-credit':
    "the site's own images need no credit: check that ownedMedia in the proposed config lists the site's image folders and hosts",
  'links/missing-file': 'root-relative links resolve against siteRoot: check the proposed siteRoot',
  'links/missing-anchor': 'root-relative links resolve against siteRoot: check the proposed siteRoot',
  'privacy/personal-data':
    "the library's own addresses and numbers are not personal data: list them under organization (domains, phones)",
};

/** A rule that fires in most posts is describing the site's habits, not slips. */
const HABIT_SHARE = 0.5;

export function tallyRules(findings: readonly Finding[], posts: number): RuleTally[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  return [...byRule]
    .map(([ruleId, list]): RuleTally => {
      const postsWith = new Set(list.map((f) => f.file)).size;
      const examples = pickExamples(list);
      const base = {
        ruleId,
        count: list.length,
        posts: postsWith,
        share: list.length / findings.length,
        examples,
      };
      const configure = CONFIGURE[ruleId];
      if (configure) return { ...base, decision: 'configure', why: configure };
      if (posts >= 10 && postsWith / posts >= HABIT_SHARE && list[0]?.severity !== 'notice') {
        return {
          ...base,
          decision: 'lower',
          why: `it fires in ${Math.round((postsWith / posts) * 100)}% of posts, which is a habit of the site rather than a slip: read the examples, then lower it to notice or fix the habit`,
        };
      }
      return { ...base, decision: 'keep', why: 'findings in a few posts: fix them in the posts' };
    })
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
}

/** Three examples from different posts where there are. */
function pickExamples(list: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const picked: Finding[] = [];
  for (const f of list) {
    if (seen.has(f.file)) continue;
    seen.add(f.file);
    picked.push(f);
    if (picked.length === 3) return picked;
  }
  for (const f of list) if (picked.length < 3 && !picked.includes(f)) picked.push(f);
  return picked;
}

export function formatInitReport(options: {
  tallies: readonly RuleTally[];
  findings: number;
  posts: number;
  words: number;
  date: Date;
  configWritten: string;
}): string {
  const { tallies, findings, posts } = options;
  const lines = [
    '# Content Gate: first run',
    '',
    `Checked ${plural(posts, 'post')} on ${options.date.toISOString().slice(0, 10)} (links to other sites were not fetched): ${plural(findings, 'finding')}. No post was changed.`,
    '',
    '| Rule | Findings | Share | Posts | Suggested decision |',
    '| --- | ---: | ---: | ---: | --- |',
    ...tallies.map(
      (t) => `| \`${t.ruleId}\` | ${t.count} | ${(t.share * 100).toFixed(1)}% | ${t.posts} | ${t.decision} |`,
    ),
    '',
  ];
  for (const t of tallies) {
    lines.push(
      `## \`${t.ruleId}\`: ${t.decision}`,
      '',
      `${plural(t.count, 'finding')} in ${plural(t.posts, 'post')}; ${t.why}.`,
      '',
    );
    for (const f of t.examples) lines.push(`- \`${cell(f.file)}\` line ${f.line}: ${cell(f.message)}`);
    lines.push('');
  }
  lines.push(
    '## Next steps',
    '',
    `1. Read \`.content-gate/words.txt\` (${plural(options.words, 'word')}, most frequent first). Delete the lines that are typos; the rest become the site's vocabulary. Words that look like slips are already commented out.`,
    `2. Review ${options.configWritten}.`,
    '3. To start from a clean slate, run `content-gate init --baseline`: the findings there now are recorded in `.content-gate/baseline.json`, and `content-gate check --baseline .content-gate/baseline.json` reports only new ones.',
    '',
  );
  return lines.join('\n');
}

/** One unknown word of the site with its uses. */
export interface SiteWord {
  word: string;
  count: number;
  posts: number;
  /** The spelling rule's best correction, when it had one. */
  suggestion?: string;
}

/**
 * A lowercase word used once whose correction is one letter away is more likely a slip than a
 * term of the site: it is proposed commented out, for the editor to fix in the post instead.
 */
export function looksLikeSlip(w: SiteWord): boolean {
  if (w.count > 1 || !w.suggestion || w.word !== w.word.toLowerCase()) return false;
  return oneEditApart(w.word.toLowerCase(), w.suggestion.toLowerCase());
}

function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, skip: number) => x.slice(i + skip);
  if (a.length === b.length) {
    return rest(a, 1) === rest(b, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, 2) === rest(b, 2));
  }
  return a.length > b.length ? rest(a, 1) === rest(b, 0) : rest(a, 0) === rest(b, 1);
}

export function formatWordList(words: readonly SiteWord[], date: Date): string {
  const lines = [
    `# Words the spelling check did not know, found across the site by content-gate init on ${date.toISOString().slice(0, 10)}.`,
    '# Most frequent first; after each word, how often and in how many posts. Delete the typos;',
    '# lines starting with # are not accepted (those below look like slips: fix them in the post).',
    '',
  ];
  for (const w of words) {
    const uses = `# ${plural(w.count, 'use')} in ${plural(w.posts, 'post')}`;
    lines.push(
      looksLikeSlip(w)
        ? `# ${w.word}  ${uses.slice(2)}; did you mean "${w.suggestion}"?`
        : `${w.word}  ${uses}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
