import {
  type BaseConfig,
  type CommitReader,
  configAtCommit,
  gitCommitReader,
  MissingCommitError,
} from '../config/at-commit.js';
import { UsageError } from '../core/errors.js';
import { realPath } from '../core/paths.js';
import { type ActionContext, type GitHubApi, GitHubError } from './github.js';
import type { ActionInputs } from './inputs.js';
import type { PullRequestPayload } from './publish-mode.js';

const NO_COMMIT = /^0+$/;

/**
 * The commit whose config checks this event: a pull request's base, or the commit a push started
 * from. Undefined when the workspace's own config is the right one (a first push, schedule, or
 * `config-source: head`).
 */
export function baseRefOf(
  inputs: ActionInputs,
  context: ActionContext,
  pr: PullRequestPayload | undefined,
): string | undefined {
  if (inputs.configSource === 'head') return undefined;
  if (pr) return pr.base.sha;
  const before = context.payload.before;
  if (context.eventName === 'push' && typeof before === 'string' && !NO_COMMIT.test(before)) return before;
  return undefined;
}

/**
 * Reads the base commit's config from the clone, or through the contents API when the clone is
 * shallow. Throws a UsageError when neither can: checking with the change's own config instead would
 * let the change switch its own gate off.
 */
export async function baseConfigOf(
  ref: string,
  inputs: ActionInputs,
  context: ActionContext,
  api: GitHubApi,
): Promise<BaseConfig> {
  const root = realPath(context.workspace);
  let read: CommitReader;
  try {
    read = gitCommitReader(root, ref, 'config-source: base');
  } catch (error) {
    if (!(error instanceof MissingCommitError) || !inputs.token) throw error;
    read = contentsReader(api, context, ref, error);
  }
  return configAtCommit(context.workspace, root, ref, inputs.config, read);
}

function contentsReader(api: GitHubApi, context: ActionContext, ref: string, missing: Error): CommitReader {
  return async (path) => {
    const url = `/repos/${context.owner}/${context.repo}/contents/${path.split('/').map(encodeURIComponent).join('/')}?ref=${ref}`;
    try {
      const { data } = await api.request<{ type?: string; encoding?: string; content?: string }>('GET', url);
      if (data.type !== 'file' || data.encoding !== 'base64' || typeof data.content !== 'string')
        return undefined;
      return Buffer.from(data.content, 'base64').toString('utf8');
    } catch (error) {
      if (error instanceof GitHubError && error.status === 404) return undefined;
      throw new UsageError(
        `${missing.message} Reading it through the GitHub API failed too: ${(error as Error).message}`,
      );
    }
  };
}
