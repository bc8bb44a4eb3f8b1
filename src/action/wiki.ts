import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/types.js';
import type { GitHubApi, Logger } from './github.js';
import { publishTrackedPosts } from './tracked-posts.js';
import type { TrackingResult } from './tracking-issue.js';

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

/** Updates the one `wiki-content` tracking issue with the pages this event checked. */
export async function publishWikiIssue(
  api: GitHubApi,
  repo: { owner: string; repo: string },
  checked: ReadonlyMap<string, WikiPage>,
  findings: readonly Finding[],
): Promise<TrackingResult> {
  const posts = new Map(
    [...checked].map(([file, page]) => [
      file,
      { key: page.page_name, title: page.title ?? page.page_name, url: page.html_url },
    ]),
  );
  return publishTrackedPosts(
    api,
    {
      ...repo,
      label: WIKI_LABEL,
      marker: WIKI_MARKER,
      title: 'Wiki pages that need attention (Content Gate)',
    },
    { checked: posts, findings },
    {
      intro:
        'Content Gate checks wiki pages when they are edited. These pages need attention; fix them in the wiki and this issue updates itself.',
      allClear: 'All clear: every wiki page checked since this issue was opened is clean now.',
      unit: 'page',
    },
  );
}
