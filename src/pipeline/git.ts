import { execFileSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';
import type { ChangedLines } from '../core/types.js';

/** Changed lines per file (relative to cwd, posix); `'all'` for new and untracked files. */

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Files changed since `ref` (committed, staged, unstaged and untracked) and the lines of their
 * current text that were added or changed. Renames follow the new name.
 */
export function changedSince(cwd: string, ref: string): ChangedLines {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(`--changed-since: "${ref}" is not a commit, branch or tag in this repository.`);
  }
  const diff = git(cwd, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--no-color',
    '--no-ext-diff',
    '-U0',
    '-M',
    '--relative',
    ref,
    '--',
  ]);
  const changed = parseUnifiedDiff(diff);
  const untracked = git(cwd, [
    '-c',
    'core.quotePath=false',
    'ls-files',
    '--others',
    '--exclude-standard',
    '-z',
  ])
    .split('\0')
    .filter(Boolean);
  for (const file of untracked) changed.set(file, 'all');
  return changed;
}

/** Parses `git diff -U0` output into the new-side line numbers of each file. */
export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | 'all' | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const name = line.slice(4).trim();
      if (name === '/dev/null') {
        current = undefined;
        continue;
      }
      const file = unquote(name).replace(/^b\//, '');
      current = changed.get(file) ?? new Set<number>();
      changed.set(file, current);
    } else if (line.startsWith('@@') && current instanceof Set) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!m) continue;
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  return changed;
}

function unquote(name: string): string {
  if (!name.startsWith('"')) return name;
  try {
    return JSON.parse(name) as string;
  } catch {
    return name.slice(1, -1);
  }
}
