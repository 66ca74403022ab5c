/** How many tasks run at once, how many may wait, and for how long, before a caller is refused. */
export interface GateLimits {
  slots: number;
  queue: number;
  waitMs: number;
}

export interface GateState {
  running: number;
  waiting: number;
}

export interface GateOptions extends GateLimits {
  /** The error a refused caller gets (queue full, or waited `waitMs` without a slot). */
  refusal: () => Error;
  /** Called after every change of `running` or `waiting`, and on every refusal (for metrics). */
  onChange?: (state: GateState) => void;
  onRefused?: () => void;
}

export interface ConcurrencyGate {
  run<T>(task: () => Promise<T>): Promise<T>;
  state(): GateState;
}

/**
 * A counting semaphore with a bounded, first-come queue: at most `slots` tasks run, at most `queue`
 * wait, and none waits longer than `waitMs`. Excess work is refused at once instead of piling up, so
 * an expensive task (a password hash) can never starve everything else of the threads it shares.
 */
export function createConcurrencyGate(options: GateOptions): ConcurrencyGate {
  let running = 0;
  const waiters: (() => void)[] = [];
  const changed = () => options.onChange?.({ running, waiting: waiters.length });
  const refuse = () => {
    options.onRefused?.();
    return options.refusal();
  };

  const acquire = (): Promise<void> => {
    if (running < options.slots && waiters.length === 0) {
      running += 1;
      changed();
      return Promise.resolve();
    }
    if (waiters.length >= options.queue) return Promise.reject(refuse());
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(grant), 1);
        changed();
        reject(refuse());
      }, options.waitMs);
      waiters.push(grant);
      changed();
    });
  };

  // A freed slot passes straight to the oldest waiter, so `running` never dips while work is queued.
  const release = () => {
    const next = waiters.shift();
    if (next) next();
    else running -= 1;
    changed();
  };

  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    state: () => ({ running, waiting: waiters.length }),
  };
}
