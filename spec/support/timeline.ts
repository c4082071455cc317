// Invocation windows on one clock (performance.now()), so that something observed outside the
// runtime (an envelope at the Sentry endpoint, a row in the database) can be placed: during
// invocation n, or after it (the environment is frozen from the moment the runtime asks for its
// next event until the next invocation), or before the first.
import { performance } from 'node:perf_hooks';

export interface Window {
  /** 1-based invocation number. */
  n: number;
  /** Just before the invocation was sent to the runtime. */
  start: number;
  /** Just after its result was back. */
  end: number;
}

export class Timeline {
  readonly windows: Window[] = [];

  /** Runs `invoke` as invocation n (the next number) and records its window. */
  async run<T>(invoke: () => Promise<T>): Promise<T> {
    const n = this.windows.length + 1;
    const start = performance.now();
    try {
      return await invoke();
    } finally {
      this.windows.push({ n, start, end: performance.now() });
    }
  }

  /**
   * Where `t` falls: "during invocation n", "after invocation n" (between n's end and n+1's
   * start, or after the last), or "before invocation 1".
   */
  where(t: number): string {
    for (const w of this.windows) {
      if (t < w.start) return w.n === 1 ? 'before invocation 1' : `after invocation ${w.n - 1}`;
      if (t <= w.end) return `during invocation ${w.n}`;
    }
    const last = this.windows[this.windows.length - 1];
    return last ? `after invocation ${last.n}` : 'before invocation 1';
  }
}
