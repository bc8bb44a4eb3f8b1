/**
 * Speed of the spelling and grammar rules (`npm run bench:language`):
 * - the one-time setup (harper's wasm and dictionary, the word-frequency list);
 * - characters of prose per second for spelling and for grammar over a generated 2,000-post site;
 * - wall time of `node dist/cli.js check` on 10 posts, setup included (needs `npm run build`).
 * Options: --posts N (default 2000), --no-cli.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '../src/core/document.js';
import type { Rule } from '../src/core/rule.js';
import { languageEngine } from '../src/language/harper.js';
import { loadFrequencies } from '../src/language/suggest.js';
import { grammarRule } from '../src/rules/grammar/harper-grammar.js';
import { unknownWordRule } from '../src/rules/spelling/unknown-word.js';
import { checkMarkdown } from '../test/helpers/rule-tester.js';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const postCount = Number(args[args.indexOf('--posts') + 1]) || 2000;
const withCli = !args.includes('--no-cli');

function sourcePosts(): string[] {
  const folders = [
    join(root, 'test', 'data', 'language', 'clean-posts'),
    join(root, '..', 'shared', 'corpora', 'rac-bits-and-bytes', '_posts'),
  ];
  return folders.filter(existsSync).flatMap((folder) =>
    readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => readFileSync(join(folder, f), 'utf8')),
  );
}

/** A site of `count` posts drawn from real and written posts, each slightly different. */
function generateSite(count: number): Record<string, string> {
  const sources = sourcePosts();
  const typos = ['libary', 'tomorow', 'definately', 'recieve', 'seperate'];
  const site: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const post = sources[i % sources.length] as string;
    const note = `\n\nPost ${i}: we will ${typos[i % typos.length]} see you at the branch.\n`;
    site[`posts/${String(i).padStart(4, '0')}.md`] = post + note;
  }
  return site;
}

function proseChars(site: Record<string, string>): number {
  let chars = 0;
  for (const [file, text] of Object.entries(site)) {
    for (const block of new Document(file, file, text).prose) chars += block.text.length;
  }
  return chars;
}

async function timeIt<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const [, setupMs] = await timeIt(() => languageEngine('en-US'));
const [, frequencyMs] = await timeIt(async () => loadFrequencies());
console.log(`setup: harper (wasm, dictionary, first lint) ${setupMs.toFixed(0)} ms`);
console.log(`setup: word-frequency list (loaded on the first unknown word) ${frequencyMs.toFixed(0)} ms`);

const site = generateSite(postCount);
const chars = proseChars(site);
console.log(`site: ${postCount} posts, ${(chars / 1e6).toFixed(2)} M characters of prose`);

// Each run parses its own documents, so neither rule reuses the other's lints.
for (const [label, rules] of [
  ['spelling', [unknownWordRule]],
  ['grammar', [grammarRule]],
  ['spelling + grammar', [unknownWordRule, grammarRule]],
] as [string, Rule[]][]) {
  const [findings, ms] = await timeIt(() => checkMarkdown(site, { rules }));
  console.log(
    `${label.padEnd(19)} ${((chars / ms) * 1000).toFixed(0).padStart(8)} chars/s  (${(ms / 1000).toFixed(1)} s, ${findings.length} findings, parse included)`,
  );
}

if (withCli) {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('cli: dist/cli.js not found; run `npm run build` first');
  } else {
    const folder = join(root, 'bench', 'sites', 'language-pr');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const files = Object.entries(site).slice(0, 10);
    files.forEach(([file, text], i) => {
      writeFileSync(join(folder, `post-${i}.md`), text.replace(file, ''));
    });
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      spawnSync(process.execPath, [cli, 'check', '.', '--offline', '--format', 'json'], { cwd: folder });
      times.push(performance.now() - started);
    }
    const cores = execFileSync('nproc').toString().trim();
    console.log(
      `cli: 10 posts, all rules, setup included: ${times.map((t) => (t / 1000).toFixed(2)).join(' s, ')} s (best ${(Math.min(...times) / 1000).toFixed(2)} s, ${cores} cores)`,
    );
  }
}
