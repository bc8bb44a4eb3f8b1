import { readFile } from 'node:fs/promises';

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
