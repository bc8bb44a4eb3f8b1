/** The longest stretch of a post a message or suggestion may quote. */
export const MAX_EXCERPT = 80;

const QUOTED = /“([^”]*)”|"([^"\n]*)"/g;

/**
 * Caps what a message quotes from its post: a quoted stretch of the post longer than
 * MAX_EXCERPT characters, or one that runs across lines, is cut to its first line and the limit.
 * `inCode` (a finding inside a code block) removes quoted post text altogether. Whatever a rule
 * gets wrong, a report never carries a whole file into a public comment. `source` is the stretch
 * of the post around the finding that its quotations come from.
 */
export function clipQuotes(message: string, source: string, inCode = false): string {
  return message.replace(QUOTED, (whole, curly: string | undefined, straight: string | undefined) => {
    const inner = curly ?? straight ?? '';
    const open = curly === undefined ? '"' : '“';
    const close = curly === undefined ? '"' : '”';
    const short = inner.length <= MAX_EXCERPT && !inner.includes('\n');
    if ((short && !inCode) || !isFromPost(inner, source)) return whole;
    if (inCode) return `${open}…${close}`;
    return `${open}${clip(inner)}${close}`;
  });
}

/**
 * A suggestion replaces its finding's span: it may repeat that span and add at most a short
 * excerpt's worth (a caption, a credit line), never carry more of the post than that.
 */
export function keepSuggestion(suggestion: string, span: string): boolean {
  const lines = (text: string) => text.split('\n').length;
  return suggestion.length <= span.length + MAX_EXCERPT && lines(suggestion) <= lines(span) + 1;
}

function isFromPost(text: string, source: string): boolean {
  if (text.length < 2) return false;
  const firstLine = text.split('\n')[0] ?? '';
  return source.includes(firstLine.slice(0, MAX_EXCERPT + 1));
}

function clip(text: string): string {
  const firstLine = (text.split('\n')[0] ?? '').trimEnd();
  return firstLine.length > MAX_EXCERPT - 1 || firstLine.length < text.length
    ? `${firstLine.slice(0, MAX_EXCERPT - 1).trimEnd()}…`
    : firstLine;
}
