// The matrix's progress on stderr while its versions run: on a terminal one line rewritten in place
// (the versions done, each running one's claims done), elsewhere a line when it changes or once a
// minute; say() prints a line that stays (a version started or finished).

/** One version's run, as the progress line shows it. */
export interface Progress { state: 'queued' | 'running' | 'done'; done: number; total: number; expected: number; summary?: string }

export class ProgressView {
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastLine = '';
  private lastPrint = 0;
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly rows: Map<string, Progress>) {}

  start() {
    this.timer = setInterval(() => this.tick(), this.tty ? 500 : 15_000);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.clear();
  }

  private line(): string {
    const running = [...this.rows].filter(([, p]) => p.state === 'running').map(([v, p]) => `${v} ${p.done}/${Math.max(p.total, p.expected)}`);
    const done = [...this.rows.values()].filter((p) => p.state === 'done').length;
    return `matrix: ${done}/${this.rows.size} versions done${running.length ? ` · running ${running.join(' · ')}` : ''}`;
  }

  private clear() {
    if (this.tty && this.lastLine) process.stderr.write('\r\x1b[K');
    this.lastLine = '';
  }

  tick() {
    const l = this.line();
    if (this.tty) {
      process.stderr.write('\r\x1b[K' + l.slice(0, (process.stderr.columns || 120) - 1));
      this.lastLine = l;
    } else if (l !== this.lastLine || Date.now() - this.lastPrint > 60_000) {
      process.stderr.write(l + '\n');
      this.lastLine = l;
      this.lastPrint = Date.now();
    }
  }

  /** A line that stays (a version started or finished). */
  say(text: string) {
    this.clear();
    process.stderr.write(text + '\n');
    if (this.tty) this.tick();
  }
}
