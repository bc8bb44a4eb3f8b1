import { GITHUB_BODY_LIMIT } from '../report/markdown.js';
import type { GitHubApi } from './github.js';

/**
 * One tracking issue per purpose, found by its label and a hidden marker in its body, and updated in
 * place. The body may carry machine state (base64 JSON in the marker) so the next run can merge into it.
 */
export interface TrackingIssueSpec {
  owner: string;
  repo: string;
  /** e.g. `wiki-content` or `link-rot`. */
  label: string;
  /** A hidden marker unique to this purpose, e.g. `content-gate:wiki-content`. */
  marker: string;
  title: string;
}

export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  html_url?: string;
}

/** What the caller wants the issue to say, given what it said before (undefined: no issue yet). */
export interface TrackingUpdate<S> {
  body: string;
  state?: S;
  /** False when nothing is left to track: an existing issue is closed, none is created. */
  open: boolean;
}

export type TrackingResult =
  | { action: 'created' | 'updated' | 'reopened' | 'closed' | 'unchanged'; number: number }
  | { action: 'none' };

interface ApiIssue extends TrackedIssue {
  pull_request?: unknown;
  updated_at?: string;
}

const STATE_PATTERN = (marker: string) =>
  new RegExp(`<!-- ${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: state:([A-Za-z0-9+/=]*))? -->`);

/** The state a body carries, or undefined. */
export function readState<S>(body: string, marker: string): S | undefined {
  const m = STATE_PATTERN(marker).exec(body);
  if (!m?.[1]) return undefined;
  try {
    return JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as S;
  } catch {
    return undefined;
  }
}

/** The hidden marker line, with state when given. */
export function markerLine(marker: string, state?: unknown): string {
  if (state === undefined) return `<!-- ${marker} -->`;
  return `<!-- ${marker} state:${Buffer.from(JSON.stringify(state)).toString('base64')} -->`;
}

/** The tracking issue for this spec: an open one first, then the most recently updated. */
export async function findTrackingIssue(
  api: GitHubApi,
  spec: TrackingIssueSpec,
): Promise<TrackedIssue | undefined> {
  const issues = await api.paginate<ApiIssue>(
    `/repos/${spec.owner}/${spec.repo}/issues?state=all&labels=${encodeURIComponent(spec.label)}&sort=updated&direction=desc`,
    10,
  );
  const pattern = STATE_PATTERN(spec.marker);
  const ours = issues.filter((i) => !i.pull_request && pattern.test(i.body ?? ''));
  return ours.find((i) => i.state === 'open') ?? ours[0];
}

/** Creates, updates, reopens or closes the one tracking issue; never makes a second one. */
export async function keepTrackingIssue<S>(
  api: GitHubApi,
  spec: TrackingIssueSpec,
  update: (previous: { issue: TrackedIssue; state: S | undefined } | undefined) => TrackingUpdate<S>,
): Promise<TrackingResult> {
  const existing = await findTrackingIssue(api, spec);
  const next = update(existing && { issue: existing, state: readState<S>(existing.body ?? '', spec.marker) });
  const marker = markerLine(spec.marker, next.state);
  const body = `${marker}\n${clip(next.body, GITHUB_BODY_LIMIT - marker.length - 1)}`;
  const base = `/repos/${spec.owner}/${spec.repo}/issues`;
  if (!existing) {
    if (!next.open) return { action: 'none' };
    const created = await api.request<TrackedIssue>('POST', base, {
      title: spec.title,
      body,
      labels: [spec.label],
    });
    return { action: 'created', number: created.data.number };
  }
  const state = next.open ? 'open' : 'closed';
  if (existing.body === body && existing.state === state)
    return { action: 'unchanged', number: existing.number };
  await api.request('PATCH', `${base}/${existing.number}`, { body, state });
  const action = existing.state === state ? 'updated' : state === 'open' ? 'reopened' : 'closed';
  return { action, number: existing.number };
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}
