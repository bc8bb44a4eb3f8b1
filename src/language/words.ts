/** What counts as a word to spell-check, and where sentences start, in a prose block's text. */

/**
 * How far a token reaches either side of its word before it is taken for code or data: a long run
 * without spaces (a hash, a pasted blob) is no word, and scanning it whole for every word in it
 * would cost the square of its length.
 */
export const MAX_TOKEN_REACH = 100;

/** The whitespace-delimited token around [start, end), so a word can be judged by its company. */
export function tokenAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && start - from < MAX_TOKEN_REACH && !/\s/.test(text[from - 1] as string)) from--;
  while (to < text.length && to - end < MAX_TOKEN_REACH && !/\s/.test(text[to] as string)) to++;
  if (start - from >= MAX_TOKEN_REACH || to - end >= MAX_TOKEN_REACH) return text.slice(from, to);
  return text.slice(from, to).replace(/^[("'“‘[{]+|[)"'”’\]},.;:!?]+$/gu, '');
}

/** Longer than any dictionary word (the longest run 45 letters) or a hyphenated phrase. */
export const MAX_WORD_LENGTH = 60;

/**
 * Why a flagged word is not a word to spell-check, or undefined when it is one: handles, hashtags,
 * emails, web addresses, file names, words with digits, acronyms and mixed-case product names.
 */
export function notAWord(word: string, token: string): string | undefined {
  if (word.length > MAX_WORD_LENGTH || token.length >= word.length + MAX_TOKEN_REACH)
    return 'too long to be a word';
  if (/[@]/.test(token)) return 'email or handle';
  if (token.startsWith('#')) return 'hashtag';
  if (/[/\\]/.test(token) || /^(https?:|www\.)/i.test(token)) return 'address or path';
  if (/\.[a-z0-9]{1,5}$/i.test(token) && /\w\.\w/.test(token)) return 'file or domain name';
  if (/[0-9_]/.test(token)) return 'code, number or identifier';
  // coo*tion, wom?n: a search pattern with wildcards.
  if (/\p{L}[*?]\p{L}/u.test(token)) return 'search pattern';
  const bare = stripPossessive(word);
  if (bare.length > 1 && bare === bare.toUpperCase()) return 'acronym';
  // OCR'd, CD's, PDFs: an acronym with an ending.
  if (/^\p{Lu}{2,}(?:['’]\p{Ll}{1,2}|s)$/u.test(bare)) return 'acronym';
  // iPad, eBay, YouTube, OverDrive, ATReference: internal capitals mark a name, not a typo.
  if (/\p{Ll}\p{Lu}|\p{Lu}\p{Lu}\p{Ll}/u.test(bare)) return 'mixed-case name';
  if (word.length < 2) return 'single letter';
  return undefined;
}

const ABBREVIATIONS =
  /(?:^|[\s(])(?:mr|mrs|ms|mx|dr|st|prof|rev|jr|sr|mt|ft|no|vol|ch|p|pp|fig|ed|eds|e\.g|i\.e|etc|vs|approx|dept|ave|blvd|rd)\.$/i;

/** Source ranges of template tags (Liquid, Jinja, Hugo: `{{ site.baseurl }}`, `{% include %}`) in a text. */
export function templateRanges(text: string): [number, number][] {
  if (!text.includes('{')) return [];
  return [...text.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g)].map((m) => [
    m.index ?? 0,
    (m.index ?? 0) + m[0].length,
  ]);
}

/** Whether [start, end) lies inside a template tag of the text. */
export function inTemplate(text: string, start: number, end: number): boolean {
  return templateRanges(text).some(([s, e]) => start >= s && end <= e);
}

/** Whether the word at `index` begins a sentence (or the block): its capital says nothing then. */
export function atSentenceStart(text: string, index: number): boolean {
  const raw = text.slice(Math.max(0, index - 40), index);
  if (/\n[^\S\n]*["'“‘(*_[]*$/u.test(raw)) return true;
  const before = raw.replace(/["'“‘(*_[\s]+$/u, '');
  if (before.length === 0) return true;
  if (/[!?:•]$/.test(before)) return true;
  if (/\.$/.test(before)) return !ABBREVIATIONS.test(before);
  return false;
}

/** A word written with a leading capital and otherwise lowercase letters (Alvarez, Worcester). */
export function isCapitalized(word: string): boolean {
  return /^\p{Lu}[\p{Ll}'’-]+$/u.test(word);
}

export function stripPossessive(word: string): string {
  return word.replace(/['’]s$/u, '');
}
