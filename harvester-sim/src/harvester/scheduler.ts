/**
 * Step scheduling for the simulated controllers: every reaction runs `steps × stepMs` later on a timer, keyed
 * tasks are coalesced like a controller work queue, and `idle()` resolves once nothing is scheduled any more.
 */
export class Scheduler {
  private readonly timers = new Map<ReturnType<typeof setTimeout>, string | undefined>();
  private readonly keys = new Set<string>();
  private waiters: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private readonly errors: unknown[] = [];
  private stopped = false;

  constructor(public stepMs: number) {}

  /** Runs `fn` after `steps` steps; with a key, a task already queued under that key absorbs this one. */
  after(steps: number, fn: () => void, key?: string): void {
    if (this.stopped || (key && this.keys.has(key))) {
      return;
    }
    if (key) {
      this.keys.add(key);
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (key) {
        this.keys.delete(key);
      }
      try {
        if (!this.stopped) {
          fn();
        }
      } catch (err) {
        this.errors.push(err);
      }
      this.settle();
    }, Math.max(0, steps * this.stepMs));

    this.timers.set(timer, key);
  }

  /** Resolves when no task is pending (rejects with the first error a task threw since the last call). */
  idle(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.settle();
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.keys()) {
      clearTimeout(timer);
    }
    this.timers.clear();
    this.keys.clear();
    this.settle();
  }

  private settle(): void {
    if (this.timers.size > 0 || this.waiters.length === 0) {
      return;
    }
    // Let listeners that react synchronously to the last write queue their follow-ups first.
    setImmediate(() => {
      if (this.timers.size > 0) {
        return;
      }
      const waiters = this.waiters;
      const error = this.errors.shift();

      this.errors.length = 0;
      this.waiters = [];
      waiters.forEach((w) => (error ? w.reject(error) : w.resolve()));
    });
  }
}
