// What keeps an execution environment apart, beyond its /tmp (spec/lambda/process.spec.ts): a
// read-only code directory (a mount namespace of the runtime's own) and Lambda's process limit (a
// pids cgroup), on each runtime, where this machine allows them (lambda/isolation.ts
// isolationSupport: root, or CAP_SYS_ADMIN); elsewhere each claim is skipped with the reason, and
// what the service says instead is shown by giving it less than the machine allows.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { ROOT } from '../../harness/project.ts';
import { holdFolder, isGuard, isRunning, killGroup, tree, until, type Proc } from '../../harness/procs.ts';
import { CGROUP_PREFIX, cgroupMounts, ownCgroup, pidsParent } from '../../lambda/cgroup.ts';
import { unenforcedNotes } from '../../lambda/cli.ts';
import { hostTmpPaths, isolatedLaunch, isolationSupport, ISOLATE_SCRIPT } from '../../lambda/isolation.ts';
import { runtimeAvailability } from '../../lambda/service.ts';
import { functions, HANDLERS, handlerFile, lambdaClaim, SPEC_RUNTIMES } from '../support/lambda-claims.ts';
import { tempFolder } from '../support/temp.ts';
import { expectInvocations } from '../support/lambda-outcome.ts';

const support = await isolationSupport();
const noReadOnly = support.readOnlyCode.ok ? undefined : `the code directory cannot be made read-only here: ${support.readOnlyCode.reason}`;
const noLimit = support.processLimit.ok ? undefined : `no pids cgroup can be made here: ${support.processLimit.reason}`;
const fns = functions();
/** The first runtime this machine can run, for the tests of the service itself. */
const runtime = SPEC_RUNTIMES.find((r) => runtimeAvailability(r).ok);

// A layer folder (as a layer's .zip extracts), removed however the run ends (spec/support/temp.ts).
const layerDir = tempFolder('lambda-layer-ro-spec-');
let layer = '';
beforeAll(() => {
  layer = layerDir();
  mkdirSync(join(layer, 'nodejs', 'node_modules'), { recursive: true });
});
afterAll(async () => {
  await fns.closeAll();
  // Every function closed: none of this process's cgroups is left (the tests run at once, so each
  // checks only its own before this).
  expect(ourCgroups()).toEqual([]);
});

/** The files a write test may have left in a folder (the handler removes its own when the write works). */
const written = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.written-by-'));

/** This service's cgroups now (lambda/cgroup.ts names them after the service's process id). */
function ourCgroups(): string[] {
  const parent = pidsParent();
  if (!('dir' in parent)) return [];
  return readdirSync(parent.dir).filter((n) => n.startsWith(`${CGROUP_PREFIX}${process.pid}-`)).map((n) => join(parent.dir, n));
}

/** The cgroup v1 pids folder (or v2 folder) a process is in, from /proc/<pid>/cgroup. */
const cgroupOf = (pid: number) => ownCgroup(readFileSync(`/proc/${pid}/cgroup`, 'utf8'), 'pids') ?? ownCgroup(readFileSync(`/proc/${pid}/cgroup`, 'utf8'), '');

for (const runtime of SPEC_RUNTIMES) {
  lambdaClaim('read-only-code', runtime, async () => {
    await fns.with('read-only-code', { runtime, layers: [layer] }, async (fn) => {
      const own = await fn.invoke({});
      const inLayer = await fn.invoke({ dir: layer });
      const tmp = await fn.invoke({ dir: 'tmp' });
      // The runtime client's error for a failed write: its message is Node's, naming the file. One
      // environment serves all three: a failed write does not reset it.
      const erofs = (file: string) => ({ errorType: 'Error', errorMessage: `EROFS: read-only file system, open '${file}'`, trace: expect.any(Array) });
      expectInvocations([own, inLayer, tmp], [
        { environment: 1, coldStart: true, error: erofs(join(HANDLERS, `.written-by-${own.pid}`)) },
        { environment: 1, coldStart: false, error: erofs(join(layer, `.written-by-${inLayer.pid}`)) },
        // Where the code can be made read-only, the environment's folder is /tmp itself (lambda/isolation.ts).
        { environment: 1, coldStart: false, error: undefined, response: { wrote: '/tmp' } },
      ]);
    });
    expect([...written(HANDLERS), ...written(layer)]).toEqual([]);
  }, { note: 'its own folder, a layer, then os.tmpdir()', unsupported: noReadOnly });
}

describe('the isolation around the runtime process (lambda/isolation.ts, lambda/cgroup.ts)', () => {
  if (!runtime) {
    skipped('the isolation around the runtime process', 'no Lambda runtime can run here');
    return;
  }

  if (noReadOnly || noLimit) skipped('a mount namespace and a pids cgroup of its own, gone with the function', (noReadOnly ?? noLimit)!);
  else {
    it('a mount namespace and a pids cgroup of its own (pids.max 1024), the same process id, the cgroup kept across its runtime processes; neither outlives the function', async () => {
      let dir = '';
      await fns.with('read-only-code', { runtime }, async (fn) => {
        const r = await fn.invoke({ dir: 'tmp' });
        expect(r.error).toBeUndefined();
        // The runtime process (the pid the service started: unshare and the scripts exec'd in place)
        // is in one of this service's cgroups.
        const name = basename(cgroupOf(r.pid) ?? '');
        expect(name.startsWith(`${CGROUP_PREFIX}${process.pid}-`)).toBe(true);
        dir = join((pidsParent() as { dir: string }).dir, name);
        expect(readFileSync(join(dir, 'pids.max'), 'utf8').trim()).toBe('1024');
        expect(readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n')).toContain(String(r.pid));
        // Its mounts are its own: nothing of them in this process's namespace.
        expect(readFileSync(`/proc/${r.pid}/mountinfo`, 'utf8')).toContain(` ${HANDLERS} ${HANDLERS} ro,`);
        expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(` ${HANDLERS} `);
        // Killed while frozen: the environment's next runtime process joins the same cgroup.
        killGroup(r.pid, 'SIGKILL');
        killGroup(r.pid, 'SIGCONT');
        await until('the service to see its runtime gone', () => fn.environments()[0]?.pid === undefined, 30_000);
        const again = await fn.invoke({ dir: 'tmp' });
        expect([again.environment, again.suppressedInit, again.pid === r.pid]).toEqual([1, true, false]);
        expect(basename(cgroupOf(again.pid) ?? '')).toBe(name);
      });
      expect(existsSync(dir)).toBe(false);
    });

    it('a service killed with SIGKILL: its guard kills the runtime and removes the cgroup', async () => {
      const args = [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'lambda', 'cli.ts'), '--', 'serve', handlerFile('read-only-code'), '--runtime', runtime, '--timeout', '60', '--port', '0'];
      const child = execa(process.execPath, args, { cwd: ROOT, reject: false, timeout: 120_000 });
      let procs: Proc[] = [];
      let dir = '';
      try {
        let stdout = '';
        child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
        await until('the base URL on the first line of stdout', () => stdout.includes('\n'), 60_000);
        const url = stdout.split('\n')[0]!;
        const res = await fetch(`${url}/2015-03-31/functions/f/invocations`, { method: 'POST', body: '{"dir":"tmp"}' });
        expect(res.status).toBe(200);
        procs = tree(child.pid!).slice(1);
        const runtimePid = procs.find((p) => existsSync(`/proc/${p.pid}/cgroup`) && cgroupOf(p.pid)?.includes(`/${CGROUP_PREFIX}`))?.pid;
        expect(runtimePid).toBeDefined();
        const parent = pidsParent() as { dir: string };
        dir = join(parent.dir, basename(cgroupOf(runtimePid!)!));
        expect(existsSync(dir)).toBe(true);
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
        // The guard kills the frozen runtime, removes the cgroup, then the environment's folder, and
        // exits: every process of the command gone, the guard last. 30 s is a wide margin on a loaded machine.
        await until('the runtime process, its cgroup and the command\'s guard to be gone', () => procs.every((p) => !isRunning(p.pid)) && !existsSync(dir), 30_000);
      } finally {
        // Whatever is left, by process id, and whole groups only where a process leads its own (the
        // command's helpers share this runner's group). Never the guard: it ends by itself once its
        // work is done, and killed in the middle of it, it left the environment's folder half removed.
        for (const p of procs) {
          if (isGuard(p.pid)) continue;
          if (p.pgid === p.pid) killGroup(p.pgid, 'SIGKILL');
          try {
            process.kill(p.pid, 'SIGKILL');
          } catch {
            // gone
          }
        }
        child.kill('SIGKILL');
      }
    }, 180_000);
  }

  const ownTmpPath = "a function's own variable naming a path under /tmp is its business: the runtime starts, and the path is in the environment's /tmp";
  if (noReadOnly) skipped(ownTmpPath, noReadOnly);
  else it(ownTmpPath, async () => {
    const cache = `/tmp/nas-fn-cache-${process.pid}`;
    await fns.with('read-only-code', { runtime, env: { CACHE_DIR: cache } }, async (fn) => {
      const a = await fn.invoke({ dir: cache });
      // Not there yet in a new environment's /tmp: the handler's own mkdir is what makes it.
      expect([a.exit, a.error?.errorMessage]).toEqual([undefined, `ENOENT: no such file or directory, open '${cache}/.written-by-${a.pid}'`]);
      expect(existsSync(cache)).toBe(false);
    });
  });

  it('where the machine allows neither (given less here), the code stays writable and the first invocation of each environment says why', async () => {
    const isolation = { readOnlyCode: { ok: false, reason: 'not given in this test' }, processLimit: { ok: false, reason: 'not given either' } } as const;
    await fns.with('read-only-code', { runtime, isolation }, async (fn) => {
      const a = await fn.invoke({});
      expect(a.error).toBeUndefined();
      expect(a.response).toEqual({ wrote: HANDLERS });
      expect(a.unenforced).toEqual({ readOnlyCode: 'not given in this test', processLimit: 'not given either' });
      expect(unenforcedNotes(a)).toEqual([
        "--- environment 1: its code directory and layers are writable here, read-only on Lambda (EROFS), and its /tmp is TMPDIR, not /tmp itself: not given in this test",
        '--- environment 1: no limit of 1024 processes/threads here, as Lambda has: not given either',
      ]);
      // Said once per environment: not on its next invocation.
      const b = await fn.invoke({});
      expect(b.unenforced).toBeUndefined();
      // Its runtime is in no cgroup of this service's.
      expect(cgroupOf(b.pid)).not.toContain(CGROUP_PREFIX);
    });
    expect(written(HANDLERS)).toEqual([]);
  });
});

describe('finding the pids cgroup hierarchy (lambda/cgroup.ts) and the command line (lambda/isolation.ts)', () => {
  it('reads cgroup v1 and v2 mounts and this process\'s cgroup in each', () => {
    const mountinfo = [
      '30 25 0:26 / /sys/fs/cgroup/pids rw,relatime shared:12 - cgroup cgroup rw,pids',
      '31 25 0:27 /docker/abc /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
      '32 25 0:28 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw,nsdelegate',
      '33 25 0:29 / /tmp rw - tmpfs tmpfs rw',
      '34 25 0:30 / /mnt/with\\040space rw - cgroup2 cgroup2 rw',
    ].join('\n');
    expect(cgroupMounts(mountinfo)).toEqual([
      { root: '/', mountPoint: '/sys/fs/cgroup/pids', fsType: 'cgroup', superOptions: ['rw', 'pids'] },
      { root: '/docker/abc', mountPoint: '/sys/fs/cgroup/memory', fsType: 'cgroup', superOptions: ['rw', 'memory'] },
      { root: '/', mountPoint: '/sys/fs/cgroup/unified', fsType: 'cgroup2', superOptions: ['rw', 'nsdelegate'] },
      { root: '/', mountPoint: '/mnt/with space', fsType: 'cgroup2', superOptions: ['rw'] },
    ]);
    const procCgroup = '9:name=systemd:/\n8:pids:/user.slice\n4:memory:/x\n3:cpu,cpuacct:/\n0::/user.slice/session-1.scope\n';
    expect(ownCgroup(procCgroup, 'pids')).toBe('/user.slice');
    expect(ownCgroup(procCgroup, 'cpuacct')).toBe('/');
    expect(ownCgroup(procCgroup, '')).toBe('/user.slice/session-1.scope');
    expect(ownCgroup('0::/\n', 'pids')).toBeUndefined();
  });

  it('puts the cgroup and the read-only folders in front of the bootstrap, and nothing when neither is given', () => {
    const launch = { file: '/bin/sh', args: ['bootstrap.sh', '/node', '--expose-gc'] };
    expect(isolatedLaunch(launch, { readOnly: ['/code'] })).toEqual(launch);
    expect(isolatedLaunch(launch, { readOnly: ['/code'], cgroup: '/cg' })).toEqual({ file: '/bin/sh', args: [ISOLATE_SCRIPT, '--cgroup', '/cg', '--', '/bin/sh', 'bootstrap.sh', '/node', '--expose-gc'] });
    expect(isolatedLaunch(launch, { readOnly: ['/code', '/layer'], cgroup: '/cg', unshare: '/usr/bin/unshare' })).toEqual({
      file: '/usr/bin/unshare',
      args: ['--mount', '--propagation', 'private', '/bin/sh', ISOLATE_SCRIPT, '--cgroup', '/cg', '--ro', '/code', '--ro', '/layer', '--', '/bin/sh', 'bootstrap.sh', '/node', '--expose-gc'],
    });
    // The environment's folder on /tmp, and the host's /tmp entries it needs kept, before the read-only
    // folders (which may be among them); without a mount namespace, none of it.
    const tmp = { dir: '/tmp/lambda-tmp-x', keep: ['/tmp/code-here'] };
    expect(isolatedLaunch(launch, { readOnly: ['/tmp/code-here/fn'], tmp, unshare: '/usr/bin/unshare' }).args).toEqual(
      ['--mount', '--propagation', 'private', '/bin/sh', ISOLATE_SCRIPT, '--tmp', '/tmp/lambda-tmp-x', '--keep', '/tmp/code-here', '--ro', '/tmp/code-here/fn', '--', '/bin/sh', 'bootstrap.sh', '/node', '--expose-gc'],
    );
    expect(isolatedLaunch(launch, { readOnly: ['/code'], tmp })).toEqual(launch);
  });

  it("keeps what the runtime needs from the host's /tmp: the project, task root and layers, what the command line and PATH/NODE_PATH name there; a file's folder; nothing inside another or inside the environment's folder", () => {
    const base = mkdtempSync('/tmp/nas-keep-spec-');
    const release = holdFolder(base);
    try {
      for (const d of ['clone/lambda/runtime', 'cache/node/bin', 'layer-a/nodejs/node_modules', 'run/lambda-tmp-x/sub']) mkdirSync(join(base, d), { recursive: true });
      for (const f of ['clone/lambda/runtime/bootstrap.sh', 'cache/node/bin/node']) writeFileSync(join(base, f), '');
      const launch = { file: '/bin/sh', args: [join(base, 'clone/lambda/runtime/bootstrap.sh'), join(base, 'cache/node/bin/node'), join(base, 'not-there')] };
      const lists = [`/usr/bin:${join(base, 'cache/node/bin')}`, `/opt/nodejs/node_modules:${join(base, 'layer-a/nodejs/node_modules')}:${join(base, 'run/lambda-tmp-x/sub')}`];
      expect(hostTmpPaths(launch, lists, [join(base, 'clone'), join(base, 'clone/lambda/handlers'), join(base, 'layer-a')], join(base, 'run/lambda-tmp-x')))
        .toEqual([join(base, 'cache/node/bin'), join(base, 'clone'), join(base, 'layer-a')]);
      // A package linked into a kept folder from elsewhere under /tmp (the runtime client linked into a project): where it leads is kept too.
      mkdirSync(join(base, 'elsewhere/ric'), { recursive: true });
      symlinkSync(join(base, 'elsewhere/ric'), join(base, 'clone/ric'));
      expect(hostTmpPaths({ file: '/bin/sh', args: [] }, [], [join(base, 'clone'), join(base, 'clone/ric')], join(base, 'run/lambda-tmp-x')))
        .toEqual([join(base, 'clone'), join(base, 'elsewhere/ric')]);
      // Only under /tmp.
      expect(hostTmpPaths({ file: '/bin/sh', args: [] }, ['/usr/bin'], [ROOT.startsWith('/tmp/') ? '/nowhere' : ROOT], join(base, 'run/lambda-tmp-x'))).toEqual([]);
    } finally {
      rmSync(base, { recursive: true, force: true });
      release();
    }
  });
});
