// Progress on stderr for the long commands (tools/progress.ts): done/total, time elapsed and an
// estimate of the time left; a line rewritten in place on a terminal, a line per tenth elsewhere.
import { describe, expect, it } from 'vitest';
import { duration, Progress, progressLine } from '../../tools/progress.ts';

/** A stream that records what is written to it. */
function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, columns: 200, write: (t: string) => out.push(t) > 0 } as unknown as NodeJS.WriteStream };
}

describe('progress', () => {
  it('durations in whole seconds, minutes and hours', () => {
    expect([duration(0), duration(44_600), duration(65_000), duration(3_725_000)]).toEqual(['0 s', '45 s', '1 min 05 s', '1 h 02 min']);
  });

  it('the line: done/total, elapsed, and the time left at the mean pace so far (none before the first, none at the end)', () => {
    expect(progressLine('upgrade', 'runs', 40, 320, 60_000)).toBe('upgrade: 40/320 runs, 1 min 00 s elapsed, about 7 min 00 s left');
    expect(progressLine('upgrade', 'runs', 0, 320, 5_000)).toBe('upgrade: 0/320 runs, 5 s elapsed');
    expect(progressLine('upgrade', 'runs', 320, 320, 5_000)).toBe('upgrade: 320/320 runs, 5 s elapsed');
  });

  it('not on a terminal: a line at the start, per tenth done and at the end, never a rewritten line', () => {
    const { out, s } = stream(false);
    const p = new Progress('upgrade', 'runs', 0, s);
    p.grow(20);
    for (let i = 0; i < 20; i++) p.step();
    p.say('done');
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    expect(out.map((l) => l.split(',')[0])).toEqual(['upgrade: 0/20 runs', ...Array.from({ length: 10 }, (_, i) => `upgrade: ${2 * (i + 1)}/20 runs`), 'upgrade: done\n']);
  });

  it('on a terminal: one line rewritten in place, cleared before a line that stays', () => {
    const { out, s } = stream(true);
    const p = new Progress('upgrade', 'runs', 4, s);
    for (let i = 0; i < 4; i++) p.step();
    p.say('4 differ');
    p.clear();
    expect(out[0]).toMatch(/^\r\x1b\[Kupgrade: 1\/4 runs, \d+ s elapsed, about \d+ s left$/);
    expect(out).toContain('\r\x1b[Kupgrade: 4/4 runs, 0 s elapsed');
    expect(out.at(-2)).toBe('\r\x1b[K');
    expect(out.at(-1)).toBe('upgrade: 4 differ\n');
    expect(out.filter((l) => l.includes('\n') && l.includes('/4 runs'))).toEqual([]);
  });
});
