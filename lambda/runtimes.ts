// The Lambda runtimes this project can play, and whether this machine can run each one.
//
// Each runtime is the real AWS runtime interface client from npm (aws-lambda-ric, installed as
// the optional dependencies aws-lambda-ric-3 and aws-lambda-ric-4) under the matching Node
// binary (harness/node-binaries.ts). The client builds a native addon when it is installed; where
// that build could not happen the runtime is unavailable, and runtimeAvailability() says why, so
// specs can skip visibly and the command can give a one-line error.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { resolveTarget, type Target } from '../harness/node-binaries.ts';
import { installedPackage, ROOT, SpecError } from '../harness/project.ts';

export interface RuntimeInfo {
  /** Lambda's identifier, e.g. "nodejs22.x". */
  name: string;
  /** Node major, resolved through node-versions.json. */
  node: string;
  /** Major version of aws-lambda-ric this runtime generation uses. */
  ric: 3 | 4;
  /** Package directory (the npm alias) of that client. */
  pkg: string;
  /** The client's native addon, built at install time. */
  addon: string;
  /** Script the runtime process starts with. */
  entry: string;
}

function ric3(name: string, node: string): RuntimeInfo {
  const pkg = installedPackage('aws-lambda-ric-3');
  return { name, node, ric: 3, pkg, addon: join(pkg, 'dist', 'rapid-client.node'), entry: join(ROOT, 'lambda', 'runtime', 'bootstrap-ric3.mjs') };
}
function ric4(name: string, node: string): RuntimeInfo {
  const pkg = installedPackage('aws-lambda-ric-4');
  return { name, node, ric: 4, pkg, addon: join(pkg, 'rapid-client.node'), entry: join(pkg, 'index.mjs') };
}

/** The runtimes, in one place: specs and commands take the list from here. */
export const RUNTIME_NAMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const;
export type RuntimeName = (typeof RUNTIME_NAMES)[number];

/** nodejs20.x and nodejs22.x run aws-lambda-ric 3.x; nodejs24.x runs 4.x (callback handlers removed). */
export const RUNTIMES: Record<RuntimeName, RuntimeInfo> = {
  'nodejs20.x': ric3('nodejs20.x', '20'),
  'nodejs22.x': ric3('nodejs22.x', '22'),
  'nodejs24.x': ric4('nodejs24.x', '24'),
};

export const DEFAULT_RUNTIME = 'nodejs22.x';

/**
 * The runtimes a test stage states the Lambda claims on, the default runtime first, from
 * SPEC_LAMBDA_RUNTIMES (set per vitest project in vitest.config.ts): `default` (`npm test`: the
 * Lambda claims on one runtime, as the Node claims run on one Node), or unset / `all`
 * (`npm run test:e2e`, and a plain `vitest run`: every runtime).
 */
export function specRuntimes(value: string | undefined): readonly RuntimeName[] {
  const all: RuntimeName[] = [DEFAULT_RUNTIME, ...RUNTIME_NAMES.filter((r) => r !== DEFAULT_RUNTIME)];
  if (value === undefined || value === '' || value === 'all') return all;
  if (value === 'default') return [DEFAULT_RUNTIME];
  throw new Error(`SPEC_LAMBDA_RUNTIMES: ${JSON.stringify(value)} is not one of default, all`);
}

export function runtimeInfo(runtime: string): RuntimeInfo {
  const info = RUNTIMES[runtime as RuntimeName];
  if (!info) throw new SpecError(`unknown runtime ${JSON.stringify(runtime)} (known: ${Object.keys(RUNTIMES).join(', ')})`);
  return info;
}

/** The build tools the client's install script needs (it compiles curl and aws-lambda-cpp). */
const BUILD_TOOLS = ['cmake', 'make', 'g++', 'autoconf', 'automake', 'libtoolize'];

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, tool)));
}

export function missingBuildTools(): string[] {
  return BUILD_TOOLS.filter((t) => !onPath(t)).map((t) => (t === 'libtoolize' ? 'libtool' : t));
}

function installedVersion(pkg: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Whether the client for `runtime` is installed and built here. Never throws for a known runtime;
 * the reason names what is missing (the package, its native build, the build tools, the platform).
 */
export function runtimeAvailability(runtime: string): { ok: true } | { ok: false; reason: string } {
  const info = RUNTIMES[runtime as RuntimeName];
  if (!info) return { ok: false, reason: `unknown runtime ${JSON.stringify(runtime)} (known: ${Object.keys(RUNTIMES).join(', ')})` };
  const alias = `aws-lambda-ric-${info.ric}`;
  if (process.platform !== 'linux') {
    return { ok: false, reason: `${runtime} needs aws-lambda-ric ${info.ric}.x, which builds only on Linux (this is ${process.platform})` };
  }
  const tools = missingBuildTools();
  const toolsNote = tools.length ? `; missing build tools: ${tools.join(', ')}` : '';
  if (!installedVersion(info.pkg)) {
    const engineNote = info.ric === 4 ? '; npm skips it when npm itself runs under Node < 22 (its engines field)' : '';
    return { ok: false, reason: `${runtime} needs aws-lambda-ric ${info.ric}.x (optional dependency ${alias}), which is not installed${engineNote}${toolsNote}` };
  }
  if (!existsSync(info.addon)) {
    return {
      ok: false,
      reason: `${runtime}: ${alias} is installed but its native addon was not built (install scripts not run or the build failed${toolsNote}); rebuild with \`npm rebuild ${alias} --foreground-scripts\``,
    };
  }
  return { ok: true };
}

/**
 * The runtime version the INIT_START line names (aws.ts initStartText). On Lambda it is AWS's build
 * of the runtime, `nodejs:22.v13`, and an ARN whose last part identifies that build. Here the build
 * is the pair this machine runs: the Node release and the aws-lambda-ric release, both in the
 * version (`nodejs:22.local-node22.23.3-ric3.3.0`, no spaces: the line's fields are split on white
 * space by the log queries the page shows); the ARN names the function's region and ends with the
 * SHA-256 of that version, 64 hex digits as in AWS's example: another Node or client release is
 * another runtime version.
 */
export function runtimeVersion(info: RuntimeInfo, nodeVersion: string, region = 'us-east-1'): { version: string; arn: string } {
  const version = `${info.name.replace(/\.x$/, '').replace(/(\d+)$/, ':$1')}.local-node${nodeVersion.replace(/^v/, '')}-ric${installedVersion(info.pkg) ?? 'unknown'}`;
  return { version, arn: `arn:aws:lambda:${region}::runtime:${createHash('sha256').update(version).digest('hex')}` };
}

/** Availability plus the Node binary (fetched into the cache if needed). */
export async function prepareRuntime(runtime: string): Promise<{ ok: true; info: RuntimeInfo; node: Target } | { ok: false; reason: string }> {
  const a = runtimeAvailability(runtime);
  if (!a.ok) return a;
  const info = RUNTIMES[runtime as RuntimeName];
  try {
    return { ok: true, info, node: await resolveTarget(info.node) };
  } catch (e) {
    return { ok: false, reason: `${runtime}: no Node ${info.node} binary (${(e as Error).message})` };
  }
}
