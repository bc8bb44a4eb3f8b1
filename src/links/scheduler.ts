interface Task {
  host: string;
  start: () => void;
}

interface HostState {
  active: number;
  /** Epoch ms before which no request to the host starts (429 Retry-After, rate limits). */
  pausedUntil: number;
}

/**
 * Runs tasks with a bound on the total number in flight and on the number per host, in the order
 * they were queued. A host can be paused (after a 429 or an exhausted rate limit) without
 * holding up other hosts.
 */
export class HostScheduler {
  private readonly queue: Task[] = [];
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly total: number,
    private readonly perHost: number,
  ) {}

  run<T>(host: string, work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        host,
        start: () => {
          work()
            .then(resolve, reject)
            .finally(() => {
              this.active--;
              this.stateOf(host).active--;
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  /** No new request to `host` starts before `until` (epoch ms). */
  pause(host: string, until: number): void {
    const state = this.stateOf(host);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  pausedUntil(host: string): number {
    return this.stateOf(host).pausedUntil;
  }

  private stateOf(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, pausedUntil: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(): void {
    const now = Date.now();
    let nextWake = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.queue.length && this.active < this.total; ) {
      const task = this.queue[i] as Task;
      const state = this.stateOf(task.host);
      if (state.pausedUntil > now) {
        nextWake = Math.min(nextWake, state.pausedUntil);
        i++;
        continue;
      }
      if (state.active >= this.perHost) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.active++;
      state.active++;
      task.start();
    }
    if (nextWake < Number.POSITIVE_INFINITY && nextWake < this.wakeAt) this.scheduleWake(nextWake);
  }

  private scheduleWake(at: number): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = at;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = undefined;
        this.wakeAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      Math.max(0, at - Date.now()),
    );
  }
}
