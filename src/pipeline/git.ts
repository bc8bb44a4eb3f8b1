import { execFileSync } from 'node:child_process';
import { UsageError } from '../core/errors.js';
import type { ChangedLines, ChangeHistory } from '../core/types.js';

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

/**
 * Each changed file's text at `ref` and the date it was first committed there, for the rules that
 * compare a post with its published version. A file new since `ref` has no entry. Throws a
 * UsageError naming the missing commit when the clone lacks it (a shallow checkout).
 */
export function changeHistory(
  cwd: string,
  ref: string,
  files: readonly string[],
  today: Date,
): ChangeHistory {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new UsageError(
      `The base commit ${ref.slice(0, 12)} is not in this clone, so edits cannot be compared with the published posts: fetch more history (actions/checkout with fetch-depth: 0).`,
    );
  }
  const renamed = new Map<string, string>();
  const status = git(cwd, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--name-status',
    '-z',
    '-M',
    '--relative',
    ref,
    '--',
  ]).split('\0');
  for (let i = 0; i < status.length - 1; ) {
    const code = status[i++] ?? '';
    if (code.startsWith('R') || code.startsWith('C')) {
      const from = status[i++] as string;
      renamed.set(status[i++] as string, from);
    } else i++;
  }
  const history: ChangeHistory = { base: ref, today: today.toISOString().slice(0, 10), files: {} };
  for (const file of files) {
    const before = renamed.get(file) ?? file;
    let previous: string;
    try {
      previous = git(cwd, ['show', `${ref}:./${before}`]);
    } catch {
      continue;
    }
    const dates = git(cwd, ['log', '--format=%aI', '--follow', ref, '--', before]).trim().split('\n');
    history.files[file] = { previous, firstCommitted: dates.at(-1) || undefined };
  }
  return history;
}
