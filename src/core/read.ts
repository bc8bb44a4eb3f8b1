import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const decoder = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a post as UTF-8 text; binary and non-UTF-8 files are refused with a reason. */
export async function readText(path: string): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (bytes.subarray(0, 8000).includes(0))
    return { ok: false, reason: 'is a binary file, not Markdown text' };
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text; save it as UTF-8 and check it again' };
  }
}

/**
 * A checked file's text for showing its lines in a report (the findings page, `init`'s word list),
 * read once per file; undefined when it cannot be read.
 */
export function sourceReader(cwd: string): (file: string) => string | undefined {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(join(cwd, file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
}
