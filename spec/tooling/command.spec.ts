// The command scaffold (tools/command.ts): a command's file runs only as the process's entry
// point, and runCommand() runs its argument handling in this process for bad-input tests, with
// the output captured, and refuses a case that gets as far as real work.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { spec as lambdaCommand } from '../../lambda/cli.ts';
import { isEntryPoint, runCommand } from '../../tools/command.ts';
import { spec as scenarioCommand } from '../../tools/scenario.ts';

describe('the command scaffold', () => {
  it('a command file imported by a test does not run: it is not the entry point', () => {
    expect(isEntryPoint(pathToFileURL(join(ROOT, 'tools', 'scenario.ts')).href)).toBe(false);
    expect(isEntryPoint(pathToFileURL(process.argv[1]!).href)).toBe(true);
  });

  it('runCommand captures the exit code and the output, and leaves process.exitCode alone', async () => {
    const before = process.exitCode;
    const help = await runCommand(scenarioCommand, ['--help']);
    expect(help).toEqual({ code: 0, stdout: scenarioCommand.usage.replace(/\n*$/, '\n'), stderr: '' });
    const bad = await runCommand(scenarioCommand, ['--frobnicate']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: "scenario: Unknown option '--frobnicate' (see --help)\n" });
    expect(process.exitCode).toBe(before);
  });

  it('runCommand refuses a case that starts a process (here: asking a binary its version)', async () => {
    await expect(runCommand(scenarioCommand, ['lifecycle/pending-await', '--node', process.execPath])).rejects.toThrow(
      /^scenario .* is not an in-process case: it started a process \(spawn \S+ --version\)/,
    );
  });

  it('runCommand refuses a case that leaves signal listeners behind (here: a valid Lambda invocation)', async () => {
    const before = ['SIGINT', 'SIGTERM'].map((sig) => process.listeners(sig as NodeJS.Signals));
    await expect(runCommand(lambdaCommand, [join(ROOT, 'lambda', 'handlers', 'article-async.js')])).rejects.toThrow(/left a SIGINT listener registered, left a SIGTERM listener registered/);
    // Removed again: the test worker keeps none of them.
    expect(['SIGINT', 'SIGTERM'].map((sig) => process.listeners(sig as NodeJS.Signals))).toEqual(before);
  });
});
