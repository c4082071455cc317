// Strict scenario headers (harness/scenario.ts readScenario): a field is one of the schema's own
// (not a name every object inherits), the YAML is plain (no tags), the time limit is one a Node
// timer can keep, and no flag makes node run something other than the scenario file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { commandLine, flagReplacesScenario } from '../../harness/command-line.ts';
import { MAX_TIMER_MS, SpecError } from '../../harness/project.ts';
import { CLAIM_GRACE_MS, MAX_TIMEOUT_MS, readScenario } from '../../harness/scenario.ts';
import { runScenario } from '../../harness/run.ts';
import { tempFolder } from '../support/temp.ts';

const dir = tempFolder('headers-', { scenarios: true });
let n = 0;

/** A scenario file with these header lines after claim, source and tags; its path. */
function scenario(lines: string, body = "console.log('ran the scenario');\n"): string {
  const p = join(dir(), `s${++n}.js`);
  writeFileSync(p, `/*---\nclaim: c\nsource: s\ntags: [exit]\n${lines}\n---*/\n${body}`);
  return p;
}

/** The one-line SpecError reading the file gives (the test fails if it reads). */
function refusal(file: string): string {
  try {
    readScenario(file);
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error(`${file} was read: expected a refusal`);
}

describe('strict headers', () => {
  it.each([
    // Names every object inherits are not fields (an `in` check took them).
    ['constructor: 1', /unknown header field "constructor"/],
    ['toString: x', /unknown header field "toString"/],
    ['__proto__: {}', /unknown header field "__proto__"/],
    ['hasOwnProperty: 1', /unknown header field "hasOwnProperty"/],
    // Any YAML tag, local or standard: an error, not a warning with the value read anyway.
    ['why: !foo bar', /header uses the YAML tag !foo: a header is plain YAML/],
    ['why: !!js/function "function () {}"', /header uses the YAML tag !!js\/function/],
    ['why: !!str plain', /header uses the YAML tag !!str/],
    ['env: !!map { A: b }', /header uses the YAML tag !!map/],
    ['timeout: !!int 100', /header uses the YAML tag !!int/],
    // Bounded like every other duration: a longer timer fires after 1 ms ("timed out" at once).
    ['timeout: 99999999999', /header field "timeout" must be a positive whole number of milliseconds, at most \d+, got 99999999999$/],
    [`timeout: ${MAX_TIMEOUT_MS + 1}`, new RegExp(`at most ${MAX_TIMEOUT_MS}, got ${MAX_TIMEOUT_MS + 1}$`)],
    [`timeout: ${MAX_TIMER_MS}`, /header field "timeout" must be/],
    ['timeout: 0', /header field "timeout" must be/],
    ['timeout: 1.5', /header field "timeout" must be/],
    ['timeout: 10s', /header field "timeout" must be .*, got "10s"$/],
    // explains: known situations, each with a whole-number rank, on one line (the hash leaves that line out).
    ['explains: {hang-nothing: 1}', /"explains" names the unknown situation "hang-nothing" \(known: natural-end-pending-promise, /],
    ['explains: {hang-timer: 0}', /"explains" gives hang-timer the rank 0: a whole number from 1 \(what the claim states\) to 9$/],
    ['explains: {hang-timer: 1.5}', /"explains" gives hang-timer the rank 1\.5/],
    ['explains: {hang-timer: first}', /"explains" gives hang-timer the rank "first"/],
    ['explains: [hang-timer]', /header field "explains" must map situations to ranks on one line/],
    ['explains:\n  hang-timer: 1', /header field "explains" must map situations to ranks on one line/],
  ])('%s is refused in one line', (lines, message) => {
    expect(refusal(scenario(lines))).toMatch(message);
  });

  // Each flag that makes node run something other than the scenario file, or nothing.
  it.each([
    ['[--eval=console.log(1)]', '--eval=console.log(1)', /runs the code given with it instead of the scenario file/],
    ['[--eval, "console.log(1)"]', '--eval', /runs the code given with it/],
    ['[-e, "1"]', '-e', /runs the code given with it/],
    ['[--print=1]', '--print=1', /runs \(and prints\) the code/],
    ['[-p, "1"]', '-p', /runs \(and prints\) the code/],
    ['[-pe, "1"]', '-pe', /runs \(and prints\) the code/],
    ['[--check]', '--check', /only checks the file's syntax/],
    ['[-c]', '-c', /only checks the file's syntax/],
    ['[--help]', '--help', /prints Node's help and exits/],
    ['[-h]', '-h', /prints Node's help/],
    ['[--version]', '--version', /prints the version/],
    ['[-v]', '-v', /prints the version/],
    ['[--v8_options]', '--v8_options', /prints V8's options/],
    ['[--completion-bash]', '--completion-bash', /bash completion/],
    ['[--run=test]', '--run=test', /runs a package.json script/],
    ['[--prof-process]', '--prof-process', /as a V8 log/],
    ['[--experimental-sea-config=sea.json]', '--experimental-sea-config=sea.json', /single-executable/],
    ['[--watch]', '--watch', /restarts on changes, and never ends/],
    ['[--watch-path=.]', '--watch-path=.', /restarts on changes/],
    ['["-"]', '-', /reads the program from stdin/],
    ['["--", "--no-warnings"]', '--', /the next argument is the program/],
    // A word without a dash is the entry point: node would run it, the scenario file its argument.
    ['[other.js]', 'other.js', /node would run it as the program instead of the scenario file \(a flag's value goes after "="/],
    ['[--require, ./preload.js]', './preload.js', /node would run it as the program/],
  ])('flags: %s is refused in one line, naming the flag', (list, flag, why) => {
    const msg = refusal(scenario(`flags: ${list}`));
    expect(msg).toContain(`header field "flags" gives ${JSON.stringify(flag)}: `);
    expect(msg).toMatch(why);
  });

  it('takes the flags scenarios use, and the longest time limit, whose claim timeout a Node timer still keeps', () => {
    const flags = ['--test', '--test-reporter=./_reporter.js', '--test-force-exit', '--unhandled-rejections=strict', '--no-warnings', '--require=./x.js', '--import=./y.mjs', '--snapshot-blob=a.blob', '--build-snapshot', '--no-such-flag', '--disable-proto=bad', '--input-type=module', '-r=./x.js', '-C=dev', '-i'];
    const s = readScenario(scenario(`flags: ${JSON.stringify(flags)}\ntimeout: ${MAX_TIMEOUT_MS}`));
    expect(s.flags).toEqual(flags);
    expect(s.timeout).toBe(MAX_TIMEOUT_MS);
    // harness/claims.ts gives a claim's test its scenario's limit plus the grace.
    expect(s.timeout + CLAIM_GRACE_MS).toBeLessThanOrEqual(MAX_TIMER_MS);
    for (const f of flags) expect(flagReplacesScenario(f), f).toBeUndefined();
  });

  it('a scenario with the longest time limit runs to its end: the limit does not overflow to 1 ms', async () => {
    // It waits 200 ms before printing: a limit that had overflowed would kill it first.
    const s = readScenario(scenario(`timeout: ${MAX_TIMEOUT_MS}`, "setTimeout(function () { console.log('waited'); }, 200);\n"));
    const r = await runScenario(s, inject('target'));
    expect(r.timedOut).toBe(false);
    expect([r.exitCode, r.stdout]).toEqual([0, 'waited\n']);
  });

  it('explains: read as situation -> rank, and left out of the hash (it changes nothing that runs)', () => {
    const without = scenario('why: w');
    const with_ = scenario('why: w\nexplains: {hang-timer: 1, hang-interval: 2}');
    const s = readScenario(with_);
    expect(s.explains).toEqual({ 'hang-timer': 1, 'hang-interval': 2 });
    expect(readScenario(without).explains).toEqual({});
    expect(s.hash).toBe(readScenario(without).hash);
    // Any other change is a new text.
    expect(readScenario(scenario('why: w2')).hash).not.toBe(s.hash);
  });

  it('a flag a run adds is held to the same rule (harness/command-line.ts)', () => {
    const s = readScenario(scenario(''));
    // The rule is the harness's, whatever the target: checked on this Node (Deno takes no --no-warnings).
    const node = { runtime: 'node' as const, version: process.versions.node, path: process.execPath };
    expect(() => commandLine(s, node, { flags: ['--eval=1'] })).toThrow(/the flag "--eval=1" is not taken: it runs the code given with it instead of the scenario file/);
    expect(commandLine(s, node, { flags: ['--no-warnings'] }).args.slice(-2)).toEqual(['--no-warnings', s.file]);
  });
});
