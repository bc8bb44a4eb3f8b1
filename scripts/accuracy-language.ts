/**
 * Measures the spelling and grammar rules and prints the numbers (`npm run accuracy:language`):
 * - misspelling recall and first-suggestion accuracy: real misspellings from codespell's list
 *   injected into correct sentences of library posts (and, held out, human misspellings from the
 *   Birkbeck corpus), compared with Hunspell (nspell + dictionary-en);
 * - grammar recall on sentences with one known error, and false alarms on their corrected twins;
 * - false alarms on correctly written library posts, with and without site-wide name evidence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import type { Rule } from '../src/core/rule.js';
import type { EngineFinding } from '../src/core/types.js';
import { grammarRule } from '../src/rules/grammar/harper-grammar.js';
import { unknownWordRule } from '../src/rules/spelling/unknown-word.js';
import { checkMarkdown } from '../test/helpers/rule-tester.js';

const root = join(import.meta.dirname, '..');
const data = join(root, 'test', 'data', 'language');
const corpora = join(root, '..', 'shared', 'corpora');
const CODESPELL = join(corpora, 'codespell', 'dictionary.txt');
const RAC_POSTS = join(corpora, 'rac-bits-and-bytes', '_posts');

const spellingOnly = [unknownWordRule] as Rule[];
const grammarOnly = [grammarRule] as Rule[];
const both = [unknownWordRule, grammarRule] as Rule[];

/** A small seeded generator, so every run draws the same sample. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
}

function readPosts(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.md') || name.endsWith('.markdown'))
      out[name] = readFileSync(join(folder, name), 'utf8');
  }
  return out;
}

function bodyOf(post: string): string {
  return post.replace(/^---\n[\s\S]*?\n---\n/, '');
}

/** Plain sentences of the clean posts: the context misspellings are injected into. */
function cleanSentences(posts: Record<string, string>): string[] {
  const out: string[] = [];
  for (const post of Object.values(posts)) {
    for (const paragraph of bodyOf(post).split(/\n{2,}/)) {
      if (/[#`[\]<>|*_]/.test(paragraph)) continue;
      for (const sentence of paragraph.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z])/)) {
        if (sentence.length > 30 && sentence.length < 300) out.push(sentence.trim());
      }
    }
  }
  return out;
}

interface Injection {
  wrong: string;
  right: string;
  sentence: string;
  index: number;
}

/** codespell's `wrong->right` pairs (the set the ranking was tuned on). */
function codespellPairs(): [string, string][] {
  return readFileSync(CODESPELL, 'utf8')
    .split('\n')
    .map((line) => line.split('->'))
    .filter(
      (p): p is [string, string] =>
        p.length === 2 && /^[a-z]{4,}$/.test(p[0] as string) && /^[a-z]{3,}$/.test(p[1] as string),
    );
}

/** The held-out misspellings (`right: wrong wrong`), never used to tune anything. */
function heldOutPairs(): [string, string][] {
  const out: [string, string][] = [];
  for (const line of readFileSync(join(data, 'heldout-misspellings.txt'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [right, wrongs] = line.split(':') as [string, string];
    for (const wrong of wrongs.trim().split(/\s+/)) out.push([wrong, right]);
  }
  return out;
}

/** Draws misspellings whose correction occurs in a clean sentence, and writes them in. */
function injections(pairs: [string, string][], sentences: string[], count: number): Injection[] {
  const byWord = new Map<string, { sentence: string; index: number }[]>();
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/(?<![\w'’-])[a-z]+(?![\w'’-])/g)) {
      const list = byWord.get(m[0]) ?? [];
      list.push({ sentence, index: m.index ?? 0 });
      byWord.set(m[0], list);
    }
  }
  const next = random(20261125);
  const usable = pairs.filter(([, right]) => byWord.has(right));
  for (let i = usable.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [usable[i], usable[j]] = [usable[j] as [string, string], usable[i] as [string, string]];
  }
  const out: Injection[] = [];
  const usedWrong = new Set<string>();
  for (const [wrong, right] of usable) {
    if (out.length >= count) break;
    if (usedWrong.has(wrong)) continue;
    usedWrong.add(wrong);
    const places = byWord.get(right) ?? [];
    const place = places[Math.floor(next() * places.length)] as { sentence: string; index: number };
    const sentence =
      place.sentence.slice(0, place.index) + wrong + place.sentence.slice(place.index + right.length);
    out.push({ wrong, right, sentence, index: place.index });
  }
  return out;
}

/**
 * Misspellings that are themselves dictionary words (later for latter, forth for fourth) can only
 * be found from context: no word checker finds them, so they are counted apart.
 */
async function measureSpelling(label: string, pairs: [string, string][], sentences: string[]): Promise<void> {
  const { dictionaryFor } = await import('../src/language/dictionary.js');
  const dictionary = dictionaryFor('en-US');
  const realWords = pairs.filter(([wrong]) => dictionary.knows(wrong));
  const sample = injections(
    pairs.filter(([wrong]) => !dictionary.knows(wrong)),
    sentences,
    300,
  );
  const PER_POST = 25;
  let found = 0;
  let first = 0;
  let top3 = 0;
  let safe = 0;
  let safeRight = 0;
  const misses: string[] = [];
  const wrongFirst: string[] = [];
  for (let i = 0; i < sample.length; i += PER_POST) {
    const group = sample.slice(i, i + PER_POST);
    const findings = await checkMarkdown(group.map((g) => g.sentence).join('\n\n'), { rules: spellingOnly });
    group.forEach((g, k) => {
      const line = 2 * k + 1;
      const hit = findings.find((f) => f.line === line && f.column === g.index + 1);
      if (!hit) {
        misses.push(`${g.wrong}->${g.right}`);
        return;
      }
      found++;
      const suggestions = hit.suggestions.map((s) => s.toLowerCase());
      if (suggestions[0] === g.right) first++;
      else wrongFirst.push(`${g.wrong}->${g.right} got ${suggestions.join('/') || '-'}`);
      if (suggestions.slice(0, 3).includes(g.right)) top3++;
      if (hit.fix) {
        safe++;
        if (hit.fix.text.toLowerCase() === g.right) safeRight++;
      }
    });
  }
  console.log(`\nSpelling, ${label}: ${sample.length} misspellings injected into correct sentences`);
  console.log(
    `  left out: ${realWords.length} of ${pairs.length} pairs whose misspelling is itself a dictionary word`,
  );
  console.log(`  found (recall):              ${pct(found, sample.length)}`);
  console.log(
    `  first suggestion correct:    ${pct(first, sample.length)} of all, ${pct(first, found)} of found`,
  );
  console.log(`  correct among top 3:         ${pct(top3, sample.length)}`);
  console.log(`  marked safe to fix:          ${pct(safe, found)}; of those right: ${pct(safeRight, safe)}`);
  console.log(`  missed: ${misses.slice(0, 15).join(', ')}`);
  console.log(`  wrong first: ${wrongFirst.slice(0, 12).join('; ')}`);
  compareHunspell(sample);
}

/** The same words through Hunspell (nspell + dictionary-en), for comparison. */
function compareHunspell(sample: Injection[]): void {
  const aff = readFileSync(join(root, 'node_modules', 'dictionary-en', 'index.aff'));
  const dic = readFileSync(join(root, 'node_modules', 'dictionary-en', 'index.dic'));
  const started = performance.now();
  const hunspell = nspell(aff, dic);
  const loadMs = performance.now() - started;
  let hFound = 0;
  let hFirst = 0;
  let suggestMs = 0;
  for (const g of sample) {
    if (hunspell.correct(g.wrong)) continue;
    hFound++;
    const t = performance.now();
    if (hunspell.suggest(g.wrong)[0]?.toLowerCase() === g.right) hFirst++;
    suggestMs += performance.now() - t;
  }
  console.log(
    `  Hunspell (nspell): found ${pct(hFound, sample.length)}, first ${pct(hFirst, sample.length)}; load ${loadMs.toFixed(0)} ms, ${(suggestMs / Math.max(1, hFound)).toFixed(0)} ms per suggestion list`,
  );
}

async function measureGrammar(file: string, label: string): Promise<void> {
  const rows = readFileSync(join(data, file), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string, string]);
  let hits = 0;
  let falseAlarms = 0;
  const byKind = new Map<string, [number, number]>();
  const missed: string[] = [];
  const alarms: string[] = [];
  for (const [kind, bad, good] of rows) {
    const badFindings = await checkMarkdown(bad, { rules: grammarOnly });
    const goodFindings = await checkMarkdown(good, { rules: grammarOnly });
    const tally = byKind.get(kind) ?? [0, 0];
    tally[1]++;
    if (badFindings.length > 0) {
      hits++;
      tally[0]++;
    } else missed.push(bad);
    if (goodFindings.length > 0) {
      falseAlarms++;
      alarms.push(`${good} [${goodFindings.map((f) => f.ruleId).join(', ')}]`);
    }
    byKind.set(kind, tally);
  }
  console.log(`\nGrammar, ${label}: ${rows.length} sentence pairs (one error each, and its corrected twin)`);
  console.log(`  errors found (recall):       ${pct(hits, rows.length)}`);
  console.log(`  false alarms on the twins:   ${falseAlarms} of ${rows.length}`);
  console.log(`  by kind: ${[...byKind].map(([k, [h, n]]) => `${k} ${h}/${n}`).join(', ')}`);
  if (missed.length) console.log(`  missed: ${missed.join(' | ')}`);
  if (alarms.length) console.log(`  false alarms: ${alarms.join(' | ')}`);
}

function summarize(findings: EngineFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([id, n]) => `${id} ${n}`).join(', ') || 'none';
}

async function measureCleanPosts(label: string, posts: Record<string, string>): Promise<void> {
  const files = Object.keys(posts);
  if (files.length === 0) return;
  const asSite = await checkMarkdown(posts, { rules: both });
  const alone: EngineFinding[] = [];
  for (const file of files)
    alone.push(...(await checkMarkdown({ [file]: posts[file] as string }, { rules: both })));
  const per10 = (n: number) => ((10 * n) / files.length).toFixed(2);
  console.log(`\nFalse alarms on ${files.length} ${label}`);
  console.log(
    `  checked as one site:  ${asSite.length} findings = ${per10(asSite.length)} per 10 posts (${summarize(asSite)})`,
  );
  console.log(
    `  each post alone:      ${alone.length} findings = ${per10(alone.length)} per 10 posts (${summarize(alone)})`,
  );
  const sample = asSite.slice(0, 25).map((f) => `${f.file}:${f.line} ${f.message.slice(0, 60)}`);
  if (sample.length) console.log(`  e.g. ${sample.join('\n       ')}`);
}

// `--only spelling|grammar|posts` runs one part.
const only = process.argv[process.argv.indexOf('--only') + 1];
const part = (name: string) => !process.argv.includes('--only') || only === name;
const clean = readPosts(join(data, 'clean-posts'));
const rac = readPosts(RAC_POSTS);
const started = performance.now();
if (part('spelling') && existsSync(CODESPELL)) {
  const sentences = cleanSentences({ ...clean, ...rac });
  await measureSpelling('codespell pairs (used to tune the ranking)', codespellPairs(), sentences);
  await measureSpelling('held-out human misspellings (never used to tune)', heldOutPairs(), sentences);
}
if (part('grammar')) {
  await measureGrammar('grammar-pairs.tsv', 'development set');
  await measureGrammar('grammar-pairs-holdout.tsv', 'held-out set (never used to tune)');
}
if (part('posts')) {
  await measureCleanPosts('correctly written library posts (test/data/language/clean-posts)', clean);
  await measureCleanPosts('real archive blog posts (shared corpora, rac-bits-and-bytes)', rac);
}
console.log(`\nmeasured in ${((performance.now() - started) / 1000).toFixed(1)} s`);
