import type { GitHubApi } from './github.js';
import type { ActionInputs } from './inputs.js';

/** Decap CMS's editorial workflow labels (and Netlify CMS's, its former name). */
const STATUS_LABEL = /^(?:decap-cms|netlify-cms)\/(draft|pending_review|pending_publish)$/;

export type EntryStatus = 'draft' | 'pending_review' | 'pending_publish';

/** A pull request a CMS opened for an editor, as far as its branch and labels tell. */
export interface CmsEntry {
  /** Undefined when the labels could not be read or carry no status. */
  status?: EntryStatus;
  /** Why the status is unknown, for the log and the summary. */
  note?: string;
}

interface LabelledPull {
  number: number;
  head: { ref?: string };
  labels?: { name?: string }[];
}

export function statusOfLabels(names: readonly string[]): EntryStatus | undefined {
  for (const name of names) {
    const m = STATUS_LABEL.exec(name);
    if (m) return m[1] as EntryStatus;
  }
  return undefined;
}

/**
 * Recognises a CMS editorial-workflow pull request by its branch (`cms/<collection>/<slug>`) or a
 * `decap-cms/` label. The event's labels are read first, then the labels API when the event has none.
 */
export async function cmsEntryOf(
  pr: LabelledPull,
  inputs: ActionInputs,
  api: GitHubApi,
  repo: { owner: string; repo: string },
): Promise<CmsEntry | undefined> {
  let names = (pr.labels ?? []).map((l) => l.name ?? '');
  const byBranch = Boolean(pr.head.ref?.startsWith(inputs.cmsBranchPrefix));
  if (!byBranch && statusOfLabels(names) === undefined) return undefined;
  if (names.length === 0 && inputs.token) {
    try {
      const { data } = await api.request<{ name: string }[]>(
        'GET',
        `/repos/${repo.owner}/${repo.repo}/issues/${pr.number}/labels`,
      );
      names = data.map((l) => l.name);
    } catch (error) {
      return {
        note: `The pull request's labels could not be read (${(error as Error).message}), so its CMS status is unknown: findings block it as on any pull request.`,
      };
    }
  }
  return { status: statusOfLabels(names) };
}

/** With `block-when: ready`, an entry blocks only once the editor marks it ready to publish. */
export function isAdvisory(entry: CmsEntry | undefined, inputs: ActionInputs): boolean {
  return inputs.blockWhen === 'ready' && entry?.status !== undefined && entry.status !== 'pending_publish';
}

export function statusInWords(status: EntryStatus | undefined): string {
  if (status === 'draft') return 'a draft';
  if (status === 'pending_review') return 'in review';
  if (status === 'pending_publish') return 'ready to publish';
  return 'an entry from the CMS';
}
