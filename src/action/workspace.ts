import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { run as runPipeline } from '../pipeline/run.js';
import { formatJson } from '../report/json.js';
import { blobLink } from '../report/markdown.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { allRuleMetas } from '../rules/index.js';
import { VERSION } from '../version.js';
import { baseConfigOf, baseRefOf } from './base-config.js';
import { restoreRunCache, saveRunCache } from './cache.js';
import { type ActionContext, type GitHubApi, publishLinkRot } from './github.js';
import type { ActionInputs } from './inputs.js';
import { describeFailure } from './publish.js';
import { PUBLISH_CONTEXT_FILE, type PublishContext, type PullRequestPayload } from './publish-mode.js';
import { type PullRequestDiff, pullRequestDiff, toChangedLines } from './pull-request.js';
import { type ActionIO, configFor, finish, publishAll, writeFileIn } from './steps.js';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** `check` and `link-rot` on the checked-out workspace; on pull requests, only what the pull request changed. */
export async function checkWorkspace(
  inputs: ActionInputs,
  context: ActionContext,
  api: GitHubApi,
  io: ActionIO,
  reportPath: string,
  mode: 'check' | 'link-rot',
): Promise<void> {
  const notes: string[] = [];
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
  const baseRef = baseRefOf(inputs, context, pr);
  const baseConfig = baseRef ? await baseConfigOf(baseRef, inputs, context, api) : undefined;
  await restoreRunCache(io);
  const result = await runPipeline({
    cwd: context.workspace,
    root: context.workspace,
    baseConfig,
    paths: inputs.paths,
    configPath: configFor(inputs, context.workspace),
    offline: inputs.offline,
    mode,
    failOn: inputs.failOn,
    changedLines: diff ? toChangedLines(diff, inputs.changedOnly ?? true) : undefined,
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
    });
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
  });
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
