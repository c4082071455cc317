// The harness's entry point: it only re-exports, so that the specs and tools that import
// `harness/harness.ts` keep working. Each job has its own module:
//   harness/scenario.ts       a scenario's header schema and reading one (Scenario, TAGS, hashText)
//   harness/scenarios.ts      listing scenarios and finding one by id or path
//   harness/applicability.ts  whether a scenario applies to a target (Node range, not-on, flags)
//   harness/environment.ts    the environment a child gets
//   harness/command-line.ts   how a target is started on a scenario
//   harness/protocol.ts       the observer's protocol (harness/observer.cjs's reports)
//   harness/stdio.ts          what stdout and stderr are (socket pair, FIFO, file, terminal)
//   harness/run.ts            running one scenario and observing it
// New code imports from the module that does the job. None of them depends on vitest.
export { ROOT, SpecError } from './project.ts';
export { resolveTarget, type Target } from './node-binaries.ts';
export type { Observation } from './observation.ts';
export { DEFAULT_TIMEOUT_MS, hashText, readScenario, SCENARIOS, TAGS, type Scenario, type VersionChange } from './scenario.ts';
export { closest, findScenario, isScenarioFile, LAMBDA_HANDLERS, listLambdaScenarios, listScenarios, scenarioFiles } from './scenarios.ts';
export { appliesTo, flagsNotTaken, RUNTIME_FLAGS, whyNotApplicable } from './applicability.ts';
export { cleanEnv } from './environment.ts';
export { commandLine, type RunOptions } from './command-line.ts';
export { runScenario } from './run.ts';
export { DEFAULT_STDIO, STDIO_KINDS, type StdioKind } from './stdio.ts';
