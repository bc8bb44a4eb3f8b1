// Worker thread entry: sets the rules up once, then parses and checks the files it is sent and
// returns their findings as plain data. Site-wide `finish` work stays in the main process.
import { resolve } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../core/engine.js';
import { needsMainThread } from '../core/rule.js';
import { allRules } from '../rules/index.js';
import { checkText } from './check-text.js';
import { type CheckRequest, createRunContext, type WorkerInit, type WorkerMessage } from './protocol.js';
import { Timings } from './timing.js';

const port = parentPort;
if (!port) throw new Error('This module runs as a worker thread.');
const init = workerData as WorkerInit;
const send = (message: WorkerMessage) => port.postMessage(message);

let warnings: string[] = [];
let timings = new Timings();
const engine: Engine = new Engine({
  rules: allRules.filter((rule) => !needsMainThread(rule)),
  run: createRunContext(
    init,
    (id): boolean => engine.severityOf(id) !== 'off',
    (message) => warnings.push(message),
  ),
  severities: init.severities,
  onTiming: init.timing ? (phase, ms) => timings.add(phase, ms) : undefined,
});

async function check({ id, file, text }: CheckRequest): Promise<void> {
  warnings = [];
  timings = new Timings();
  try {
    const timing = init.timing ? (phase: string, ms: number) => timings.add(phase, ms) : undefined;
    await checkText(engine, file, resolve(init.cwd, file), text, 'portable', timing);
    const result = engine.take(file);
    if (!result) throw new Error(`no result for ${file}`);
    send({ kind: 'result', id, result, warnings, timings: init.timing ? timings.toJSON() : undefined });
  } catch (error) {
    engine.take(file);
    send({ kind: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
}

// Requests are handled one at a time, in the order they arrive.
let queue: Promise<void> = Promise.resolve();
engine.setup().then(
  () => {
    port.on('message', (request: CheckRequest) => {
      queue = queue.then(() => check(request));
    });
    send({ kind: 'ready' });
  },
  (error: unknown) =>
    send({ kind: 'setup-failed', message: error instanceof Error ? error.message : String(error) }),
);
