import { createHash } from 'node:crypto';
import { type Dirent, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors.js';
import { isInside } from './paths.js';

const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**', '**/.content-gate/**'];

export interface DiscoverOptions {
  cwd: string;
  paths: readonly string[];
  include: readonly string[];
  exclude: readonly string[];
  /** The repository: a symbolic link that leads outside it is never read. Default: `cwd`. */
  root?: string;
  /** Told of each included path that is not checked because it is a symbolic link out of `root`. */
  onSkipped?: (file: string, reason: string) => void;
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
    // Links are not followed while globbing (a link to / would make the walk the whole disk);
    // they are judged one by one instead.
    const globOptions = { cwd, dot: false, ignore: ALWAYS_EXCLUDED, followSymbolicLinks: false };
    for (const f of await glob([...include], globOptions)) if (keep(f)) found.add(f);
    const included = picomatch([...include]);
    const root = options.root ?? resolve(cwd);
    for (const link of symbolicLinks(cwd, keep)) {
      const target = resolve(cwd, link);
      const isFile = included(link);
      if (!isFile && !included(`${link}/post.md`) && !included(`${link}/x/post.md`)) continue;
      if (!isInside(root, target)) {
        options.onSkipped?.(link, OUTSIDE);
      } else if (isFile && existsSync(target) && statSync(target).isFile()) {
        found.add(link);
      }
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

/** Why a symbolic link out of the repository is not checked. */
export const OUTSIDE =
  'is a symbolic link to a place outside the repository, so it was not read or checked: commit the file itself.';

/** Why a file named on the command line from another repository is not checked. */
export const NOT_IN_REPOSITORY =
  'is outside the repository Content Gate runs in, so it was not read or checked: run the check from the repository that holds it.';

/** Symbolic links under `cwd` (posix, relative), outside always-excluded and ignored folders. */
function symbolicLinks(cwd: string, keep: (file: string) => boolean): string[] {
  const links: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 32) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(cwd, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) continue;
      if (entry.isSymbolicLink()) {
        if (keep(path)) links.push(path);
      } else if (entry.isDirectory() && keep(`${path}/`)) {
        walk(path, depth + 1);
      }
    }
  };
  walk('', 0);
  return links;
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

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
