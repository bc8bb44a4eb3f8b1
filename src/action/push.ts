import { execFileSync } from 'node:child_process';
import type { ChangedLines } from '../core/types.js';
import type { ActionContext } from './github.js';
import type { ActionInputs } from './inputs.js';

/** The parts of a `push` event payload push mode reads. */
export interface PushPayload {
  ref?: string;
  before?: string;
  after?: string;
  forced?: boolean;
  repository?: { default_branch?: string };
}

/** What a push to the publishing branch changed: the posts to check and the posts it removed. */
export interface PushChanges {
  /** Undefined: every included post (a first push, or a `before` this clone does not have). */
  changed?: ChangedLines;
  removed: string[];
  note?: string;
}

const NO_COMMIT = /^0+$/;

/** The publishing branch when this event is a push to it; undefined otherwise. */
export function publishPushBranch(inputs: ActionInputs, context: ActionContext): string | undefined {
  if (context.eventName !== 'push') return undefined;
  const payload = context.payload as PushPayload;
  const branch = inputs.publishBranch ?? payload.repository?.default_branch;
  if (!branch || payload.ref !== `refs/heads/${branch}`) return undefined;
  return branch;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function hasCommit(cwd: string, sha: string): boolean {
  try {
    git(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The files `before..after` changed, from the clone. A force push is compared with what was live
 * before it (the trees, not the history), so rewritten commits are not missed.
 */
export function pushChanges(workspace: string, payload: PushPayload): PushChanges {
  const before = payload.before ?? '';
  const after = payload.after && !NO_COMMIT.test(payload.after) ? payload.after : 'HEAD';
  if (!before || NO_COMMIT.test(before)) {
    return { removed: [], note: 'This is the branch’s first push: every included post was checked.' };
  }
  if (!hasCommit(workspace, before) || !hasCommit(workspace, after)) {
    const missing = hasCommit(workspace, before) ? after : before;
    return {
      removed: [],
      note: `The push's ${missing === before ? 'previous' : 'new'} commit ${missing.slice(0, 7)} is not in this clone (${payload.forced ? 'the push was forced, or ' : ''}the checkout is shallow: set fetch-depth: 0 on actions/checkout); every included post was checked instead.`,
    };
  }
  const fields = git(workspace, ['diff', '--name-status', '-z', '-M', before, after, '--']).split('\0');
  const changed: ChangedLines = new Map();
  const removed: string[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++] as string;
      const to = fields[i++] as string;
      if (status.startsWith('R')) removed.push(from);
      changed.set(to, 'all');
    } else {
      const file = fields[i++] as string;
      if (status === 'D') removed.push(file);
      else changed.set(file, 'all');
    }
  }
  return { changed, removed };
}
