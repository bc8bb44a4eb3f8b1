import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../config/errors.js';
import { CONFIG_NAMES } from '../config/load.js';
import { ENGINE_RULES } from '../core/engine.js';
import { atLeast } from '../core/severity.js';
import { type Finding, type Report, SEVERITIES } from '../core/types.js';
import { annotation } from '../report/annotations.js';
import { buildReport, formatJson } from '../report/json.js';
import { blobLink, type LineLink, plural } from '../report/markdown.js';
import { asReport } from '../report/merge.js';
import type { SuggestionCandidate } from '../report/review.js';
import { formatSarif } from '../report/sarif.js';
import { formatSummary } from '../report/summary.js';
import { formatText } from '../report/text.js';
import { allRules } from '../rules/index.js';
import { type RunResult, run as runPipeline } from '../run.js';
import { VERSION } from '../version.js';
import { type ActionContext, GitHubApi, type Logger, publishLinkRot, readContext } from './github.js';
import { type ActionInputs, type ActionMode, readInputs } from './inputs.js';
import {
  describeFailure,
  fallbackAnnotations,
  publishCheckRun,
  publishStickyComment,
  publishSuggestions,
  reviewNote,
} from './publish.js';
import { type PullRequestDiff, pullRequestDiff, toChangedLines } from './pull-request.js';
import { cloneWiki, pageFiles, publishWikiIssue, wikiPages } from './wiki.js';

/** What the action does to the workflow: log, outputs, summary, step result. */
export interface ActionIO extends Logger {
  /** A workflow command line (annotation) as is. */
  command(line: string): void;
  setOutput(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
  fail(message: string): void;
}

function coreIO(): ActionIO {
  return {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    command: (line) => process.stdout.write(`${line}\n`),
    setOutput: (name, value) => core.setOutput(name, value),
    summary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    fail: (m) => core.setFailed(m),
  };
}

/** The file a pull request run writes beside its JSON report, for a later `mode: publish` run. */
export const PUBLISH_CONTEXT_FILE = 'pull-request.json';

export interface PublishContext {
  pullRequest: number;
  headSha: string;
  /** Indexes into the report's findings whose single suggestion is safe to apply with one click. */
  safeSuggestions: number[];
}

interface PullRequestPayload {
  number: number;
  head: { sha: string; repo?: { full_name?: string } | null };
  base: { repo?: { full_name?: string } | null };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function chooseMode(inputs: ActionInputs, eventName: string): ActionMode {
  if (inputs.mode) return inputs.mode;
  return eventName === 'schedule' || eventName === 'workflow_dispatch' ? 'link-rot' : 'check';
}

/** The action's entry: inputs, the shared pipeline, then publishing. Never throws. */
export async function run(): Promise<void> {
  const io = coreIO();
  try {
    await act(readInputs(), readContext(process.env), io);
  } catch (error) {
    if (error instanceof UsageError) {
      const problems = error.problems.map((p) => `\n  ${p.key ? `${p.key}: ` : ''}${p.message}`).join('');
      io.fail(`${error.message}${problems}`);
    } else {
      io.fail(`Content Gate stopped: ${(error as Error).stack ?? String(error)}`);
    }
  }
}

export async function act(inputs: ActionInputs, context: ActionContext, io: ActionIO): Promise<void> {
  const mode = chooseMode(inputs, context.eventName);
  const api = new GitHubApi({ token: inputs.token, baseUrl: context.apiUrl, log: io });
  const reportPath = resolve(
    context.workspace,
    inputs.report ?? join(context.tempDir, 'content-gate', 'report.json'),
  );
  if (mode === 'publish') return publishFromReport(inputs, context, api, io, reportPath);
  if (context.eventName === 'gollum') return checkWiki(inputs, context, api, io, reportPath);
  return checkWorkspace(inputs, context, api, io, reportPath, mode);
}

function configFor(inputs: ActionInputs, workspace: string): string | undefined {
  if (inputs.config) return resolve(workspace, inputs.config);
  return CONFIG_NAMES.map((name) => join(workspace, name)).find((path) => existsSync(path));
}

async function writeFileIn(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

async function checkWorkspace(
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
  const result = await runPipeline({
    cwd: context.workspace,
    paths: inputs.paths,
    configPath: configFor(inputs, context.workspace),
    offline: inputs.offline,
    mode,
    failOn: inputs.failOn,
    changedLines: diff ? toChangedLines(diff, inputs.changedOnly ?? true) : undefined,
  });
  for (const d of result.diagnostics) io.warning(`${d.file ? `${d.file}: ` : ''}${d.message}`);

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
    const metas = [...ENGINE_RULES, ...allRules.flatMap((r) => [r.meta, ...(r.emits ?? [])])];
    await writeFileIn(
      resolve(context.workspace, inputs.sarifFile),
      formatSarif(result.findings, metas, VERSION),
    );
  }
  io.info(formatText(result.findings, result.report.summary, undefined, { diagnostics: result.diagnostics }));

  const headSha = pr?.head.sha ?? context.sha;
  const link = blobLink(context.serverUrl, context.owner, context.repo, headSha);
  const fork = pr !== undefined && context.eventName === 'pull_request' && isFork(pr);
  let checkRunPublished = false;
  if (mode === 'link-rot') {
    await publishLinkRot(api, context, result, io);
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
    });
  }
  await finish(io, inputs, context, {
    report: result.report,
    findings: result.findings,
    reportPath,
    notes,
    link,
    annotated: checkRunPublished,
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

interface PublishRequest {
  context: ActionContext;
  inputs: ActionInputs;
  headSha: string;
  pullNumber?: number;
  diff?: PullRequestDiff;
  findings: readonly Finding[];
  candidates: readonly SuggestionCandidate[];
  files: number;
  link: LineLink;
}

/** Check run, sticky comment and suggestions; each failure is logged and noted, none stops the others. */
async function publishAll(
  api: GitHubApi,
  io: ActionIO,
  notes: string[],
  request: PublishRequest,
): Promise<boolean> {
  const { context, inputs, findings } = request;
  const repo = { owner: context.owner, repo: context.repo };
  const failed = findings.some((f) => atLeast(f.severity, inputs.failOn));
  let checkRunPublished = false;
  try {
    const id = await publishCheckRun(
      api,
      { ...repo, headSha: request.headSha },
      findings,
      request.files,
      inputs.failOn,
    );
    io.info(`Check run "Content Gate" (${id}) carries ${plural(findings.length, 'annotation')}.`);
    checkRunPublished = true;
  } catch (error) {
    const note = describeFailure('The check run could not be published', error);
    io.warning(note);
    notes.push(note);
  }
  if (request.pullNumber === undefined) return checkRunPublished;
  const target = { ...repo, number: request.pullNumber };
  try {
    const runUrl = process.env.GITHUB_RUN_ID
      ? `the [workflow run's summary](${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${process.env.GITHUB_RUN_ID})`
      : undefined;
    const outcome = await publishStickyComment(api, target, findings, {
      setting: inputs.comment,
      failed,
      files: request.files,
      link: request.link,
      moreAt: runUrl,
    });
    io.info(`Sticky comment: ${outcome}.`);
  } catch (error) {
    const note = describeFailure('The pull request comment could not be published', error);
    io.warning(note);
    notes.push(note);
  }
  if (request.diff) {
    try {
      const outcome = await publishSuggestions(
        api,
        { ...target, headSha: request.headSha },
        request.candidates,
        request.diff,
        inputs.maxSuggestions,
      );
      const note = reviewNote(outcome);
      if (note) {
        io.info(note);
        notes.push(note);
      }
    } catch (error) {
      const note = describeFailure('The suggested changes could not be posted', error);
      io.warning(note);
      notes.push(note);
    }
  }
  return checkRunPublished;
}

interface Finished {
  report: Report;
  findings: readonly Finding[];
  reportPath: string;
  notes: string[];
  link?: LineLink;
  /** True when the findings are shown elsewhere (a check run, or wiki pages that are not repository files). */
  annotated: boolean;
  title?: string;
}

/** Annotations when no check run carries them, the job summary, outputs and the step result. */
async function finish(
  io: ActionIO,
  inputs: ActionInputs,
  context: ActionContext,
  done: Finished,
): Promise<void> {
  const shownPath = relative(context.workspace, done.reportPath).startsWith('..')
    ? done.reportPath
    : relative(context.workspace, done.reportPath);
  if (!done.annotated && done.findings.length > 0) {
    const { shown, omitted } = fallbackAnnotations(done.findings);
    for (const f of shown) io.command(annotation(f));
    if (omitted > 0) {
      const note = `${plural(shown.length, 'finding')} shown as annotations (GitHub shows at most 10 of each level per step); the other ${omitted} are left out there. Read them all in the job summary and in the JSON report (${shownPath}).`;
      io.warning(note);
      done.notes.push(note);
    }
  }
  try {
    await io.summary(
      formatSummary(done.findings, {
        files: done.report.summary.files,
        title: done.title,
        link: done.link,
        reportPath: shownPath,
        notes: done.notes,
      }),
    );
  } catch (error) {
    io.warning(`The job summary could not be written: ${(error as Error).message}`);
  }
  const { errors, warnings, notices } = done.report.summary;
  io.setOutput('errors', String(errors));
  io.setOutput('warnings', String(warnings));
  io.setOutput('notices', String(notices));
  io.setOutput('report', done.reportPath);
  const failing = done.findings.filter((f) => atLeast(f.severity, inputs.failOn)).length;
  if (failing > 0) {
    io.fail(`Content Gate: ${plural(failing, 'finding')} at or above fail-on (${inputs.failOn}).`);
  }
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** Keeps only well-formed findings of an artifact another workflow made (it may come from a fork). */
export function wellFormed(findings: readonly unknown[]): Finding[] {
  const isText = (v: unknown) => typeof v === 'string';
  const isLine = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  return findings.filter((value): value is Finding => {
    const f = value as Partial<Finding> | null;
    return (
      typeof f === 'object' &&
      f !== null &&
      [f.ruleId, f.category, f.message, f.policy, f.file].every(isText) &&
      SEVERITIES.includes(f.severity as Finding['severity']) &&
      [f.line, f.column, f.endLine, f.endColumn].every(isLine) &&
      Array.isArray(f.suggestions) &&
      f.suggestions.every(isText) &&
      !(f.file as string).startsWith('/') &&
      !(f.file as string).split('/').includes('..')
    );
  });
}

interface WorkflowRunPayload {
  head_sha?: string;
  pull_requests?: { number: number }[];
}

/**
 * `mode: publish`: reads the JSON report of an earlier (possibly fork) run and publishes it with this
 * run's token. It never checks out or reads the fork's files; the pull request must still be at the
 * commit the report was made for.
 */
async function publishFromReport(
  inputs: ActionInputs,
  context: ActionContext,
  api: GitHubApi,
  io: ActionIO,
  reportPath: string,
): Promise<void> {
  if (!existsSync(reportPath)) {
    throw new UsageError(
      `mode publish: the report ${reportPath} does not exist. Download the report artifact first.`,
    );
  }
  const raw = asReport(await readJson(reportPath), reportPath);
  const contextPath = join(dirname(reportPath), PUBLISH_CONTEXT_FILE);
  const saved = existsSync(contextPath) ? ((await readJson(contextPath)) as Partial<PublishContext>) : {};
  const workflowRun = context.payload.workflow_run as WorkflowRunPayload | undefined;
  const headSha = workflowRun?.head_sha ?? saved.headSha ?? context.sha;
  const pullNumber =
    workflowRun?.pull_requests?.[0]?.number ??
    (Number.isInteger(saved.pullRequest) ? saved.pullRequest : undefined);
  const notes: string[] = [];

  const allFindings = wellFormed(raw.findings);
  const safe = new Set(Array.isArray(saved.safeSuggestions) ? saved.safeSuggestions : []);
  const indexOf = new Map(raw.findings.map((f, i) => [f, i]));
  let findings = allFindings;
  let diff: PullRequestDiff | undefined;
  let verified = false;
  if (pullNumber !== undefined && inputs.token) {
    try {
      const pr = (
        await api.request<PullRequestPayload>(
          'GET',
          `/repos/${context.owner}/${context.repo}/pulls/${pullNumber}`,
        )
      ).data;
      verified = pr.head.sha === headSha;
      if (!verified) {
        notes.push(
          `Pull request #${pullNumber} has moved on from ${headSha.slice(0, 7)} (now ${pr.head.sha.slice(0, 7)}); its comment and suggestions were not updated from this older report.`,
        );
      } else {
        diff = await pullRequestDiff(api, context.owner, context.repo, pullNumber, io);
        const changed = diff.files;
        findings = allFindings.filter((f) => changed.has(f.file));
      }
    } catch (error) {
      const note = describeFailure(`Reading pull request #${pullNumber} failed`, error);
      io.warning(note);
      notes.push(note);
    }
  }
  const report = buildReport(
    raw.tool.version,
    raw.files.map((f) => f.file),
    findings,
  );
  io.info(
    formatText(
      findings.map((f) => ({ ...f, fingerprint: '' })),
      report.summary,
    ),
  );
  const link = blobLink(context.serverUrl, context.owner, context.repo, headSha);
  let checkRunPublished = false;
  if (!inputs.token) {
    notes.push('No github-token was given, so nothing was published to GitHub.');
  } else {
    checkRunPublished = await publishAll(api, io, notes, {
      context,
      inputs,
      headSha,
      pullNumber: verified ? pullNumber : undefined,
      diff,
      findings,
      candidates: findings.map((finding) => ({ finding, safe: safe.has(indexOf.get(finding) ?? -1) })),
      files: report.summary.files,
      link,
    });
  }
  await finish(io, inputs, context, {
    report,
    findings,
    reportPath,
    notes,
    link,
    annotated: checkRunPublished,
  });
}

/** `gollum`: clones the wiki, checks the pages the event lists, keeps the `wiki-content` issue. */
async function checkWiki(
  inputs: ActionInputs,
  context: ActionContext,
  api: GitHubApi,
  io: ActionIO,
  reportPath: string,
): Promise<void> {
  const pages = wikiPages(context.payload);
  const dir = cloneWiki(context.serverUrl, context.owner, context.repo, inputs.token, context.tempDir);
  const files = pageFiles(dir, pages, io);
  let result: RunResult | undefined;
  if (files.size > 0) {
    result = await runPipeline({
      cwd: dir,
      paths: [...files.keys()],
      configPath: configFor(inputs, context.workspace),
      offline: inputs.offline,
      failOn: inputs.failOn,
    });
  }
  for (const d of result?.diagnostics ?? []) io.warning(`${d.file ? `${d.file}: ` : ''}${d.message}`);
  const findings = result?.findings ?? [];
  const report = result?.report ?? buildReport(VERSION, [], []);
  await writeFileIn(reportPath, formatJson(report));
  io.info(formatText(findings, report.summary));
  const notes: string[] = [];
  if (inputs.token) {
    try {
      const outcome = await publishWikiIssue(api, context, files, findings);
      const note =
        outcome.action === 'none'
          ? 'No wiki page needs attention; no tracking issue was opened.'
          : `Tracking issue #${outcome.number} (label wiki-content): ${outcome.action}.`;
      io.info(note);
      notes.push(note);
    } catch (error) {
      const note = describeFailure('The wiki-content tracking issue could not be updated', error);
      io.warning(note);
      notes.push(note);
    }
  }
  // Wiki pages are not files of this repository, so annotations would point nowhere: the summary and
  // the issue carry the findings.
  await finish(io, inputs, context, {
    report,
    findings,
    reportPath,
    notes,
    annotated: true,
    title: 'Content Gate: wiki pages',
  });
}
