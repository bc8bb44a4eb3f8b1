/**
 * Word lists for `secrets/credential`: how posts disclose passwords in words, and what a value
 * that is only a placeholder looks like. Token formats (GitHub, AWS, Slack, private keys...) come
 * from secretlint's recommended rules; these lists cover what those rules cannot see.
 */

/** Names of secrets that prose gives a value for ("the Wi-Fi password is ..."). */
export const secretNouns: readonly string[] = [
  'pass ?words?',
  'passcodes?',
  'passphrases?',
  'pwd',
  'PINs?(?: codes?| numbers?)?',
  '(?:access|door|alarm|lock ?box|keypad|gate|entry|building|security|login|verification) codes?',
  'combinations?',
  '(?:network|security|wi-?fi|wireless|WPA2?|WEP) keys?',
  'API (?:keys?|tokens?|secrets?)',
  '(?:access|auth|bearer|secret) (?:keys?|tokens?)',
];

/** Words between the secret's name and its value: "is", "is now", "has been changed to", ":". */
export const disclosureVerbs: readonly string[] = [
  '(?:is still|is now|now is|is|was|remains|will be|reads)\\b\\s*:?',
  '(?:has been |was |is )?(?:changed|reset|set|updated) to\\b',
  ':',
  '=',
];

/** Words before a disclosure that make it a shared, low-risk code: a warning, not an error. */
export const sharedAccessCues: readonly string[] = [
  '\\b(?:guest|public|visitor|patron|free) (?:wi-?fi|wireless|network|internet)\\b',
  '\\b(?:wi-?fi|wireless|network) for (?:guests|visitors|patrons|the public|everyone)\\b',
  '\\b(?:default|initial|temporary|starting|first-time) (?:pass ?word|passcode|PIN)\\b',
];

/**
 * Words that follow "password is" in help text and are never the password itself
 * ("your password is case-sensitive", "the PIN is required").
 */
export const helpTextWords: readonly string[] = [
  'a',
  'an',
  'the',
  'your',
  'my',
  'our',
  'his',
  'her',
  'their',
  'its',
  'not',
  'never',
  'no',
  'now',
  'also',
  'only',
  'still',
  'always',
  'usually',
  'required',
  'optional',
  'needed',
  'necessary',
  'case-sensitive',
  'case',
  'sensitive',
  'incorrect',
  'wrong',
  'invalid',
  'expired',
  'changed',
  'reset',
  'blank',
  'empty',
  'same',
  'different',
  'secure',
  'safe',
  'strong',
  'weak',
  'private',
  'secret',
  'confidential',
  'printed',
  'posted',
  'written',
  'listed',
  'shown',
  'available',
  'provided',
  'below',
  'above',
  'here',
  'there',
  'free',
  'easy',
  'hard',
  'simple',
  'too',
  'very',
  'at',
  'on',
  'in',
  'for',
  'to',
  'by',
  'from',
  'with',
  'whatever',
  'what',
  'whichever',
  'something',
  'anything',
  'last',
  'first',
  'four',
  'six',
  'eight',
  'numbers',
  'digits',
  'characters',
];

/** Values that stand in for a secret in examples and forms: not a disclosure. */
export const placeholderValues: readonly string[] = [
  '[x*•.#_-]{3,}',
  '<[^>]*>',
  '\\[[^\\]]*\\]',
  '\\{[^}]*\\}',
  '\\$\\{?[A-Za-z_]\\w*\\}?',
  '%[A-Za-z_]\\w*%?',
  '(?:process\\.env|os\\.environ|ENV\\[|env\\(|getenv|secrets\\.|vars\\.).*',
  '(?:your|my|enter|insert|some)[_ -]?(?:pass\\w*|pwd|secret\\w*|token\\w*|key|api\\w*|name|user\\w*|value|here|own)',
  'pass ?words?|passwd|pwd|secret|tokens?|api[_-]?keys?|changeme|redacted|hidden|removed|none|null|nil|undefined|n/a|tbd|string|str|text|value',
  '.*(?:example|sample|dummy|fake|placeholder|xxxx).*',
];

/** Names of configuration keys whose value is a secret (`API_KEY=...`, `password: ...`). */
export const secretKeyNames: readonly string[] = [
  '[\\w.-]{0,40}?(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?)',
];

/** URL query parameters that carry a credential (`?access_token=...`). */
export const secretQueryParameters: readonly string[] = [
  'password',
  'passwd',
  'pwd',
  'pass',
  'api_?key',
  'apikey',
  'access_?token',
  'auth_?token',
  'token',
  'secret',
  'client_?secret',
  'private_?token',
];

/** Plain-English names of what each of secretlint's recommended rules finds. */
export const secretlintKinds: Readonly<Record<string, string>> = {
  '@secretlint/secretlint-rule-aws': 'an AWS access key',
  '@secretlint/secretlint-rule-gcp': 'a Google Cloud service account key',
  '@secretlint/secretlint-rule-privatekey': 'a private key',
  '@secretlint/secretlint-rule-npm': 'an npm access token',
  '@secretlint/secretlint-rule-basicauth': 'a user name and password written into a web address',
  '@secretlint/secretlint-rule-slack': 'a Slack token or webhook address',
  '@secretlint/secretlint-rule-sendgrid': 'a SendGrid API key',
  '@secretlint/secretlint-rule-shopify': 'a Shopify access token',
  '@secretlint/secretlint-rule-github': 'a GitHub token',
  '@secretlint/secretlint-rule-openai': 'an OpenAI API key',
  '@secretlint/secretlint-rule-anthropic': 'an Anthropic API key',
  '@secretlint/secretlint-rule-linear': 'a Linear API key',
  '@secretlint/secretlint-rule-1password': 'a 1Password service account token',
  '@secretlint/secretlint-rule-database-connection-string': 'a database address with its password',
};

/** Private key blocks secretlint's PEM check does not cover. */
export const privateKeyHeaders: readonly string[] = [
  '-----BEGIN PGP PRIVATE KEY BLOCK-----',
  'PuTTY-User-Key-File-\\d+:',
];

/**
 * The shape most services now give their tokens: a short lower-case type prefix, `_` or `-`,
 * then a long random part (`glpat-...`, `hf_...`, `dckr_pat_...`, `sk_live_...`, `tskey-auth-...`).
 * Formats secretlint's recommended rules do not know are found by this shape.
 */
export const prefixedTokenShape =
  '(?<![\\w-])(?<prefix>[a-z][a-z0-9]{1,9}(?:[_-][a-z]{2,8}){0,2}[_-])(?<tail>[A-Za-z0-9_-]{20,200})(?![\\w-])';
