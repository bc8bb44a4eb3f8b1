import type { Finding } from '../core/types.js';
import { cell, countLine, escapeMarkdown, plural, SEVERITY_ICON } from '../report/markdown.js';
import { keepTrackingIssue, type TrackingIssueSpec, type TrackingResult } from './tracking-issue.js';

/**
 * The posts a tracking issue lists (wiki pages, posts on the publishing branch): each run replaces
 * the posts it checked, drops the clean and removed ones, and keeps the rest as they were.
 */
export interface TrackedPost {
  title: string;
  url?: string;
  total: number;
  findings: Pick<Finding, 'severity' | 'ruleId' | 'line' | 'message'>[];
}

export interface TrackedPosts {
  pages: Record<string, TrackedPost>;
}

/** What a run checked: the issue's key for each file, and how to show it. */
export interface CheckedPost {
  key: string;
  title: string;
  url?: string;
}

/** Findings kept per post in the issue's state, so the body stays under GitHub's limit. */
const FINDINGS_PER_POST = 10;
const MESSAGE_CHARS = 200;

export function mergeTrackedPosts(
  previous: TrackedPosts | undefined,
  checked: ReadonlyMap<string, CheckedPost>,
  findings: readonly Finding[],
  removed: readonly string[] = [],
): TrackedPosts {
  const pages: Record<string, TrackedPost> = { ...(previous?.pages ?? {}) };
  for (const key of removed) delete pages[key];
  for (const [file, post] of checked) {
    const own = findings.filter((f) => f.file === file);
    if (own.length === 0) {
      delete pages[post.key];
      continue;
    }
    pages[post.key] = {
      title: post.title,
      url: post.url,
      total: own.length,
      findings: own.slice(0, FINDINGS_PER_POST).map((f) => ({
        severity: f.severity,
        ruleId: f.ruleId,
        line: f.line,
        message: f.message.length > MESSAGE_CHARS ? `${f.message.slice(0, MESSAGE_CHARS - 1)}…` : f.message,
      })),
    };
  }
  return { pages };
}

export interface TrackedPostsText {
  intro: string;
  allClear: string;
  /** "page", "post": the unit counted at the end. */
  unit: string;
}

export function formatTrackedPosts(state: TrackedPosts, text: TrackedPostsText): string {
  const names = Object.keys(state.pages).sort();
  if (names.length === 0) return `✅ ${text.allClear}\n`;
  const lines = [text.intro, ''];
  for (const name of names) {
    const page = state.pages[name] as TrackedPost;
    const title = page.url ? `[${escapeMarkdown(page.title)}](${page.url})` : escapeMarkdown(page.title);
    lines.push(
      `### ${title}`,
      '',
      `${countLine(page.findings)}${page.total > page.findings.length ? ` (first ${page.findings.length} of ${page.total} shown)` : ''}`,
      '',
    );
    for (const f of page.findings) {
      lines.push(
        `- ${SEVERITY_ICON[f.severity]} line ${f.line} \`${cell(f.ruleId)}\` ${escapeMarkdown(f.message)}`,
      );
    }
    lines.push('');
  }
  lines.push(`_${plural(names.length, text.unit)} to fix._`);
  return `${lines.join('\n')}\n`;
}

/** Keeps one tracking issue listing posts: updated in place, closed when the last post is clean. */
export async function publishTrackedPosts(
  api: Parameters<typeof keepTrackingIssue>[0],
  spec: TrackingIssueSpec,
  change: { checked: ReadonlyMap<string, CheckedPost>; findings: readonly Finding[]; removed?: string[] },
  text: TrackedPostsText,
): Promise<TrackingResult> {
  return keepTrackingIssue<TrackedPosts>(api, spec, (previous) => {
    const state = mergeTrackedPosts(previous?.state, change.checked, change.findings, change.removed);
    return { body: formatTrackedPosts(state, text), state, open: Object.keys(state.pages).length > 0 };
  });
}
