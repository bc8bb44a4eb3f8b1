import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { type Finding, SEVERITIES } from '../core/types.js';
import { buildReport } from '../report/json.js';
import { blobLink } from '../report/markdown.js';
import { asReport } from '../report/merge.js';
import { formatText } from '../report/text.js';
import type { ActionContext, GitHubApi } from './github.js';
import type { ActionInputs } from './inputs.js';
import { describeFailure } from './publish.js';
import { type PullRequestDiff, pullRequestDiff } from './pull-request.js';
import { type ActionIO, finish, publishAll } from './steps.js';

/** The file a pull request run writes beside its JSON report, for a later `mode: publish` run. */
export const PUBLISH_CONTEXT_FILE = 'content-gate-pull-request.json';

export interface PublishContext {
  pullRequest: number;
  headSha: string;
  /** Indexes into the report's findings whose single suggestion is safe to apply with one click. */
  safeSuggestions: number[];
}

export interface PullRequestPayload {
  number: number;
  head: { sha: string; ref?: string; repo?: { full_name?: string } | null };
  base: { sha?: string; repo?: { full_name?: string } | null };
  labels?: { name?: string }[];
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
export async function publishFromReport(
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
  const headSha =
    workflowRun?.head_sha ?? (typeof saved.headSha === 'string' ? saved.headSha : undefined) ?? context.sha;
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
