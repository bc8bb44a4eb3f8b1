/**
 * Runs every rule over folders of Markdown written by others (for example a clone of markdownlint's
 * `test/` folder) and lists each `internal/rule-error`: a rule that crashed on a file.
 *
 *   git clone --depth 1 https://github.com/DavidAnson/markdownlint /tmp/markdownlint
 *   npm run sweep -- /tmp/markdownlint/test
 *
 * Exits 1 when any rule failed on any file.
 */
import { resolve } from 'node:path';
import { run } from '../src/pipeline/run.js';

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: npm run sweep -- FOLDER [FOLDER...]');
  process.exit(2);
}
let failures = 0;
for (const folder of folders) {
  const root = resolve(folder);
  const result = await run({ cwd: root, root, offline: true, paths: ['.'], failOn: 'never' });
  const errors = result.findings.filter((f) => f.ruleId === 'internal/rule-error');
  failures += errors.length;
  console.log(
    `${folder}: ${result.files.length} files, ${result.findings.length} findings, ${errors.length} rule errors`,
  );
  for (const e of errors) console.log(`  ${e.file}:${e.line}:${e.column} ${e.message}`);
}
process.exit(failures > 0 ? 1 : 0);
