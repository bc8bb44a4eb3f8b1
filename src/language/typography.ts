/**
 * Typographic quotes, one for one: a CMS or a word processor writes ’ where the author typed ',
 * and the checks must read both alike. Every mapped character is one UTF-16 unit, so offsets into
 * the mapped text are offsets into the original.
 */
const TO_ASCII: Record<string, string> = {
  '\u2018': "'", // ‘
  '\u2019': "'", // ’
  '\u201A': "'", // ‚
  '\u201B': "'", // ‛
  '\u2032': "'", // ′
  '\u02BC': "'", // ʼ
  '\uFF07': "'", // ＇
  '\u201C': '"', // “
  '\u201D': '"', // ”
  '\u201E': '"', // „
  '\u201F': '"', // ‟
  '\u2033': '"', // ″
  '\uFF02': '"', // ＂
};

const TYPOGRAPHIC = /[\u2018\u2019\u201A\u201B\u2032\u02BC\uFF07\u201C-\u201F\u2033\uFF02]/g;

/** The text with typographic quotes and apostrophes as ASCII ' and ", same length. */
export function asciiQuotes(text: string): string {
  return text.replace(TYPOGRAPHIC, (ch) => TO_ASCII[ch] as string);
}

/**
 * A suggestion written in the author's own style: when the text it replaces uses typographic
 * apostrophes or quotes, so does the suggestion.
 */
export function inAuthorsQuotes(suggestion: string, original: string): string {
  let out = suggestion;
  if (/[\u2019\u2018\u02BC]/.test(original)) out = out.replace(/'/g, '\u2019');
  if (/[\u201C\u201D]/.test(original)) {
    out = out.replace(/(^|[\s([{])"/g, '$1\u201C').replace(/"/g, '\u201D');
  }
  return out;
}
