// The matrix's progress on stderr while its versions run: on a terminal one line rewritten in place
// (the versions done, each running one's claims done), elsewhere a line when it changes or once a
// minute; say() prints a line that stays (a version started or finished). The line names the time
// elapsed and, once a claim is done, an estimate of the time left from the claims done so far.
import { duration } from './progress.ts';

/** One version's run, as the progress line shows it. */
export interface Progress { state: 'queued' | 'running' | 'done'; done: number; total: number; expected: number; summary?: string }

export class ProgressView {
  private readonly tty = Boolean(process.stderr.isTTY);
  private lastLine = '';
  private lastPrint = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly started = Date.now();
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
    // Claims: a version done counts whole; a queued one as many as it is expected to run.
    const all = [...this.rows.values()];
    const claims = all.reduce((n, p) => n + (p.state === 'done' ? Math.max(p.done, p.total) : p.done), 0);
    const total = all.reduce((n, p) => n + (p.state === 'done' ? Math.max(p.done, p.total) : Math.max(p.total, p.expected)), 0);
    const elapsed = Date.now() - this.started;
    const left = claims > 0 && claims < total ? `, about ${duration((elapsed / claims) * (total - claims))} left` : '';
    return `matrix: ${done}/${this.rows.size} versions done, ${claims}/${total} claims, ${duration(elapsed)} elapsed${left}${running.length ? ` · running ${running.join(' · ')}` : ''}`;
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
