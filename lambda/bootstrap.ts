// How Lambda's bootstrap starts the Node process of a nodejs runtime, played here: the command
// line (heap limits from the memory size, --expose-gc, the HTTP header size, the module flags of
// the runtime), the module search path with the layers, the runtime's Node first in PATH, the
// descriptor limit, and AWS_LAMBDA_EXEC_WRAPPER. Each figure and rule comes from aws.ts (BOOTSTRAP),
// where its source is quoted; this module only applies them to one function.
//
// The process starts as `/bin/sh lambda/runtime/bootstrap.sh <node> <flags> ...`: the script sets
// the descriptor limit, checks and runs AWS_LAMBDA_EXEC_WRAPPER as Lambda's bootstrap does, and
// then execs (same process id, same process group, same pipes) the wrapper or Node itself.
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from '../harness/project.ts';
import {
  BOOTSTRAP_NODE_FLAGS, HEAP_FLAG_NAMES, LAMBDA_PATH_TAIL, MAX_FILE_DESCRIPTORS, MODULE_FLAGS, heapSizes,
} from './aws.ts';
import type { RuntimeInfo } from './runtimes.ts';

export interface Launch {
  /** The program to start. */
  file: string;
  /** Its arguments before the freeze hook and the runtime's entry script. */
  args: string[];
}

/** Node's own major of a runtime ("nodejs22.x" -> "22"), as the layer folder `nodejs/node22` names it. */
const major = (info: RuntimeInfo) => info.name.replace(/^nodejs(\d+)\.x$/, '$1');

/** The words of NODE_OPTIONS (split on white space, as the bootstrap's pattern match sees them). */
const words = (nodeOptions: string | undefined) => (nodeOptions ?? '').split(/\s+/).filter(Boolean);

/**
 * The heap flags: none when NODE_OPTIONS names either size (with `-` or `_`: V8 takes both), else
 * the semi-space and old-space sizes the bootstrap computes from the memory size.
 */
export function heapFlags(memoryMb: number, nodeOptions: string | undefined): string[] {
  if (HEAP_FLAG_NAMES.some((n) => (nodeOptions ?? '').includes(n))) return [];
  const { semiSpaceMb, oldSpaceMb } = heapSizes(memoryMb);
  return [`--max-semi-space-size=${semiSpaceMb}`, `--max-old-space-size=${oldSpaceMb}`];
}

/** The flags that turn a runtime's experimental module features off, less those NODE_OPTIONS turns back on. */
export function moduleFlags(runtime: string, nodeOptions: string | undefined): string[] {
  const on = words(nodeOptions);
  return MODULE_FLAGS.filter((f) => (f.runtimes as readonly string[]).includes(runtime) && !on.includes(f.enable)).map((f) => f.disable);
}

/** Node's flags, in the bootstrap's order: fixed ones, module flags, heap flags. */
export function nodeFlags(info: RuntimeInfo, memoryMb: number, nodeOptions: string | undefined): string[] {
  return [...BOOTSTRAP_NODE_FLAGS, ...moduleFlags(info.name, nodeOptions), ...heapFlags(memoryMb, nodeOptions)];
}

/**
 * NODE_PATH as the bootstrap sets it when the function does not: `/opt/nodejs/node<major>/node_modules`,
 * `/opt/nodejs/node_modules` (of each layer: Lambda extracts the layers into /opt in order, a later
 * one over an earlier one, so a later layer's folders come first here), then the runtime's own
 * `node_modules`, the runtime folder and the task root.
 */
export function nodePath(info: RuntimeInfo, layers: string[], taskRoot: string): string {
  const runtimeDir = dirname(info.entry);
  const fromLayers = [...layers].reverse().flatMap((l) => [join(l, 'nodejs', `node${major(info)}`, 'node_modules'), join(l, 'nodejs', 'node_modules')]);
  return [...fromLayers, join(runtimeDir, 'node_modules'), runtimeDir, taskRoot].join(delimiter);
}

/** PATH: the runtime's Node first (Lambda's /var/lang/bin), the system's folders, then each layer's bin (Lambda's /opt/bin). */
export function runtimePath(nodeBinary: string, layers: string[]): string {
  return [dirname(nodeBinary), ...LAMBDA_PATH_TAIL, ...[...layers].reverse().map((l) => join(l, 'bin'))].join(delimiter);
}

/** The shell script that applies the limits and the exec wrapper, then execs Node. */
export const BOOTSTRAP_SCRIPT = join(ROOT, 'lambda', 'runtime', 'bootstrap.sh');

/**
 * The runtime process's command and the variables the bootstrap adds: NODE_PATH (unless the
 * function sets its own), PATH, and the descriptor limit the script applies.
 */
export function bootstrap(info: RuntimeInfo, nodeBinary: string, memoryMb: number, fnEnv: Record<string, string>, layers: string[], taskRoot: string): { launch: Launch; env: Record<string, string> } {
  return {
    launch: { file: '/bin/sh', args: [BOOTSTRAP_SCRIPT, nodeBinary, ...nodeFlags(info, memoryMb, fnEnv.NODE_OPTIONS)] },
    env: {
      PATH: runtimePath(nodeBinary, layers),
      NODE_PATH: fnEnv.NODE_PATH ?? nodePath(info, layers, taskRoot),
      LAMBDA_LOCAL_NOFILE: String(MAX_FILE_DESCRIPTORS),
    },
  };
}
