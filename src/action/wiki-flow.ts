import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunResult, run as runPipeline } from '../pipeline/run.js';
import { buildReport, formatJson } from '../report/json.js';
import { formatText } from '../report/text.js';
import { VERSION } from '../version.js';
import type { ActionContext, GitHubApi } from './github.js';
import type { ActionInputs } from './inputs.js';
import { describeFailure } from './publish.js';
import { type ActionIO, configFor, finish, writeFileIn } from './steps.js';
import { cloneWiki, pageFiles, publishWikiIssue, wikiPages } from './wiki.js';

/**
 * The wiki is checked with the repository's config, or the defaults: never a config file inside the
 * wiki, which anyone who may edit the wiki could change.
 */
function defaultsConfig(tempDir: string): string {
  const path = join(tempDir, 'content-gate-defaults.yml');
  writeFileSync(path, '# Content Gate defaults: the repository has no config.\n');
  return path;
}

/** `gollum`: clones the wiki, checks the pages the event lists, keeps the `wiki-content` issue. */
export async function checkWiki(
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
    const repositoryConfig = configFor(inputs, context.workspace);
    result = await runPipeline({
      cwd: dir,
      // The pages are the wiki clone's; the config, and the paths it names, the repository's.
      configRoot: repositoryConfig ? context.workspace : context.tempDir,
      paths: [...files.keys()],
      configPath: repositoryConfig ?? defaultsConfig(context.tempDir),
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
