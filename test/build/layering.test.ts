import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of `src/` (README, design notes): a folder imports only from the folders listed for
 * it, so every arrow points down. `version.ts` imports nothing and may be imported by anyone.
 */
const LAYERS: Record<string, readonly string[]> = {
  core: [],
  lexicons: ['core'],
  language: ['core', 'lexicons'],
  links: ['core'],
  config: ['core'],
  rules: ['core', 'lexicons', 'language', 'links'],
  report: ['core'],
  scale: ['core', 'config', 'rules', 'report'],
  pipeline: ['core', 'config', 'rules', 'report', 'scale', 'links', 'language', 'lexicons'],
  cli: ['core', 'config', 'rules', 'report', 'scale', 'pipeline'],
  action: ['core', 'config', 'rules', 'report', 'scale', 'pipeline', 'links'],
};

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  const [first = '', ...rest] = relative(SRC, path).split('/');
  return rest.length === 0 ? first.replace(/\.[jt]s$/, '') : first;
}

describe('layering of src/', () => {
  it('every import points down a layer (or stays in its own folder)', () => {
    const wrong: string[] = [];
    for (const file of sources(SRC)) {
      const from = layerOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), m[1] as string);
        const to = layerOf(target);
        if (to === from || to === 'version') continue;
        if (!(from in LAYERS)) wrong.push(`${relative(SRC, file)}: not in a known layer`);
        else if (!LAYERS[from]?.includes(to))
          wrong.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('knows every folder of src/', () => {
    const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());
    expect(folders.sort()).toEqual(Object.keys(LAYERS).sort());
    expect(readdirSync(SRC).filter((name) => name.endsWith('.ts'))).toEqual(['version.ts']);
  });
});
