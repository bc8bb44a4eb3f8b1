import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import YAML from 'yaml';
import { findConfig } from '../config/load.js';
import { sourceReader } from '../core/read.js';
import type { EngineFinding } from '../core/types.js';
import { formatBaseline } from '../report/baseline.js';
import { formatInitReport, formatWordList, type SiteWord, tallyRules } from '../report/init-report.js';
import { VERSION } from '../version.js';
import { run } from './run.js';

/** The files `content-gate init` writes (paths relative to the site), and what it prints. */
export interface InitPlan {
  files: { path: string; text: string }[];
  /** The proposed config as a diff against the existing one (nothing is written over it). */
  configDiff?: string;
  summary: string;
}

export const INIT_DIR = '.content-gate';
const WORDS_FILE = `${INIT_DIR}/words.txt`;
const NOT_POSTS =
  /^(readme|license|licence|changelog|contributing|code_of_conduct|security|history)(\b|[-_.])/i;

/** The site generator's config, read for the site's address and its static folder. */
export function siteFacts(cwd: string): { url?: string; siteRoot: string; generator?: string } {
  const read = (name: string) => {
    const path = join(cwd, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const jekyll = read('_config.yml') ?? read('_config.yaml');
  if (jekyll) {
    const parsed = safeYaml(jekyll) as { url?: unknown } | undefined;
    return {
      url: typeof parsed?.url === 'string' ? parsed.url : cname(read),
      siteRoot: '.',
      generator: 'Jekyll',
    };
  }
  const hugo = read('hugo.toml') ?? read('config.toml');
  if (hugo) {
    const url = /^\s*baseURL\s*=\s*["']([^"']+)["']/m.exec(hugo)?.[1];
    return { url: url ?? cname(read), siteRoot: 'static', generator: 'Hugo' };
  }
  for (const name of [
    'astro.config.mjs',
    'astro.config.ts',
    'docusaurus.config.js',
    'docusaurus.config.ts',
  ]) {
    const text = read(name);
    if (!text) continue;
    const url = /\b(?:site|url)\s*:\s*["'](https?:\/\/[^"']+)["']/.exec(text)?.[1];
    const astro = name.startsWith('astro');
    return {
      url: url ?? cname(read),
      siteRoot: astro ? 'public' : 'static',
      generator: astro ? 'Astro' : 'Docusaurus',
    };
  }
  return { url: cname(read), siteRoot: '.' };
}

function cname(read: (name: string) => string | undefined): string | undefined {
  const host = read('CNAME')?.trim();
  return host ? `https://${host}` : undefined;
}

function safeYaml(text: string): unknown {
  try {
    return YAML.parse(text);
  } catch {
    return undefined;
  }
}

/** example.org from blog.example.org; bl.uk and library.ac.uk keep their three labels. */
export function registrableDomain(host: string): string {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  if (labels.length <= 2) return labels.join('.');
  const second = labels.at(-2) as string;
  const keep =
    (labels.at(-1) as string).length === 2 && /^(co|ac|gov|org|net|edu|ltd|nhs|com)$/.test(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Globs that cover the checked posts: a folder per group of posts, root files by name. */
export function includeGlobs(files: readonly string[]): string[] {
  const folders = new Set<string>();
  const rootFiles: string[] = [];
  for (const file of files) {
    const [first, ...rest] = file.split('/');
    if (rest.length === 0) {
      if (!NOT_POSTS.test(file)) rootFiles.push(file);
    } else folders.add(first as string);
  }
  return [...[...folders].sort().map((f) => `${f}/**/*.{md,markdown}`), ...rootFiles.sort()];
}

const IMAGE = /!\[[^\]]*\]\(\s*<?([^)\s>]+)|<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi;

/** The site's own image folders (two levels deep) and the image hosts under its own domain. */
export function ownedMediaOf(texts: Iterable<string>, domain: string | undefined): string[] {
  const folders = new Map<string, number>();
  const hosts = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(IMAGE)) {
      const src = (m[1] ?? m[2] ?? '').replace(/\{\{[^}]*\}\}/g, '').trim();
      if (/^https?:\/\//i.test(src)) {
        const host = safeHost(src);
        if (host && domain && registrableDomain(host) === domain) hosts.add(host);
      } else if (src.startsWith('/')) {
        const parts = posix.dirname(src).split('/').filter(Boolean).slice(0, 2);
        if (parts.length > 0) {
          const folder = `/${parts.join('/')}/**`;
          folders.set(folder, (folders.get(folder) ?? 0) + 1);
        }
      }
    }
  }
  return [
    ...[...folders]
      .filter(([, n]) => n >= 2)
      .map(([f]) => f)
      .sort(),
    ...[...hosts].sort(),
  ];
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** The unknown words of the site, from the spelling findings' spans, most frequent first. */
export function siteWords(
  findings: readonly EngineFinding[],
  source: (file: string) => string | undefined,
): SiteWord[] {
  const words = new Map<string, { count: number; posts: Set<string>; suggestion?: string }>();
  const lines = new Map<string, string[]>();
  for (const f of findings) {
    if (f.ruleId !== 'spelling/unknown-word' || f.endLine !== f.line) continue;
    if (!lines.has(f.file)) lines.set(f.file, (source(f.file) ?? '').split(/\r?\n/));
    const word = lines.get(f.file)?.[f.line - 1]?.slice(f.column - 1, f.endColumn - 1);
    if (!word) continue;
    const entry = words.get(word) ?? { count: 0, posts: new Set(), suggestion: f.suggestions[0] };
    entry.count++;
    entry.posts.add(f.file);
    words.set(word, entry);
  }
  return [...words]
    .map(([word, e]) => ({ word, count: e.count, posts: e.posts.size, suggestion: e.suggestion }))
    .sort((a, b) => b.count - a.count || b.posts - a.posts || a.word.localeCompare(b.word));
}

export function proposedConfig(options: {
  include: string[];
  siteRoot: string;
  ownedMedia: string[];
  domains: string[];
  generator?: string;
  date: Date;
}): string {
  const doc: Record<string, unknown> = {
    include: options.include,
    siteRoot: options.siteRoot,
    wordsFiles: [WORDS_FILE],
  };
  if (options.ownedMedia.length > 0) doc.ownedMedia = options.ownedMedia;
  if (options.domains.length > 0) doc.organization = { domains: options.domains };
  const head = [
    `# Proposed by content-gate init on ${options.date.toISOString().slice(0, 10)}${options.generator ? ` (a ${options.generator} site)` : ''}.`,
    '# Review it: the include globs cover the folders that hold posts, ownedMedia the images the site',
    "# hosts itself, organization.domains the site's own address. See the README for every key.",
  ];
  return `${head.join('\n')}\n${YAML.stringify(doc)}`;
}

/** Scans the whole site once (no request to other sites) and plans what `init` writes. */
export async function planInit(cwd: string, options: { baseline: boolean; now?: Date }): Promise<InitPlan> {
  const date = options.now ?? new Date();
  const existingConfig = findConfig(cwd);
  const result = await run({ cwd, configPath: existingConfig, offline: true, failOn: 'never' });
  const source = sourceReader(cwd);
  const tallies = tallyRules(result.findings, result.files.length);
  const facts = siteFacts(cwd);
  const host = facts.url ? safeHost(facts.url) : undefined;
  const domain = host ? registrableDomain(host) : undefined;
  const words = siteWords(result.findings, source);
  const config = proposedConfig({
    include: includeGlobs(result.files),
    siteRoot: facts.siteRoot,
    ownedMedia: ownedMediaOf(
      result.files.map((f) => source(f) ?? ''),
      domain,
    ),
    domains: domain ? [domain] : [],
    generator: facts.generator,
    date,
  });
  const existingText = existingConfig ? readFileSync(existingConfig, 'utf8') : undefined;
  const configName = existingConfig ? existingConfig.slice(cwd.length + 1) : '.content-gate.yml';
  const files = [
    {
      path: `${INIT_DIR}/init-report.md`,
      text: formatInitReport({
        tallies,
        findings: result.findings.length,
        posts: result.files.length,
        words: words.length,
        date,
        configWritten: existingText
          ? `the proposed config printed as a diff against ${configName} (it was not changed)`
          : 'the proposed `.content-gate.yml`',
      }),
    },
    { path: WORDS_FILE, text: formatWordList(words, date) },
  ];
  if (!existingText) files.push({ path: '.content-gate.yml', text: config });
  if (options.baseline) {
    files.push({ path: `${INIT_DIR}/baseline.json`, text: formatBaseline(result.findings, VERSION, date) });
  }
  const configDiff = existingText
    ? createTwoFilesPatch(configName, `${configName} (proposed)`, existingText, config)
    : undefined;
  const summary = `Checked ${result.files.length} posts: ${result.findings.length} findings in ${tallies.length} rules; ${words.length} unknown words listed.${options.baseline ? ` Baseline of ${new Set(result.findings.map((f) => f.fingerprint)).size} findings.` : ''}`;
  return { files, configDiff, summary };
}
