/**
 * Near-matches of the rules' patterns, each repeated to fill a post. Every family is one shape a
 * crafted post could use to make a pattern scan back and forth: runs of capitals, digits and
 * "not", phone-, address- and email-like fragments, token prefixes, unclosed comments and brackets.
 */
export const FAMILIES: Record<string, string> = {
  prose: 'Join us for songs, rhymes and a craft with glitter and glue. Ages 2 to 5 are welcome. ',
  capsRun: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  capsWords: 'ABC DEF GHI JKL MNO ',
  capsLines: 'ABC DEF GHI\n',
  titleWords: 'Main Street Library Room Hall ',
  digitsRun: '1234567890',
  digitsSpaced: '12 34 56 78 90 ',
  phoneish: '555-555-',
  phoneParen: '(555) 555 ',
  plusDigits: '+1 +1 ',
  money: '$1,000,',
  nots: 'not ',
  notsNo: 'not no never ',
  addressish: '123 Main 12 Elm ',
  addressStreet: '123 Main Street, ',
  emailDots: 'a.b.c.d.',
  emailAt: 'a@b@c@',
  emailLocal: 'first.last-name_',
  urlish: 'http://a.b/',
  wwwDots: 'www.a.',
  quotes: '"a ',
  curlyQuotes: '“a ',
  apostrophes: "it's don't ",
  dashes: '-- - — ',
  bracketsOpen: '[a(',
  htmlComment: '<!-- ',
  unclosedDisable: '<!-- content-gate-disable ',
  disableNextLine: '<!-- content-gate-disable-next-line spelling -->\nxx yy\n',
  codeTicks: '`a ',
  githubToken: 'ghp_aaaaaaaa',
  secretKey: 'sk-AAAAAAAA',
  base64: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=',
  hexRun: 'deadbeef',
  passwordWords: 'password: password ',
  photoCredit: 'Photo by Photo by ',
  hashTags: '#a #b ',
  handles: '@a@b ',
  dotsRun: '. . ',
  ellipsis: '...',
  commas: 'a, ',
  semicolons: 'a; ',
  titles: 'Dr. Dr. ',
  mixed: 'Call 555-1234 or email jo@x.org at 12 Main St. NOT FREE $5 ',
  whitespace: ' \t ',
  longWord: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  vote: 'vote for vote ',
  buy: 'buy now $5 buy ',
  donate: 'please donate please ',
};

/** `unit` repeated to exactly `size` characters. */
export function filled(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
