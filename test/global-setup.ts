import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding the bundled action (index.js) built once for this test run. */
    actionDist: string;
  }
}

/** Builds the bundles once per test run into a temporary folder, as `npm run build` would into dist/. */
export default function setup(project: TestProject): () => void {
  const out = mkdtempSync(join(tmpdir(), 'content-gate-dist-'));
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')], {
    env: { ...process.env, CONTENT_GATE_OUT_DIR: out },
    stdio: 'inherit',
  });
  project.provide('actionDist', out);
  return () => rmSync(out, { recursive: true, force: true });
}
