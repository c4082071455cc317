// Whether a scenario applies to a target: its Node range, the runtimes its header leaves out, and
// the Node flags each other runtime takes under the same name.
import semver from 'semver';
import type { Scenario } from './scenario.ts';
import { parseTarget, type Release, type Runtime } from './target.ts';

/**
 * The Node CLI flags (by name) that each other runtime takes under the same name, as its `--help`
 * lists them (spec/tooling/runtimes.spec.ts checks this against the pinned binaries). A scenario
 * whose header gives a flag its runtime does not take is n.a. there: Bun ignores flags it does not
 * know, and `deno run` refuses every Node flag but these.
 */
export const RUNTIME_FLAGS: Record<Exclude<Runtime, 'node'>, readonly string[]> = {
  bun: [
    '--unhandled-rejections', '--pending-deprecation', '--no-deprecation', '--throw-deprecation', '--trace-deprecation',
    '--no-warnings', '--trace-warnings', '--disable-warning', '--redirect-warnings', '--expose-gc', '--conditions',
    '--title', '--zero-fill-buffers', '--max-http-header-size', '--insecure-http-parser', '--dns-result-order',
    '--preserve-symlinks', '--preserve-symlinks-main', '--require', '--import',
  ],
  deno: ['--conditions', '--require'],
};

/** The flags of a list that `runtime` does not take (a token without a leading dash is the previous flag's value). */
export function flagsNotTaken(runtime: Runtime, flags: readonly string[]): string[] {
  if (runtime === 'node') return [];
  return flags.filter((f) => f.startsWith('-') && !RUNTIME_FLAGS[runtime].includes(f.split('=')[0]!));
}

type TargetLike = Release | string;

/** A target given printed ("v22.1.0", "bun 1.4.5"; harness/target.ts parseTarget) or as a bare Node version ("22.1.0"). */
function asTarget(t: TargetLike): Release {
  if (typeof t !== 'string') return t;
  return parseTarget(t) ?? { runtime: 'node', version: t };
}

/**
 * Why a scenario does not apply to a target, in a few words (undefined when it does): its Node
 * range excludes the version, its header leaves the runtime out (`not-on`, with the reason, or
 * `runtimes`), or the runtime does not take one of its flags (the header's and `extraFlags`).
 */
export function whyNotApplicable(s: Pick<Scenario, 'node' | 'runtimes'> & Partial<Pick<Scenario, 'notOn' | 'flags'>>, t: TargetLike, extraFlags: readonly string[] = []): string | undefined {
  const target = asTarget(t);
  if (target.runtime === 'node') return semver.satisfies(target.version, s.node, { includePrerelease: true }) ? undefined : `applies to Node ${s.node}`;
  const reason = s.notOn?.[target.runtime];
  if (reason) return `not on ${target.runtime}: ${reason}`;
  if (!s.runtimes.includes(target.runtime)) return `applies to ${s.runtimes.join(', ')}`;
  const bad = flagsNotTaken(target.runtime, [...(s.flags ?? []), ...extraFlags]);
  if (bad.length) return `${target.runtime} does not take Node's ${bad.join(' ')}`;
  return undefined;
}

/** Whether a scenario applies to a target (see whyNotApplicable). */
export function appliesTo(s: Pick<Scenario, 'node' | 'runtimes'> & Partial<Pick<Scenario, 'notOn' | 'flags'>>, t: TargetLike, extraFlags: readonly string[] = []): boolean {
  return whyNotApplicable(s, t, extraFlags) === undefined;
}
