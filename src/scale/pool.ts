import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../core/engine.js';
import type { CheckRequest, WorkerInit, WorkerMessage } from './protocol.js';

/**
 * With `--jobs auto`, below this many files to parse a run stays in one thread: starting a worker and
 * setting its rules up again costs more than it saves (see docs/scale.md).
 */
export const POOL_THRESHOLD = 400;

/** Requests kept queued in each worker, so it never waits for the main thread between files. */
const DEPTH = 4;

export interface CheckedFile {
  result: FileResult;
  warnings: string[];
  timings?: Record<string, number>;
}

/**
 * How many worker threads to use for `files` files: none unless asked (on the 2-core benchmark
 * machine workers did not pay, see docs/scale.md); `jobs` threads; or with `auto`, one per core when
 * there are enough files.
 */
export function workerCount(files: number, jobs: number | 'auto' | undefined): number {
  if (files === 0 || jobs === undefined) return 0;
  if (jobs !== 'auto') return jobs <= 1 ? 0 : Math.min(jobs, files);
  const cores = availableParallelism();
  return cores >= 2 && files >= POOL_THRESHOLD ? Math.min(cores, 8) : 0;
}

/**
 * Starts one worker: `dist/worker.js` beside the bundle; from source (tests, the benchmark),
 * `worker.ts` through the TypeScript loader, which Node 20 does not pass on to worker threads.
 */
function startWorker(workerData: WorkerInit): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const loader = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(pathToFileURL(loader).href)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData });
}

interface Pending {
  request: CheckRequest;
  resolve(value: CheckedFile): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

/** Worker threads that parse and check files; results come back as plain data. */
export class CheckPool {
  private readonly slots: Slot[];
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(slots: Slot[]) {
    this.slots = slots;
  }

  /** Starts `size` workers and waits until each has set its rules up. */
  static async start(size: number, init: WorkerInit): Promise<CheckPool> {
    const slots: Slot[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < size; i++) {
      const worker = startWorker(init);
      const slot: Slot = { worker, inFlight: new Map() };
      slots.push(slot);
      ready.push(
        new Promise((resolve, reject) => {
          const onMessage = (message: WorkerMessage) => {
            if (message.kind === 'ready') resolve();
            else if (message.kind === 'setup-failed') reject(new Error(message.message));
          };
          worker.once('message', onMessage);
          worker.once('error', reject);
        }),
      );
    }
    const pool = new CheckPool(slots);
    try {
      await Promise.all(ready);
    } catch (error) {
      await pool.close();
      throw error;
    }
    for (const slot of slots) pool.listen(slot);
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  check(file: string, text: string): Promise<CheckedFile> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ request: { id: this.nextId++, file, text }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private listen(slot: Slot): void {
    slot.worker.on('message', (message: WorkerMessage) => {
      if (message.kind !== 'result' && message.kind !== 'failed') return;
      const pending = slot.inFlight.get(message.id);
      if (!pending) return;
      slot.inFlight.delete(message.id);
      if (message.kind === 'result') {
        pending.resolve({ result: message.result, warnings: message.warnings, timings: message.timings });
      } else {
        pending.reject(new Error(`${pending.request.file}: ${message.message}`));
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      for (const pending of [...slot.inFlight.values(), ...this.waiting.splice(0)]) pending.reject(error);
      slot.inFlight.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (slot.inFlight.size > 0) fail(new Error(`a worker thread stopped (exit code ${code})`));
    });
  }

  /** Hands queued files to the least busy workers. */
  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      if (slot.inFlight.size >= DEPTH) return;
      const pending = this.waiting.shift() as Pending;
      slot.inFlight.set(pending.request.id, pending);
      slot.worker.postMessage(pending.request);
    }
  }
}
