import { Document } from '../core/document.js';
import type { CheckScope, Engine, TimingSink } from '../core/engine.js';
import { SourceIndex } from '../core/source-index.js';
import { partStarts } from '../core/split.js';
import { primeViews } from './timing.js';

/**
 * Parses and checks one post, in this thread or a worker; a runaway file is parsed in parts at
 * blank lines so memory stays bounded. With `timing`, the parse and the shared views are timed.
 */
export async function checkText(
  engine: Engine,
  file: string,
  path: string,
  text: string,
  scope: CheckScope = 'all',
  timing?: TimingSink,
): Promise<void> {
  const starts = partStarts(text);
  const parse = (source: string) => {
    const started = timing ? performance.now() : 0;
    const doc = new Document(file, path, source);
    if (timing) {
      timing('parse', performance.now() - started);
      primeViews(doc, timing);
    }
    return doc;
  };
  if (starts.length === 1) return engine.check(parse(text), undefined, scope);
  const index = new SourceIndex(text);
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i] as number;
    await engine.check(parse(text.slice(offset, starts[i + 1] ?? text.length)), { offset, index }, scope);
  }
}
