// Runs the real pipeline in this process with timing hooks and prints the time per phase as one
// JSON line: discover, read, setup, parse, shared views, each rule family, site-wide work, report.

import type { SeverityOrOff } from '../src/core/types.js';
import { run } from '../src/pipeline/run.js';
import { formatJson } from '../src/report/json.js';

const [dir, jobs, ...flags] = process.argv.slice(2) as [string, string, ...string[]];
const overrides: Record<string, SeverityOrOff> = flags.includes('--no-grammar') ? { grammar: 'off' } : {};
const phases: Record<string, number> = {};
const started = performance.now();
const result = await run({
  cwd: dir,
  offline: true,
  failOn: 'never',
  ruleOverrides: overrides,
  jobs: Number(jobs),
  onTiming: (phase, ms) => {
    phases[phase] = (phases[phase] ?? 0) + ms;
  },
});
const reportStarted = performance.now();
formatJson(result.report);
phases.report = (phases.report ?? 0) + performance.now() - reportStarted;
const total = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({ total, phases, files: result.files.length, findings: result.findings.length, workers: result.stats.workers })}\n`,
);
