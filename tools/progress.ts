// A long command's progress on stderr: done/total, time elapsed and an estimate of the time left.
// On a terminal one line rewritten in place (at most twice a second); elsewhere (a CI log, a file)
// a line when a tenth more is done or at least 30 s after the last one, never a rewritten line.
// The estimate is the mean time per item so far times the items left, named "about" and given
// only once something is done.

/** "45 s", "3 min 05 s", "1 h 02 min": a duration in whole seconds. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** The progress line: "upgrade: 40/310 runs, 1 min 05 s elapsed, about 7 min 18 s left". */
export function progressLine(name: string, what: string, done: number, total: number, elapsedMs: number): string {
  const left = done > 0 && done < total ? `, about ${duration((elapsedMs / done) * (total - done))} left` : '';
  return `${name}: ${done}/${total} ${what}, ${duration(elapsedMs)} elapsed${left}`;
}

export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastPrinted = 0;
  private lastDone = 0;
  private shown = false;
  constructor(
    private readonly name: string,
    private readonly what: string,
    private total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly tty = Boolean(stream.isTTY),
  ) {}

  /** Adds to the total (work found along the way, such as a second run of each difference). */
  grow(n: number) {
    this.total += n;
    this.show(false);
  }

  /** One more item done. */
  step() {
    this.done++;
    this.show(this.done === this.total);
  }

  private show(force: boolean) {
    const now = Date.now();
    const line = progressLine(this.name, this.what, this.done, this.total, now - this.started);
    if (this.tty) {
      if (!force && now - this.lastPrinted < 500) return;
      this.stream.write('\r\x1b[K' + line.slice(0, (this.stream.columns || 120) - 1));
      this.shown = true;
    } else {
      if (!force && this.done - this.lastDone < Math.max(1, this.total / 10) && now - this.lastPrinted < 30_000) return;
      this.stream.write(line + '\n');
      this.lastDone = this.done;
    }
    this.lastPrinted = now;
  }

  /** A line that stays, above the progress line. */
  say(text: string) {
    this.clear();
    this.stream.write(`${this.name}: ${text}\n`);
  }

  /** Clears the progress line (on a terminal), leaving the lines said. */
  clear() {
    if (this.tty && this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
