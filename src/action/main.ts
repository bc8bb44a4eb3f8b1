import * as core from '@actions/core';

/** Placeholder until the action lands: runs nothing. */
export async function run(): Promise<void> {
  core.setFailed('The Content Gate action is not built yet.');
}
