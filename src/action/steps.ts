import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_NAMES } from '../config/load.js';
import type { AddedSuppression } from '../core/engine.js';
import { failingCount } from '../core/severity.js';
import type { Finding, Report, Severity } from '../core/types.js';
import { annotation } from '../report/annotations.js';
import { type LineLink, plural } from '../report/markdown.js';
import { statusDescription } from '../report/plain.js';
import type { SuggestionCandidate } from '../report/review.js';
import { formatSummary } from '../report/summary.js';
import { allRuleMetas } from '../rules/index.js';
import type { ActionContext, GitHubApi, Logger } from './github.js';
import type { ActionInputs } from './inputs.js';
import {
  describeFailure,
  fallbackAnnotations,
  publishCheckRun,
  publishCommitStatus,
  publishStickyComment,
  publishSuggestions,
  reviewNote,
  WORKFLOW_ANNOTATIONS_PER_LEVEL,
} from './publish.js';
import type { PullRequestDiff } from './pull-request.js';

/** What the action does to the workflow: log, outputs, summary, step result. */
export interface ActionIO extends Logger {
  /** A workflow command line (annotation) as is. */
  command(line: string): void;
  setOutput(name: string, value: string): void;
  summary(markdown: string): Promise<void>;
  fail(message: string): void;
  /** How many more annotations of a level GitHub will show in this step (see `withAnnotationBudget`). */
  room?(level: Severity): number;
}

/**
 * Counts the annotations a step makes, since GitHub shows at most 10 of each level per step and
 * drops the rest unseen: warnings past the allowance go to the log as plain lines, and `room`
 * tells the findings how much is left. The step's failure reason is always an annotation.
 */
export function withAnnotationBudget(io: ActionIO): ActionIO {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  return {
    ...io,
    warning(message) {
      if (used.warning < WORKFLOW_ANNOTATIONS_PER_LEVEL) {
        used.warning++;
        io.warning(message);
      } else io.info(`Warning: ${message}`);
    },
    command(line) {
      const level = /^::(error|warning|notice)\b/.exec(line)?.[1] as Severity | undefined;
      if (level) used[level]++;
      io.command(line);
    },
    fail(message) {
      used.error++;
      io.fail(message);
    },
    room: (level) => Math.max(0, WORKFLOW_ANNOTATIONS_PER_LEVEL - used[level]),
  };
}

export function configFor(inputs: ActionInputs, workspace: string): string | undefined {
  if (inputs.config) return resolve(workspace, inputs.config);
  return CONFIG_NAMES.map((name) => join(workspace, name)).find((path) => existsSync(path));
}

export async function writeFileIn(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

export interface PublishRequest {
  context: ActionContext;
  inputs: ActionInputs;
  headSha: string;
  pullNumber?: number;
  diff?: PullRequestDiff;
  findings: readonly Finding[];
  candidates: readonly SuggestionCandidate[];
  files: number;
  link: LineLink;
  suppressions?: readonly AddedSuppression[];
  /** Where the workflow publishes the findings page. */
  pageUrl?: string;
  /** A CMS editor's pull request: the comment speaks to the editor first. */
  editor?: { advisory: boolean; status: string };
}

/** Check run, sticky comment and suggestions; each failure is logged and noted, none stops the others. */
export async function publishAll(
  api: GitHubApi,
  io: ActionIO,
  notes: string[],
  request: PublishRequest,
): Promise<boolean> {
  const { context, inputs, findings } = request;
  const repo = { owner: context.owner, repo: context.repo };
  const failed = failingCount(findings, inputs.failOn) > 0;
  let checkRunPublished = false;
  let checkRunUrl: string | undefined;
  try {
    const { id, url } = await publishCheckRun(
      api,
      { ...repo, headSha: request.headSha },
      findings,
      request.files,
      inputs.failOn,
      request.context.startedAt,
    );
    io.info(`Check run "Content Gate" (${id}) carries ${plural(findings.length, 'annotation')}.`);
    checkRunPublished = true;
    checkRunUrl = url;
  } catch (error) {
    const note = describeFailure('The check run could not be published', error);
    io.warning(note);
    notes.push(note);
  }
  if (inputs.commitStatus) {
    try {
      const outcome = await publishCommitStatus(
        api,
        { ...repo, sha: request.headSha },
        {
          state: failed ? 'failure' : 'success',
          description: statusDescription(findings, request.files, inputs.failOn),
          targetUrl: inputs.reportUrl ?? checkRunUrl ?? runUrlOf(context),
          context: inputs.statusContext,
        },
      );
      io.info(outcome);
    } catch (error) {
      const note = (error as Error).message;
      io.info(note);
      notes.push(note);
    }
  }
  if (request.pullNumber === undefined) return checkRunPublished;
  const target = { ...repo, number: request.pullNumber };
  try {
    const runUrl = runUrlOf(context) && `the [workflow run's summary](${runUrlOf(context)})`;
    const outcome = await publishStickyComment(api, target, findings, {
      setting: inputs.comment,
      failed,
      files: request.files,
      link: request.link,
      moreAt: runUrl,
      author: inputs.commentAuthor,
      suppressions: request.suppressions,
      pageUrl: request.pageUrl,
      editor: request.editor,
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

/** The workflow run's page, when the runner says which run this is. */
export function runUrlOf(context: ActionContext): string | undefined {
  return context.runId
    ? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
    : undefined;
}

export interface Finished {
  /** Markdown added after the findings (the link-rot report). */
  appendix?: string;
  report: Report;
  findings: readonly Finding[];
  reportPath: string;
  notes: string[];
  link?: LineLink;
  /** True when the findings are shown elsewhere (a check run, or wiki pages that are not repository files). */
  annotated: boolean;
  title?: string;
  suppressions?: readonly AddedSuppression[];
  /** The findings page this run wrote. */
  page?: { url?: string; path: string };
}

/** Annotations when no check run carries them, the job summary, outputs and the step result. */
export async function finish(
  io: ActionIO,
  inputs: ActionInputs,
  context: ActionContext,
  done: Finished,
): Promise<void> {
  const shownPath = relative(context.workspace, done.reportPath).startsWith('..')
    ? done.reportPath
    : relative(context.workspace, done.reportPath);
  const failing = failingCount(done.findings, inputs.failOn);
  if (!done.annotated && done.findings.length > 0) {
    // Keep one error for the failure reason and one warning for the note on what was left out.
    const reserved: Record<Severity, number> = { error: failing > 0 ? 1 : 0, warning: 1, notice: 0 };
    const room = (level: Severity) =>
      Math.max(0, (io.room?.(level) ?? WORKFLOW_ANNOTATIONS_PER_LEVEL) - reserved[level]);
    const { shown, omitted } = fallbackAnnotations(done.findings, room);
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
        suppressions: done.suppressions,
        metas: allRuleMetas,
        page: done.page,
      }) + (done.appendix ? `\n${done.appendix}` : ''),
    );
  } catch (error) {
    io.warning(`The job summary could not be written: ${(error as Error).message}`);
  }
  const { errors, warnings, notices } = done.report.summary;
  io.setOutput('errors', String(errors));
  io.setOutput('warnings', String(warnings));
  io.setOutput('notices', String(notices));
  io.setOutput('report', done.reportPath);
  if (done.page) io.setOutput('html-report', done.page.path);
  if (failing > 0) {
    io.fail(`Content Gate: ${plural(failing, 'finding')} at or above fail-on (${inputs.failOn}).`);
  }
}
