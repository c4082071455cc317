// A target is { runtime, version } (harness/target.ts), printed one way and read back one way, and
// what a person types to name one is read in one place, whichever command reads it.
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../harness/node-binaries.ts';
import { pinFor, pins } from '../../harness/pins.ts';
import { bareVersion, isNode, parseTarget, parseTyped, printTarget, targetFileStem, targetLabel, type Release } from '../../harness/target.ts';
import { exactRelease } from '../../tools/upgrade.ts';

describe('a target, printed and read back', () => {
  const cases: [Release, string][] = [
    [{ runtime: 'node', version: '22.1.0' }, 'v22.1.0'],
    [{ runtime: 'bun', version: '1.4.5' }, 'bun 1.4.5'],
    [{ runtime: 'deno', version: '2.9.6' }, 'deno 2.9.6'],
  ];
  it.each(cases)('%j prints as %j, which reads back as the same target', (t, printed) => {
    expect(printTarget(t)).toBe(printed);
    expect(parseTarget(printed)).toEqual(t);
  });

  it('a bare x.y.z reads as Node; anything else is not a target', () => {
    expect(parseTarget('22.1.0')).toEqual({ runtime: 'node', version: '22.1.0' });
    for (const junk of ['', 'v22', 'node 22.1.0', 'bun', 'bun 1.4', 'deno 2.9.6 extra', 'yarn 1.2.3']) expect(parseTarget(junk), junk).toBeUndefined();
  });

  it('labels, file names and the Node test', () => {
    expect(targetLabel('v22.1.0')).toBe('Node v22.1.0');
    expect(targetLabel('bun 1.4.5')).toBe('bun 1.4.5');
    expect(targetFileStem({ runtime: 'node', version: '22.1.0' })).toBe('node-22.1.0');
    expect(targetFileStem({ runtime: 'deno', version: '2.9.6' })).toBe('deno-2.9.6');
    expect([isNode('v22.1.0'), isNode('bun 1.4.5')]).toEqual([true, false]);
    expect([bareVersion('v22.1.0'), bareVersion(' 22.1.0 '), bareVersion('v22')]).toEqual(['22.1.0', '22.1.0', '22']);
  });
});

describe('what a person types to name a target (SPEC_NODE, --node, matrix targets, upgrade)', () => {
  it.each([
    ['', { kind: 'this' }],
    ['22', { kind: 'major', major: '22' }],
    ['v22', { kind: 'major', major: '22' }],
    ['18.20.8', { kind: 'release', release: { runtime: 'node', version: '18.20.8' } }],
    [' v18.20.8 ', { kind: 'release', release: { runtime: 'node', version: '18.20.8' } }],
    ['bun', { kind: 'pinned', runtime: 'bun' }],
    ['Deno', { kind: 'pinned', runtime: 'deno' }],
    ['bun@1.4.5', { kind: 'release', release: { runtime: 'bun', version: '1.4.5' } }],
    ['deno@v2.9.6', { kind: 'release', release: { runtime: 'deno', version: '2.9.6' } }],
    ['banana', { kind: 'unknown', typed: 'banana' }],
  ] as const)('%j', (typed, want) => {
    expect(parseTyped(typed)).toEqual(want);
  });

  it('a path is a path only when it looks like one', () => {
    const isPath = (s: string) => s.includes('/');
    expect(parseTyped('/opt/node/bin/node', isPath)).toEqual({ kind: 'path', path: '/opt/node/bin/node' });
    expect(parseTyped('/opt/node/bin/node')).toEqual({ kind: 'unknown', typed: '/opt/node/bin/node' });
  });

  it('upgrade reads its releases the same way: a pinned major or an exact Node release, nothing else', () => {
    const [major, pin] = Object.entries(pins())[0]!;
    expect(exactRelease(major)).toBe(pin);
    expect(exactRelease(`v${major}`)).toBe(pin);
    expect(pinFor(major, major)).toBe(pin);
    expect(exactRelease('v18.20.8')).toBe('18.20.8');
    expect(() => exactRelease('99')).toThrow(SpecError);
    expect(() => exactRelease('99')).toThrow(/^Node 99: no pinned release for major 99 in node-versions.json/);
    expect(() => exactRelease('bun@1.4.5')).toThrow(/unknown Node version "bun@1\.4\.5"/);
  });
});
