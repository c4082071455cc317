// Lambda's limit of 1,024 processes and threads (lambda/aws.ts QUOTAS; a pids cgroup per execution
// environment, lambda/cgroup.ts), on each runtime, where this machine can make the cgroup
// (lambda/isolation.ts isolationSupport); elsewhere the claim is skipped with the reason. It starts
// about a thousand processes for seconds, so it runs in the e2e stage only (vitest.config.ts), not
// among the timing-sensitive claims of `npm test`.
import { afterAll, expect } from 'vitest';
import { isolationSupport } from '../../lambda/isolation.ts';
import { functions, lambdaClaim, SPEC_RUNTIMES } from '../support/lambda-claims.ts';
import { number } from '../support/lambda-matchers.ts';
import { expectInvocations } from '../support/lambda-outcome.ts';

const support = await isolationSupport();
const noLimit = support.processLimit.ok ? undefined : `no pids cgroup can be made here: ${support.processLimit.reason}`;
const fns = functions();

afterAll(() => fns.closeAll());

for (const runtime of SPEC_RUNTIMES) {
  lambdaClaim('process-limit', runtime, async () => {
    // 4096 MB: the memory of a function is counted over its processes, and each `sleep` holds 1-2 MB
    // resident (1,000 of them and the runtime: 1.4 GB here), which is not what this claim is about.
    // 120 s: starting a thousand processes took 3.5 s here; the machine may be loaded.
    await fns.with('process-limit', { runtime, memoryMb: 4096, timeoutSec: 120 }, async (fn) => {
      const a = await fn.invoke({});
      // Once its children are gone, the environment starts processes again: the limit is on what runs.
      const b = await fn.invoke({ max: 3 });
      // The runtime's own threads count too: it starts fewer than 1,024 children (1,013 next to 11
      // threads here); its children and its threads make the 1,024 (a few fewer if a thread of its
      // own ended between the failed start and the count).
      const { started = 0, threads = 0 } = (a.response ?? {}) as { started?: number; threads?: number };
      expectInvocations([a, b], [
        { environment: 1, error: undefined, response: { started: number({ above: 1024 - 64, below: 1024 }), threads: expect.any(Number), error: { code: 'EAGAIN', message: 'spawn sleep EAGAIN' } } },
        { environment: 1, error: undefined, response: { started: 3, threads: expect.any(Number), error: null } },
      ]);
      expect(started + threads, 'children and the runtime\'s threads').toBeLessThanOrEqual(1024);
      expect(started + threads, 'children and the runtime\'s threads').toBeGreaterThan(1024 - 8);
    });
  }, { note: 'sleep children one after another, up to 1,100', timeout: 300_000, unsupported: noLimit });
}
