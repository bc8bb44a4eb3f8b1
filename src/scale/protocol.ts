import type { ResolvedConfig } from '../core/config.js';
import type { FileResult } from '../core/engine.js';
import type { RunContext } from '../core/rule.js';
import type { SeverityTable } from '../core/severity.js';
import type { ChangeHistory } from '../core/types.js';

/** Everything a worker needs to set up the same rules, with the same config, as the main process. */
export interface WorkerInit {
  cwd: string;
  /** The repository (see `RunContext.root`). */
  root?: string;
  config: ResolvedConfig;
  severities: SeverityTable;
  offline: boolean;
  mode: 'check' | 'link-rot';
  files: readonly string[];
  /** Send phase timings back with each result (the benchmark). */
  timing: boolean;
  history?: ChangeHistory;
}

export interface CheckRequest {
  id: number;
  file: string;
  text: string;
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'setup-failed'; message: string }
  | {
      kind: 'result';
      id: number;
      result: FileResult;
      warnings: string[];
      timings?: Record<string, number>;
    }
  | { kind: 'failed'; id: number; message: string };

/** The run context rules see, built the same way in the main process and in each worker. */
export function createRunContext(
  init: Omit<WorkerInit, 'severities' | 'timing'>,
  isEnabled: (id: string) => boolean,
  warn: (message: string, file?: string) => void,
): RunContext {
  const settings = init.config.rules;
  return {
    config: init.config,
    cwd: init.cwd,
    root: init.root,
    offline: init.offline,
    mode: init.mode,
    files: init.files,
    options: (id) => {
      const value = settings[id];
      return typeof value === 'object' ? value.options : undefined;
    },
    isEnabled,
    warn,
    history: init.history,
  };
}
