import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../core/errors.js';
import { isInside, realPath } from '../core/paths.js';
import { type ActionContext, GitHubApi, readContext } from './github.js';
import { type ActionInputs, type ActionMode, readInputs } from './inputs.js';
import { publishFromReport } from './publish-mode.js';
import { type ActionIO, withAnnotationBudget } from './steps.js';
import { checkWiki } from './wiki-flow.js';
import { checkWorkspace, dispatchedPath } from './workspace.js';

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

/** The mode an event asks for; a dispatch that names a post (a CMS button) checks it. */
export function chooseMode(inputs: ActionInputs, eventName: string, dispatchedPath?: string): ActionMode {
  if (inputs.mode) return inputs.mode;
  if (eventName === 'workflow_dispatch' && dispatchedPath) return 'check';
  return eventName === 'schedule' || eventName === 'workflow_dispatch' ? 'link-rot' : 'check';
}

/** The action's entry: inputs, the shared pipeline, then publishing. Never throws. */
export async function run(): Promise<void> {
  const io = withAnnotationBudget(coreIO());
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

/** Files the action writes stay in the workspace or the runner's temporary folder. */
export function checkOutputPaths(inputs: ActionInputs, context: ActionContext): void {
  const roots = [context.workspace, context.tempDir].map(realPath);
  const named: [string, string | undefined][] = [
    ['report', inputs.report],
    ['sarif-file', inputs.sarifFile],
  ];
  const page = inputs.htmlReport;
  if (page && !isInside(realPath(context.workspace), resolve(context.workspace, page))) {
    throw new UsageError(
      `Input html-report: "${page}" is outside the workspace; name a path inside it (for example _site/content-gate.html).`,
    );
  }
  for (const [name, value] of named) {
    if (value && !roots.some((root) => isInside(root, resolve(context.workspace, value)))) {
      throw new UsageError(
        `Input ${name}: "${value}" is outside the workspace and the runner's temporary folder; name a path inside the workspace.`,
      );
    }
  }
}

export async function act(inputs: ActionInputs, context: ActionContext, io: ActionIO): Promise<void> {
  checkOutputPaths(inputs, context);
  const mode = chooseMode(inputs, context.eventName, dispatchedPath(context));
  const api = new GitHubApi({ token: inputs.token, baseUrl: context.apiUrl, log: io });
  const reportPath = resolve(
    context.workspace,
    inputs.report ?? join(context.tempDir, 'content-gate', 'report.json'),
  );
  if (mode === 'publish') return publishFromReport(inputs, context, api, io, reportPath);
  if (context.eventName === 'gollum') return checkWiki(inputs, context, api, io, reportPath);
  return checkWorkspace(inputs, context, api, io, reportPath, mode);
}
