import type { AddedSuppression } from '../core/engine.js';
import type { FailOn, Finding, Severity } from '../core/types.js';
import { annotationBatches, CHECK_RUN_NAME, checkConclusion, checkOutput } from '../report/check-run.js';
import { formatComment, STICKY_MARKER } from '../report/comment.js';
import { type LineLink, plural, severityOrder } from '../report/markdown.js';
import { STATUS_DESCRIPTION_LIMIT } from '../report/plain.js';
import {
  type DiffSide,
  type PostedComment,
  planSuggestions,
  reviewBody,
  type SuggestionCandidate,
} from '../report/review.js';
import { allRuleMetas } from '../rules/index.js';
import { type GitHubApi, GitHubError } from './github.js';
import type { CommentSetting } from './inputs.js';
import type { PullRequestDiff } from './pull-request.js';

export interface Repo {
  owner: string;
  repo: string;
}

/** Publishes every finding as an annotation of one "Content Gate" check run, 50 per request. */
export async function publishCheckRun(
  api: GitHubApi,
  target: Repo & { headSha: string },
  findings: readonly Finding[],
  files: number,
  failOn: FailOn,
  startedAt: string = new Date().toISOString(),
): Promise<{ id: number; url?: string }> {
  const base = `/repos/${target.owner}/${target.repo}/check-runs`;
  const output = checkOutput(findings, files, failOn);
  const conclusion = checkConclusion(findings, failOn);
  const batches = annotationBatches(findings);
  const first = batches[0] ?? [];
  // Taken as the completing request is sent, so it is never before `started_at`.
  const done = () => ({ status: 'completed', conclusion, completed_at: new Date().toISOString() });
  const created = await api.request<{ id: number; html_url?: string }>('POST', base, {
    name: CHECK_RUN_NAME,
    head_sha: target.headSha,
    started_at: startedAt,
    ...(batches.length <= 1 ? done() : { status: 'in_progress' }),
    output: { ...output, annotations: first },
  });
  const id = created.data.id;
  const run = { id, url: created.data.html_url };
  if (batches.length <= 1) return run;
  try {
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await api.request('PATCH', `${base}/${id}`, {
        ...(last ? done() : {}),
        output: { ...output, annotations: batches[i] },
      });
    }
  } catch (error) {
    // Never leave the check run in progress: close it, saying that some annotations are missing.
    await api.request('PATCH', `${base}/${id}`, {
      ...done(),
      output: {
        ...output,
        summary: `${output.summary}\n\nSome annotations could not be sent (${(error as Error).message}); every finding is in the job summary and the JSON report.`,
      },
    });
    throw error;
  }
  return run;
}

/** GitHub shows at most this many workflow-command annotations of each level per step. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

/**
 * The most severe findings that workflow-command annotations can show, and how many are left out.
 * `room` is what is left of each level's allowance once the step's other annotations are counted.
 */
export function fallbackAnnotations(
  findings: readonly Finding[],
  room: (level: Severity) => number = () => WORKFLOW_ANNOTATIONS_PER_LEVEL,
): { shown: Finding[]; omitted: number } {
  const sorted = [...findings].sort(severityOrder);
  const perLevel = { error: 0, warning: 0, notice: 0 };
  const shown: Finding[] = [];
  for (const f of sorted) {
    if (perLevel[f.severity] >= room(f.severity)) continue;
    perLevel[f.severity]++;
    shown.push(f);
  }
  return { shown, omitted: findings.length - shown.length };
}

interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string } | null;
}

/** Keeps the one sticky comment: edited in place, created only when there is something to say. */
export async function publishStickyComment(
  api: GitHubApi,
  target: Repo & { number: number },
  findings: readonly Finding[],
  options: {
    setting: CommentSetting;
    failed: boolean;
    files: number;
    link?: LineLink;
    moreAt?: string;
    /** The token's own login: a comment by anyone else is never edited, marker or not. */
    author: string;
    suppressions?: readonly AddedSuppression[];
    pageUrl?: string;
    editor?: { advisory: boolean; status: string };
  },
): Promise<'created' | 'updated' | 'unchanged' | 'skipped'> {
  if (options.setting === 'false') return 'skipped';
  const base = `/repos/${target.owner}/${target.repo}/issues`;
  const comments = await api.paginate<IssueComment>(`${base}/${target.number}/comments`);
  const existing = comments.find((c) => c.user?.login === options.author && c.body?.includes(STICKY_MARKER));
  const suppressions = options.suppressions ?? [];
  const body = formatComment(findings, {
    files: options.files,
    link: options.link,
    moreAt: options.moreAt,
    suppressions,
    metas: allRuleMetas,
    pageUrl: options.pageUrl,
    editor: options.editor,
  });
  if (existing) {
    if (existing.body === body) return 'unchanged';
    await api.request('PATCH', `${base}/comments/${existing.id}`, { body });
    return 'updated';
  }
  const wanted =
    options.setting === 'on-failure' ? options.failed : findings.length > 0 || suppressions.length > 0;
  if (!wanted) return 'skipped';
  await api.request('POST', `${base}/${target.number}/comments`, { body });
  return 'created';
}

interface ApiReviewComment {
  path: string;
  body?: string;
}

export interface ReviewOutcome {
  posted: number;
  alreadyPosted: number;
  overLimit: number;
}

/** Posts the suggested changes as ONE review (one content-creating request), only on diff lines. */
export async function publishSuggestions(
  api: GitHubApi,
  target: Repo & { number: number; headSha: string },
  candidates: readonly SuggestionCandidate[],
  diff: PullRequestDiff,
  max: number,
): Promise<ReviewOutcome> {
  const sideOf = (file: string): DiffSide | undefined => {
    const f = diff.files.get(file);
    return f?.hasPatch ? f : undefined;
  };
  const eligible = candidates.filter(
    (c) => c.safe && c.finding.suggestions.length === 1 && sideOf(c.finding.file),
  );
  if (eligible.length === 0 || max === 0) return { posted: 0, alreadyPosted: 0, overLimit: eligible.length };
  const base = `/repos/${target.owner}/${target.repo}/pulls/${target.number}`;
  const posted = (await api.paginate<ApiReviewComment>(`${base}/comments`)).map(
    (c): PostedComment => ({ path: c.path, body: c.body ?? '' }),
  );
  const plan = planSuggestions(eligible, sideOf, posted, max);
  if (plan.comments.length > 0) {
    await api.request('POST', `${base}/reviews`, {
      commit_id: target.headSha,
      event: 'COMMENT',
      body: reviewBody(plan),
      comments: plan.comments,
    });
  }
  return { posted: plan.comments.length, alreadyPosted: plan.alreadyPosted, overLimit: plan.overLimit };
}

/** A publishing problem in words for the log and the summary. */
export function describeFailure(what: string, error: unknown): string {
  if (error instanceof GitHubError && error.forbidden) {
    return `${what}: the token may not do this (${error.message}). Give the workflow the permission (see the documentation), or use the two-workflow pattern for forks.`;
  }
  return `${what}: ${(error as Error).message}`;
}

export function reviewNote(outcome: ReviewOutcome): string | undefined {
  const parts: string[] = [];
  if (outcome.posted > 0) parts.push(`${plural(outcome.posted, 'suggested change')} posted in one review`);
  if (outcome.alreadyPosted > 0) parts.push(`${outcome.alreadyPosted} already posted earlier`);
  if (outcome.overLimit > 0) parts.push(`${outcome.overLimit} over max-suggestions`);
  return parts.length > 0 ? `Suggestions: ${parts.join('; ')}.` : undefined;
}

export type StatusState = 'success' | 'failure' | 'error' | 'pending';

export interface CommitStatus {
  state: StatusState;
  description: string;
  /** The findings page when the workflow publishes one, else the check run or the workflow run. */
  targetUrl?: string;
  context: string;
}

/**
 * Sets the commit status CMS screens show (CloudCannon's publish requests read statuses, not check
 * runs). A token without `statuses: write` gets a note, not a failure.
 */
export async function publishCommitStatus(
  api: GitHubApi,
  target: Repo & { sha: string },
  status: CommitStatus,
): Promise<string> {
  try {
    await api.request('POST', `/repos/${target.owner}/${target.repo}/statuses/${target.sha}`, {
      state: status.state,
      description: status.description.slice(0, STATUS_DESCRIPTION_LIMIT),
      context: status.context,
      ...(status.targetUrl ? { target_url: status.targetUrl } : {}),
    });
    return `Commit status "${status.context}": ${status.state}, "${status.description}".`;
  } catch (error) {
    if (error instanceof GitHubError && (error.forbidden || error.status === 422)) {
      const why =
        error.status === 422
          ? `GitHub refused it (${error.message})`
          : "the token lacks the statuses: write permission; add it to the workflow's permissions to show the result in a CMS";
      throw new Error(`The commit status "${status.context}" was not set: ${why}.`);
    }
    throw error;
  }
}
