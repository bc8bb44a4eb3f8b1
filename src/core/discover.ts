import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../config/errors.js';

const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.content-gate/**'];

export interface DiscoverOptions {
  cwd: string;
  paths: readonly string[];
  include: readonly string[];
  exclude: readonly string[];
}

/** Posix-style path relative to the working folder, as findings show it. */
export function toRelative(cwd: string, absolute: string): string {
  return relative(cwd, absolute).split(sep).join('/');
}

/**
 * The files to check, relative to cwd and sorted: the given files, folders and globs, or the
 * config's include globs; minus excludes and .gitignored files. A named file is always checked.
 */
export async function discoverFiles(options: DiscoverOptions): Promise<string[]> {
  const { cwd, include, exclude } = options;
  const ignored = gitignore(cwd);
  const excluded = picomatch([...ALWAYS_EXCLUDED, ...exclude], { dot: true });
  const keep = (file: string) => !excluded(file) && !ignored.ignores(file);
  const found = new Set<string>();

  if (options.paths.length === 0) {
    for (const f of await glob([...include], { cwd, dot: false, ignore: ALWAYS_EXCLUDED })) {
      if (keep(f)) found.add(f);
    }
  }
  for (const path of options.paths) {
    const absolute = resolve(cwd, path);
    if (existsSync(absolute) && statSync(absolute).isFile()) {
      found.add(toRelative(cwd, absolute));
    } else if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      const patterns = include.map((p) =>
        join(toRelative(cwd, absolute) || '.', p.replace(/^\*\*\//, '**/')),
      );
      for (const f of await glob(patterns.map(posix), { cwd, ignore: ALWAYS_EXCLUDED })) {
        if (keep(f)) found.add(f);
      }
    } else if (isDynamicPattern(path)) {
      for (const f of await glob([posix(path)], { cwd, ignore: ALWAYS_EXCLUDED })) if (keep(f)) found.add(f);
    } else {
      throw new UsageError(`${path}: no such file or folder.`);
    }
  }
  return [...found].sort();
}

function posix(p: string): string {
  return p.split(sep).join('/');
}

function gitignore(cwd: string): Ignore {
  const ig = ignore();
  const file = join(cwd, '.gitignore');
  if (existsSync(file)) ig.add(readFileSync(file, 'utf8'));
  return ig;
}

/** Whether a file belongs to shard `index` of `count` (1-based): stable as files come and go. */
export function inShard(file: string, index: number, count: number): boolean {
  const hash = createHash('sha1').update(file).digest().readUInt32BE(0);
  return (hash % count) + 1 === index;
}
