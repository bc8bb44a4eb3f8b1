import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { CONFIG_NAMES, type ConfigSource, MAX_CONFIG_BYTES } from './load.js';

/** The config a commit holds (`source` undefined when it holds none), to check a change with. */
export interface BaseConfig {
  ref: string;
  source: ConfigSource | undefined;
}

/** Reads one file of a commit: its text, or undefined when the commit has no such file. */
export type CommitReader = (path: string) => string | undefined | Promise<string | undefined>;

/**
 * The config of commit `ref`, found the way `findConfig` finds the workspace's: the `explicit`
 * path, else the first of CONFIG_NAMES in `cwd` or a folder above it, up to `root`.
 */
export async function configAtCommit(
  cwd: string,
  root: string,
  ref: string,
  explicit: string | undefined,
  read: CommitReader,
): Promise<BaseConfig> {
  const candidates = explicit ? [resolve(cwd, explicit)] : candidatePaths(cwd, root);
  for (const path of candidates) {
    const inRepo = relative(root, path).split(sep).join('/');
    if (inRepo.startsWith('..')) continue;
    const text = await read(inRepo);
    if (text !== undefined) return { ref, source: { path, text, ref } };
  }
  return { ref, source: undefined };
}

function candidatePaths(cwd: string, root: string): string[] {
  const out: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) out.push(join(dir, name));
    if (dir === root || relative(root, dir).startsWith('..')) return out;
    const up = dirname(dir);
    if (up === dir) return out;
    dir = up;
  }
}

/** Reads files of `ref` from the local clone; throws a UsageError when the commit is not there. */
export function gitCommitReader(root: string, ref: string, flag: string): CommitReader {
  if (ref.startsWith('-')) throw new UsageError(`${flag}: "${ref}" is not a commit, branch or tag.`);
  const git = (args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 2 * MAX_CONFIG_BYTES,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new MissingCommitError(flag, ref);
  }
  return (path) => {
    try {
      git(['cat-file', '-e', `${ref}:${path}`]);
    } catch {
      return undefined;
    }
    if (Number(git(['cat-file', '-s', `${ref}:${path}`]).trim()) > MAX_CONFIG_BYTES) {
      // parseConfig refuses it by size; a few bytes over the limit say so without reading it all.
      return ' '.repeat(MAX_CONFIG_BYTES + 1);
    }
    return git(['show', `${ref}:${path}`]);
  };
}

/** The commit a config must come from is not in this clone (a shallow checkout). */
export class MissingCommitError extends UsageError {
  constructor(flag: string, ref: string) {
    super(
      `${flag}: the commit "${ref}" is not in this clone, so its config cannot be read. Fetch it first (git fetch origin ${ref}), or check out with enough history (actions/checkout with fetch-depth: 0).`,
    );
  }
}
