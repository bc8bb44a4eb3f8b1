import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import { cell, countLine, escapeMarkdown, plural, SEVERITY_ICON } from '../report/markdown.js';
import type { GitHubApi, Logger } from './github.js';
import { keepTrackingIssue, type TrackingResult } from './tracking-issue.js';

/** One page of a `gollum` event. */
export interface WikiPage {
  page_name: string;
  title?: string;
  action?: string;
  sha?: string;
  html_url?: string;
}

export const WIKI_LABEL = 'wiki-content';
export const WIKI_MARKER = 'content-gate:wiki-content';
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
/** Findings kept per page in the issue's state, so the body stays under GitHub's limit. */
const FINDINGS_PER_PAGE = 10;
const MESSAGE_CHARS = 200;

export function wikiPages(payload: Record<string, unknown>): WikiPage[] {
  const pages = payload.pages;
  if (!Array.isArray(pages)) return [];
  return pages.filter(
    (p): p is WikiPage => typeof p === 'object' && p !== null && typeof p.page_name === 'string',
  );
}

/** Clones the repository's wiki (shallow) and returns the folder. The token goes in a header, never the URL. */
export function cloneWiki(
  serverUrl: string,
  owner: string,
  repo: string,
  token: string,
  tempDir: string,
): string {
  const dir = mkdtempSync(join(tempDir, 'content-gate-wiki-'));
  const url = `${serverUrl}/${owner}/${repo}.wiki.git`;
  const auth =
    token && /^https?:/.test(serverUrl)
      ? [
          '-c',
          `http.extraheader=AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`,
        ]
      : [];
  try {
    execFileSync('git', [...auth, 'clone', '--quiet', '--depth', '1', url, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new UsageError(
      `The wiki ${url} could not be cloned${stderr ? ` (${stderr})` : ''}. Does the repository have a wiki, and may the token read it?`,
    );
  }
  return dir;
}

/** The Markdown files of the listed pages (a page's file is its name plus .md or .markdown). */
export function pageFiles(dir: string, pages: readonly WikiPage[], log: Logger): Map<string, WikiPage> {
  const tracked = execFileSync('git', ['-c', 'core.quotePath=false', 'ls-files', '-z'], {
    cwd: dir,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  const files = new Map<string, WikiPage>();
  for (const page of pages) {
    const match = tracked.find((f) => {
      const ext = extname(f).toLowerCase();
      return MARKDOWN_EXTENSIONS.has(ext) && basename(f, extname(f)) === page.page_name;
    });
    if (match) files.set(match, page);
    else log.info(`Wiki page "${page.page_name}" has no Markdown file in the wiki repository; skipped.`);
  }
  return files;
}

interface PageState {
  title: string;
  url?: string;
  total: number;
  findings: Pick<Finding, 'severity' | 'ruleId' | 'line' | 'message'>[];
}

export interface WikiState {
  pages: Record<string, PageState>;
}

/** Merges this run's pages into the issue's state: checked pages are replaced, clean ones dropped. */
export function mergeWikiState(
  previous: WikiState | undefined,
  checked: ReadonlyMap<string, WikiPage>,
  findings: readonly Finding[],
): WikiState {
  const pages: Record<string, PageState> = { ...(previous?.pages ?? {}) };
  for (const [file, page] of checked) {
    const own = findings.filter((f) => f.file === file);
    if (own.length === 0) {
      delete pages[page.page_name];
      continue;
    }
    pages[page.page_name] = {
      title: page.title ?? page.page_name,
      url: page.html_url,
      total: own.length,
      findings: own.slice(0, FINDINGS_PER_PAGE).map((f) => ({
        severity: f.severity,
        ruleId: f.ruleId,
        line: f.line,
        message: f.message.length > MESSAGE_CHARS ? `${f.message.slice(0, MESSAGE_CHARS - 1)}…` : f.message,
      })),
    };
  }
  return { pages };
}

export function formatWikiIssue(state: WikiState): string {
  const names = Object.keys(state.pages).sort();
  if (names.length === 0)
    return '✅ All clear: every wiki page checked since this issue was opened is clean now.\n';
  const lines = [
    'Content Gate checks wiki pages when they are edited. These pages need attention; fix them in the wiki and this issue updates itself.',
    '',
  ];
  for (const name of names) {
    const page = state.pages[name] as PageState;
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
  lines.push(`_${plural(names.length, 'page')} to fix._`);
  return `${lines.join('\n')}\n`;
}

/** Updates the one `wiki-content` tracking issue with the pages this event checked. */
export async function publishWikiIssue(
  api: GitHubApi,
  repo: { owner: string; repo: string },
  checked: ReadonlyMap<string, WikiPage>,
  findings: readonly Finding[],
): Promise<TrackingResult> {
  return keepTrackingIssue<WikiState>(
    api,
    {
      ...repo,
      label: WIKI_LABEL,
      marker: WIKI_MARKER,
      title: 'Wiki pages that need attention (Content Gate)',
    },
    (previous) => {
      const state = mergeWikiState(previous?.state, checked, findings);
      return { body: formatWikiIssue(state), state, open: Object.keys(state.pages).length > 0 };
    },
  );
}
