// A target is { runtime, version } (harness/target.ts), printed one way and read back one way, and
// what a person types to name one is read in one place, whichever command reads it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from '../support/temp.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRelease, SpecError } from '../../harness/node-binaries.ts';
import { pinFor, pins, runtimePins } from '../../harness/pins.ts';
import { bareVersion, isNode, ltsMajor, parseTarget, parseTyped, pickNodeRelease, printTarget, readNvmrc, targetFileStem, targetLabel, targetName, type Release } from '../../harness/target.ts';

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
    expect(targetLabel('v22.1.0')).toBe('node 22.1.0');
    expect(targetName({ runtime: 'node', version: '22.1.0' })).toBe('node 22.1.0');
    expect(targetName({ runtime: 'deno', version: '2.9.6' })).toBe('deno 2.9.6');
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
    ['lts', { kind: 'alias', alias: 'lts' }],
    ['LATEST', { kind: 'alias', alias: 'latest' }],
    ['.nvmrc', { kind: 'nvmrc', path: '.nvmrc' }],
    ['app/.nvmrc', { kind: 'nvmrc', path: 'app/.nvmrc' }],
    ['.node-version', { kind: 'nvmrc', path: '.node-version' }],
    ['engines', { kind: 'engines', path: 'package.json' }],
    ['app/package.json', { kind: 'engines', path: 'app/package.json' }],
  ] as const)('%j', (typed, want) => {
    expect(parseTyped(typed)).toEqual(want);
  });

  it('a path is a path only when it looks like one', () => {
    const isPath = (s: string) => s.includes('/');
    expect(parseTyped('/opt/node/bin/node', isPath)).toEqual({ kind: 'path', path: '/opt/node/bin/node' });
    expect(parseTyped('/opt/node/bin/node')).toEqual({ kind: 'unknown', typed: '/opt/node/bin/node' });
  });

  it('a major or an exact release resolves without the registry or a binary; bun and deno to their pins', async () => {
    const offline = { releases: async (): Promise<string[]> => { throw new Error('the registry was asked'); } };
    const [major, pin] = Object.entries(pins())[0]!;
    expect(await resolveRelease(major, offline)).toEqual({ runtime: 'node', version: pin });
    expect(await resolveRelease(`v${major}`, offline)).toEqual({ runtime: 'node', version: pin });
    expect(pinFor(major, major)).toBe(pin);
    expect(await resolveRelease('v18.20.8', offline)).toEqual({ runtime: 'node', version: '18.20.8' });
    expect(await resolveRelease('bun', offline)).toEqual({ runtime: 'bun', version: runtimePins().bun });
    expect(await resolveRelease('deno@2.9.6', offline)).toEqual({ runtime: 'deno', version: '2.9.6' });
    await expect(resolveRelease('99', offline)).rejects.toThrow(/^Node 99: no pinned release for major 99 in node-versions.json/);
    await expect(resolveRelease('banana', offline)).rejects.toThrow(/^unknown Node target "banana": give a major \(22\), an exact version \(18\.20\.8\), lts, latest, \.nvmrc/);
  });
});

// A registry's list made up for these tests: 24 is LTS (25 is out), 26 is Current (no 27 yet).
const LIST = ['18.19.0', '18.19.1', '18.20.8', '20.20.2', '22.23.3', '23.11.1', '24.0.0', '24.22.3', '25.9.0', '26.0.0', '26.12.1'];
const PINNED = { '18': '18.20.8', '20': '20.20.2', '22': '22.23.3', '24': '24.22.0', '26': '26.10.0' };

describe('lts, latest, .nvmrc and engines: a Node release picked from the registry\'s list', () => {
  it('the LTS line is the newest even major with a later major out; latest is the newest release', () => {
    expect(ltsMajor(LIST)).toBe('24');
    expect(ltsMajor([...LIST, '27.0.0'])).toBe('26');
    expect(ltsMajor(['26.0.0'])).toBeUndefined();
    expect(pickNodeRelease({ kind: 'lts' }, LIST, PINNED)).toBe('24.22.3');
    expect(pickNodeRelease({ kind: 'latest' }, LIST, PINNED)).toBe('26.12.1');
  });

  it.each([
    ['22\n', { kind: 'major', major: '22' }],
    ['v18.19\n', { kind: 'range', range: '18.19.x', pinsFirst: false }],
    ['18.20.8', { kind: 'release', version: '18.20.8' }],
    ['# pinned for CI\nlts/*\n', { kind: 'lts' }],
    ['lts/Hydrogen', { kind: 'lts', major: '18' }],
    ['node', { kind: 'latest' }],
  ] as const)('.nvmrc %j', (text, wish) => {
    expect(readNvmrc(text)).toEqual(wish);
  });

  it('a .nvmrc it cannot read is one line naming the file', () => {
    expect(() => readNvmrc('\n\n', '/x/.nvmrc')).toThrow(/^\/x\/\.nvmrc names no version \(it is empty\)$/);
    expect(() => readNvmrc('lts/banana', '/x/.nvmrc')).toThrow(/^\/x\/\.nvmrc: unknown LTS name "banana" \(known: argon, /);
    expect(() => readNvmrc('system', '/x/.nvmrc')).toThrow(/^\/x\/\.nvmrc: cannot read "system" as a Node version/);
  });

  it('an engines range: the newest pinned release in it, else the newest registry release in it', () => {
    const range = (r: string) => pickNodeRelease({ kind: 'range', range: r, pinsFirst: true }, LIST, PINNED);
    expect(range('>=18')).toBe('26.10.0');
    expect(range('^18.19.0 || ^20')).toBe('20.20.2');
    expect(range('18.19.x')).toBe('18.19.1');
    expect(range('>=30')).toBeUndefined();
    expect(pickNodeRelease({ kind: 'range', range: '18.19.x', pinsFirst: false }, LIST, PINNED)).toBe('18.19.1');
    expect(pickNodeRelease({ kind: 'lts', major: '20' }, LIST, PINNED)).toBe('20.20.2');
  });

  describe('read from files (resolveRelease, the registry\'s list given)', () => {
    // Made when the tests start, not when the file is collected (`vitest list` runs no afterAll).
    const dir = tempFolder('nas-target-');
    const o = () => ({ cwd: dir(), releases: async () => LIST });
    const write = (name: string, text: string) => {
      mkdirSync(join(dir(), name, '..'), { recursive: true });
      writeFileSync(join(dir(), name), text);
    };

    it('.nvmrc in the current directory, or a path to one; engines from package.json, or a path to one', async () => {
      write('.nvmrc', 'lts/*\n');
      write('app/.nvmrc', '18.19\n');
      write('package.json', JSON.stringify({ engines: { node: '>=20 <24' } }));
      write('app/package.json', JSON.stringify({ engines: { node: '^18.19.0' } }));
      expect(await resolveRelease('.nvmrc', o())).toEqual({ runtime: 'node', version: '24.22.3' });
      expect(await resolveRelease('app/.nvmrc', o())).toEqual({ runtime: 'node', version: '18.19.1' });
      expect(await resolveRelease('engines', o())).toEqual({ runtime: 'node', version: pins()['23'] });
      expect(await resolveRelease('app/package.json', o())).toEqual({ runtime: 'node', version: pins()['18'] });
      expect(await resolveRelease('lts', o())).toEqual({ runtime: 'node', version: '24.22.3' });
      expect(await resolveRelease('latest', o())).toEqual({ runtime: 'node', version: '26.12.1' });
    });

    it('what cannot be read is one line naming the file', async () => {
      write('none/package.json', JSON.stringify({ name: 'x' }));
      write('bad/package.json', JSON.stringify({ engines: { node: 'soon' } }));
      write('far/package.json', JSON.stringify({ engines: { node: '>=40' } }));
      write('empty/.nvmrc', '');
      const fails = async (typed: string) => resolveRelease(typed, o()).then(() => 'resolved', (e: unknown) => (e instanceof SpecError ? e.message : `not a SpecError: ${String(e)}`));
      expect(await fails('missing/.nvmrc')).toBe(`target missing/.nvmrc: cannot read ${join(dir(), 'missing/.nvmrc')} (ENOENT)`);
      expect(await fails('none/package.json')).toBe(`target none/package.json: ${join(dir(), 'none/package.json')} has no engines.node`);
      expect(await fails('bad/package.json')).toBe(`target bad/package.json: engines.node in ${join(dir(), 'bad/package.json')} is not a semver range: "soon"`);
      expect(await fails('far/package.json')).toBe('target far/package.json: the npm registry lists no Node release for a release in the range >=40');
      expect(await fails('empty/.nvmrc')).toBe(`target empty/.nvmrc: ${join(dir(), 'empty/.nvmrc')} names no version (it is empty)`);
    });
  });
});
