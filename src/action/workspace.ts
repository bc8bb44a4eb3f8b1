import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { sourceReader } from '../core/read.js';
import { type RunResult, run as runPipeline } from '../pipeline/run.js';
import { formatHtml } from '../report/html.js';
import { formatJson } from '../report/json.js';
import { blobLink, type LineLink } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { allRuleMetas } from '../rules/index.js';
import { VERSION } from '../version.js';
import { baseConfigOf, baseRefOf } from './base-config.js';
import { restoreRunCache, saveRunCache } from './cache.js';
import { cmsEntryOf, isAdvisory, statusInWords } from './cms.js';
import { type ActionContext, type GitHubApi, publishLinkRot } from './github.js';
import type { ActionInputs } from './inputs.js';
import { describeFailure } from './publish.js';
import { PUBLISH_CONTEXT_FILE, type PublishContext, type PullRequestPayload } from './publish-mode.js';
import { type PullRequestDiff, pullRequestDiff, toChangedLines } from './pull-request.js';
import { type PushChanges, type PushPayload, publishPushBranch, pushChanges } from './push.js';
import { type ActionIO, configFor, finish, publishAll, writeFileIn } from './steps.js';
import { publishTrackedPosts } from './tracked-posts.js';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** Label of the tracking issue of each publishing branch. */
export const PUSH_LABEL = 'content-gate';

/** `check` and `link-rot` on the checked-out workspace; on pull requests, only what the pull request changed. */
export async function checkWorkspace(
  given: ActionInputs,
  context: ActionContext,
  api: GitHubApi,
  io: ActionIO,
  reportPath: string,
  mode: 'check' | 'link-rot',
): Promise<void> {
  let inputs = given;
  const notes: string[] = [];
  const say = (text: string, level: 'info' | 'warning' = 'warning') => {
    io[level](text);
    notes.push(text);
  };
  const repo = { owner: context.owner, repo: context.repo };
  const pr = PULL_REQUEST_EVENTS.has(context.eventName)
    ? (context.payload.pull_request as PullRequestPayload | undefined)
    : undefined;
  let diff: PullRequestDiff | undefined;
  if (pr && context.eventName === 'pull_request_target') {
    const note = checkedOutHeadNote(context.workspace, pr.head.sha);
    if (note) {
      io.warning(note);
      notes.push(note);
    }
  }
  if (pr && mode === 'check') {
    try {
      diff = await pullRequestDiff(api, context.owner, context.repo, pr.number, io);
    } catch (error) {
      const note = `${describeFailure('Reading the pull request diff failed', error)} Every included file was checked instead.`;
      io.warning(note);
      notes.push(note);
    }
  }
  const pushBranch = mode === 'check' ? publishPushBranch(inputs, context) : undefined;
  const push = pushBranch ? pushChanges(context.workspace, context.payload as PushPayload) : undefined;
  if (push?.note) say(push.note, 'info');
  const dispatched = mode === 'check' ? dispatchedPath(context) : undefined;
  const cms = pr && mode === 'check' ? await cmsEntryOf(pr, inputs, api, repo) : undefined;
  if (cms?.note) say(cms.note);
  if (isAdvisory(cms, inputs)) {
    say(
      `This CMS entry is ${statusInWords(cms?.status)}: with block-when: ready, its findings do not fail the check until it is marked ready to publish.`,
      'info',
    );
    inputs = { ...inputs, failOn: 'never' };
  }
  const baseRef = baseRefOf(inputs, context, pr);
  const baseConfig = baseRef ? await baseConfigOf(baseRef, inputs, context, api) : undefined;
  await restoreRunCache(io);
  const result = await runPipeline({
    cwd: context.workspace,
    root: context.workspace,
    baseConfig,
    paths: dispatched ? [dispatched] : inputs.paths,
    configPath: configFor(inputs, context.workspace),
    offline: inputs.offline,
    mode,
    failOn: inputs.failOn,
    changedLines: diff ? toChangedLines(diff, inputs.changedOnly ?? true) : push?.changed,
    historyBase: diff ? pr?.base.sha : push?.changed ? (context.payload as PushPayload).before : undefined,
  });
  for (const d of result.diagnostics) io.warning(`${d.file ? `${d.file}: ` : ''}${d.message}`);
  await saveRunCache(io, context.runId);

  await writeFileIn(reportPath, formatJson(result.report));
  if (pr) {
    const publishContext: PublishContext = {
      pullRequest: pr.number,
      headSha: pr.head.sha,
      safeSuggestions: result.findings.flatMap((f, i) => (f.fix?.safe ? [i] : [])),
    };
    await writeFileIn(
      join(dirname(reportPath), PUBLISH_CONTEXT_FILE),
      `${JSON.stringify(publishContext, null, 2)}\n`,
    );
  }
  if (inputs.sarifFile) {
    await writeFileIn(
      resolve(context.workspace, inputs.sarifFile),
      formatSarif(result.findings, allRuleMetas, VERSION),
    );
  }
  io.info(formatText(result.findings, result.report.summary, undefined, { diagnostics: result.diagnostics }));

  const headSha = pr?.head.sha ?? context.sha;
  const link = blobLink(context.serverUrl, context.owner, context.repo, headSha);
  const page = inputs.htmlReport ? await writeHtmlReport(inputs, context, result, link) : undefined;
  const fork = pr !== undefined && context.eventName === 'pull_request' && isFork(pr);
  let checkRunPublished = false;
  let appendix: string | undefined;
  if (mode === 'link-rot') {
    appendix = await publishLinkRot(inputs.token ? api : undefined, context, result, io);
  } else if (!inputs.publish) {
    notes.push(
      'publish is false: the findings are in this summary, the annotations and the JSON report only.',
    );
  } else if (!inputs.token) {
    notes.push('No github-token was given, so nothing was published to GitHub.');
  } else if (fork) {
    notes.push(
      'This pull request comes from a fork, whose token is read-only: no check run, comment or suggestions. Use the two-workflow pattern (mode: publish) to publish them.',
    );
  } else {
    checkRunPublished = await publishAll(api, io, notes, {
      context,
      inputs,
      headSha,
      pullNumber: pr?.number,
      diff,
      findings: result.findings,
      candidates: result.findings.map((finding) => ({ finding, safe: finding.fix?.safe === true })),
      files: result.files.length,
      link,
      suppressions: result.suppressions,
      pageUrl: inputs.reportUrl,
      editor: cms && {
        advisory: isAdvisory(cms, inputs) || inputs.failOn === 'never',
        status: statusInWords(cms.status),
      },
    });
    if (pushBranch && push) {
      await trackPush(api, context, pushBranch, push, result, link, say);
    }
  }
  await finish(io, inputs, context, {
    report: result.report,
    findings: result.findings,
    reportPath,
    notes,
    link,
    annotated: checkRunPublished,
    appendix,
    suppressions: result.suppressions,
    page,
  });
}

/** `workflow_dispatch` with a `path` input (a CMS's "Check this post" button): that post only. */
export function dispatchedPath(context: ActionContext): string | undefined {
  if (context.eventName !== 'workflow_dispatch') return undefined;
  const path = (context.payload.inputs as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' && path.trim() ? path.trim() : undefined;
}

async function writeHtmlReport(
  inputs: ActionInputs,
  context: ActionContext,
  result: RunResult,
  link: LineLink,
): Promise<{ url?: string; path: string }> {
  const path = resolve(context.workspace, inputs.htmlReport as string);
  const html = formatHtml({
    findings: result.findings,
    files: result.files,
    metas: allRuleMetas,
    link,
    source: sourceReader(context.workspace),
  });
  await writeFileIn(path, html);
  return { url: inputs.reportUrl, path: relative(context.workspace, path) };
}

/** The publishing branch's tracking issue: the posts this push checked replace their entries. */
async function trackPush(
  api: GitHubApi,
  context: ActionContext,
  branch: string,
  push: PushChanges,
  result: RunResult,
  link: LineLink,
  say: (text: string, level?: 'info' | 'warning') => void,
): Promise<void> {
  const checked = new Map(
    result.files.map((file) => [
      file,
      { key: file, title: file, url: link(file, 1, 1)?.replace(/#L1$/, '') },
    ]),
  );
  try {
    const outcome = await publishTrackedPosts(
      api,
      {
        owner: context.owner,
        repo: context.repo,
        label: PUSH_LABEL,
        marker: `content-gate:push:${branch}`,
        title: `Published posts on ${branch} that need attention (Content Gate)`,
      },
      { checked, findings: result.findings, removed: push.removed },
      {
        intro: `Content Gate checks the posts each push to \`${branch}\` changes. These published posts need attention; fix them and this issue updates itself, and closes when all are clean.`,
        allClear: `All clear: every post on \`${branch}\` listed here is clean now.`,
        unit: 'post',
      },
    );
    say(
      outcome.action === 'none'
        ? `No post on ${branch} needs attention; no tracking issue was opened.`
        : `Tracking issue #${outcome.number} (label ${PUSH_LABEL}) for ${branch}: ${outcome.action}.`,
      'info',
    );
  } catch (error) {
    say(describeFailure(`The tracking issue for ${branch} could not be updated`, error));
  }
}

/**
 * `pull_request_target` runs check out the base branch by default, so the files would not be the
 * pull request's: say so rather than report on the wrong text.
 */
function checkedOutHeadNote(workspace: string, headSha: string): string | undefined {
  let checkedOut: string;
  try {
    checkedOut = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: workspace,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return undefined;
  }
  if (checkedOut === headSha) return undefined;
  return `The workspace is at ${checkedOut.slice(0, 7)}, not the pull request's head ${headSha.slice(0, 7)}: the findings describe the checked-out files. Prefer the two-workflow pattern (mode: publish) to pull_request_target.`;
}

function isFork(pr: PullRequestPayload): boolean {
  const head = pr.head.repo?.full_name;
  return head === undefined || head !== pr.base.repo?.full_name;
}
