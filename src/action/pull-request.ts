import type { ChangedLines } from '../core/types.js';
import type { GitHubApi, Logger } from './github.js';

/** One file of a pull request's diff, on its new (RIGHT) side. */
export interface DiffFile {
  file: string;
  previous?: string;
  status: string;
  /** Lines the pull request added or changed, with their text. */
  added: Map<number, string>;
  /** Every new-side line inside a hunk (added and context): review comments may only go there. */
  inDiff: Set<number>;
  /** False when GitHub sent no patch (too large or binary): every line counts as changed. */
  hasPatch: boolean;
}

export interface PullRequestDiff {
  files: Map<string, DiffFile>;
}

interface ApiFile {
  filename: string;
  previous_filename?: string;
  status: string;
  patch?: string;
}

/** Parses one file's unified-diff `patch` (as the pull request files API returns it). */
export function parsePatch(patch: string): { added: Map<number, string>; inDiff: Set<number> } {
  const added = new Map<number, string>();
  const inDiff = new Set<number>();
  let line = 0;
  let inHunk = false;
  for (const raw of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk || raw.startsWith('\\')) continue;
    const text = raw.slice(1).replace(/\r$/, '');
    if (raw.startsWith('+')) {
      added.set(line, text);
      inDiff.add(line++);
    } else if (raw.startsWith(' ') || raw === '') {
      inDiff.add(line++);
    }
    // '-' lines exist only on the old side.
  }
  return { added, inDiff };
}

/** The pull request's changed files and lines, from the files API (renames follow the new name). */
export async function pullRequestDiff(
  api: GitHubApi,
  owner: string,
  repo: string,
  number: number,
  log: Logger,
): Promise<PullRequestDiff> {
  const listed = await api.paginate<ApiFile>(`/repos/${owner}/${repo}/pulls/${number}/files`);
  if (listed.length >= 3000) {
    log.warning('This pull request changes 3,000 files or more; GitHub lists only the first 3,000.');
  }
  const files = new Map<string, DiffFile>();
  for (const f of listed) {
    if (f.status === 'removed') continue;
    const hasPatch = typeof f.patch === 'string';
    const parsed = hasPatch ? parsePatch(f.patch as string) : { added: new Map(), inDiff: new Set<number>() };
    if (!hasPatch && f.status !== 'renamed') {
      log.info(`${f.filename}: GitHub sent no diff for it (too large); all of its lines count as changed.`);
    }
    files.set(f.filename, {
      file: f.filename,
      previous: f.previous_filename,
      status: f.status,
      hasPatch: hasPatch || f.status === 'renamed',
      ...parsed,
    });
  }
  return { files };
}

/** Changed lines for the pipeline: `changedOnly` limits findings to added lines, else whole files. */
export function toChangedLines(diff: PullRequestDiff, changedOnly: boolean): ChangedLines {
  const changed: ChangedLines = new Map();
  for (const f of diff.files.values()) {
    changed.set(f.file, changedOnly && f.hasPatch ? new Set(f.added.keys()) : 'all');
  }
  return changed;
}
