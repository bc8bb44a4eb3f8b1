import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import YAML from 'yaml';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunActionOptions {
  dist: string;
  apiUrl: string;
  workspace: string;
  event: string;
  payload: unknown;
  /** Inputs by name as in action.yml; the others get action.yml's defaults, as the runner does. */
  inputs?: Record<string, string>;
  sha?: string;
  serverUrl?: string;
  token?: string;
}

/** Each input's default from action.yml, with `${{ github.token }}` replaced by the token. */
function defaultInputs(token: string): Record<string, string> {
  const action = YAML.parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal expression action.yml holds
    inputs[name] = String(spec.default ?? '').replace('${{ github.token }}', token);
  }
  return inputs;
}

/** Parses the `name<<DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] as string);
    outputs[m[1] as string] = value.join('\n');
  }
  return outputs;
}

/** Runs the bundled action the way a GitHub runner does: INPUT_* variables, an event file, file commands. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const runner = mkdtempSync(join(tmpdir(), 'content-gate-runner-'));
  const eventPath = join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.payload));
  const summaryPath = join(runner, 'summary.md');
  const outputPath = join(runner, 'output.txt');
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const token = options.token ?? 'ghs_testtoken';
  const inputs = { ...defaultInputs(token), ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'library/site',
    GITHUB_REPOSITORY_OWNER: 'library',
    GITHUB_SHA: options.sha ?? 'a'.repeat(40),
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: options.serverUrl ?? 'https://github.example',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: runner,
  };
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(options.dist, 'index.js')], { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
  };
}

/** Writes files (path -> text) under a folder. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (!existsSync(dirname(full))) mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** Runs git in `dir` with a fixed identity and no user or system config. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/** Makes `dir` a git repository (if it is not one) and commits everything in it; returns the commit. */
export function commitAll(dir: string, message = 'Commit'): string {
  if (!existsSync(join(dir, '.git'))) git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** A unified-diff patch that adds every line of `text` (a new file), as the files API returns it. */
export function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}
