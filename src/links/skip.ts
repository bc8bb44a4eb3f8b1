/**
 * `links.skip` patterns: `/regex/flags` or `^regex` are regular expressions; a pattern with `*`
 * is a glob where `*` matches anything; any other pattern matches when the URL contains it.
 */
export function compileSkip(patterns: readonly string[]): (url: string) => boolean {
  const tests = patterns.map(toTest);
  return (url) => tests.some((test) => test(url));
}

function toTest(pattern: string): (url: string) => boolean {
  try {
    return regexTest(pattern);
  } catch {
    // Not a valid regular expression: match it as plain text rather than stop the run.
    return (url) => url.includes(pattern);
  }
}

function regexTest(pattern: string): (url: string) => boolean {
  const slashed = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  if (slashed) {
    const re = new RegExp(slashed[1] as string, slashed[2]);
    return (url) => re.test(url);
  }
  if (pattern.startsWith('^')) {
    const re = new RegExp(pattern);
    return (url) => re.test(url);
  }
  if (pattern.includes('*')) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    const re = new RegExp(`^${body}$`);
    return (url) => re.test(url);
  }
  return (url) => url.includes(pattern);
}
