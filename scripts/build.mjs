// Bundles the CLI and the action into dist/ (what GitHub runs and `node dist/cli.js` uses),
// and copies the data files that packages load from disk at run time beside the bundles.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dictionaryFile, frequencyText } from './dictionary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// CONTENT_GATE_OUT_DIR builds elsewhere (the end-to-end tests build into a temporary folder).
const dist = process.env.CONTENT_GATE_OUT_DIR
  ? resolve(process.env.CONTENT_GATE_OUT_DIR)
  : join(root, 'dist');

/**
 * Files read from disk at run time: [source path relative to the repo, name in dist]. Code finds them
 * beside the bundle via `new URL(name, import.meta.url)` (no code splitting, so that is dist/).
 */
export const ASSETS = [
  ['node_modules/harper.js/dist/harper_wasm_bg.wasm', 'harper_wasm_bg.wasm'],
  ['src/lexicons/library-words.txt', 'library-words.txt'],
  ['src/language/never-suggest.txt', 'never-suggest.txt'],
  ['src/language/two-words.txt', 'two-words.txt'],
];

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __CONTENT_GATE_VERSION__: JSON.stringify(pkg.version) },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: {
    js: "import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);",
  },
};

await build({
  ...shared,
  entryPoints: { cli: join(root, 'src/cli/bin.ts'), index: join(root, 'src/action/index.ts') },
  outdir: dist,
  banner: { js: `#!/usr/bin/env node\n${shared.banner.js}` },
});

// The worker-thread entry of the check pool, loaded from beside cli.js and index.js.
await build({ ...shared, entryPoints: { worker: join(root, 'src/scale/worker.ts') }, outdir: dist });

for (const [from, to] of ASSETS) cpSync(join(root, from), join(dist, to), { recursive: true });

// The spelling dictionary, compiled from the word-list packages (see scripts/dictionary.mjs).
writeFileSync(join(dist, 'dictionary.txt.gz'), dictionaryFile());
writeFileSync(join(dist, 'word-frequencies.txt'), frequencyText());
