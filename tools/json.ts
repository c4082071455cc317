// What every command's --json prints, in one place: the schema version all of them carry and the
// shape of each. A consumer reads `schema` first; it changes (for every command at once) when a
// field changes meaning or goes, never when one is added. Targets inside are { runtime, version }
// (harness/target.ts), the one notation for data; `node` in an observation stays the printed
// target ("v22.1.0", "bun 1.4.5") that stored results use.
//
// schema 1, by command (one shape per command, whatever the options):
//   scenario  an array, one element per run (or per target where the scenario is n.a.), in the
//             order given, even for one run: { schema, id, claim, target, node, binary, applies,
//             stdio, exitCode, signal, stdout, stderr, exitEvent, exitHandler, timedOut,
//             durationMs (whole ms) } or, n.a., { schema, id, claim, target, node, binary,
//             applies: false, notApplicable }
//   upgrade   one object: { schema, from, to (targets, with `binary` when given as a path), only,
//             failOn (the severities that fail, or null), failing (ids), differ: [{ scenario,
//             claim, severity, level, fields, diff, before, after, changes }], unsteady:
//             [{ scenario, on: ['from' | 'to'] }], notCompared: [{ scenario, node, why }], same }
//   bisect    an array, one element per change found: { schema, scenario, line, before, first,
//             kind, fields, missing, possiblyMissing, declared, notes, ... }
//   matrix    --boundaries --list: { schema, boundaries: [...], releases: [...] }
//   cache     one object: { schema, cache, releases, registryLists, totalBytes, removed }
//   bench     one object: { schema, ...the figures measured }
//   lambda    an array, one element per invocation: { schema, n, requestId, runtime, node,
//             environment, coldStart, ..., logs, lines }
export const SCHEMA = 1;

/** An object as --json prints it: `schema` first, then its fields, indented, ending in a newline. */
export function jsonObject(value: object): string {
  return JSON.stringify({ schema: SCHEMA, ...value }, null, 2) + '\n';
}

/** A list as --json prints it: an array (even of one), each element carrying `schema` first. */
export function jsonArray(items: readonly object[]): string {
  return JSON.stringify(items.map((x) => ({ schema: SCHEMA, ...x })), null, 2) + '\n';
}
