// npm run bisect -- [<scenario id or path>...] [--json] [--all] [--major N]... [--jobs N] [--quick] [--refresh] [--scenarios <dir>]
//
// Finds, release by release, where a scenario's behaviour changes: runs the scenario alone on
// the first and last release of every pinned major line (and the middle one), bisects every line
// whose releases differ, compares each line's first release with the previous line's last, and
// checks the result against the scenario's `changes:` header. Releases come from the npm
// registry (harness/releases.ts); what it lacks between two sides of a change is named.
import { findScenario, listScenarios } from '../harness/scenarios.ts';
import { SpecError } from '../harness/project.ts';
import { bisectScenarios, disagreements, jsonRows, selectDefault, textReport } from './bisect-run.ts';
import { command, majorsOption, SCENARIOS_USAGE, scenariosOption, wholeNumber } from './command.ts';
import { jsonArray } from './json.ts';
import { Observer } from './observe.ts';

const USAGE = `usage: npm run bisect -- [<scenario id or path>...] [options]

For each scenario: the first release that behaves the new way for every change in behaviour,
per Node major line, found by running the scenario alone on releases from the npm registry.
Each line's first and last release are run (and its middle one); a line whose releases differ
is bisected; each line's first release is compared with the previous line's last. Every result
is checked against the scenario's \`changes:\` header.

<scenario>       ids (rejections/unhandled-default) or paths; none: every scenario whose
                 header has \`changes:\` or whose behaviour differs between pinned releases
--all            every scenario (with no ids)
--major <n>      only these major lines (repeatable; default: every major in node-versions.json)
--json           print an array (schema 1, tools/json.ts), one element per change found:
                 { schema, scenario, line, before, first, kind, fields, missing, declared, ... }
--jobs <n>       scenario runs at a time (default: cores, at most 4)
--quick          no middle-release probe, no second run to confirm each boundary
--refresh        ask the registry for its list of releases even if the cached one is fresh
${SCENARIOS_USAGE}
-h, --help       this text

Exit code: 0 every change found is as the scenarios' \`changes:\` headers say; 1 a change has no
entry, or an entry is wrong or not observed (each named on stderr), as the matrix fails; 2 bad
input.`;

// ---- command ----------------------------------------------------------------------------------

export const spec = command({
  name: 'bisect',
  usage: USAGE,
  positionals: true,
  options: {
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    major: { type: 'string', multiple: true },
    jobs: { type: 'string' },
    quick: { type: 'boolean' },
    refresh: { type: 'boolean' },
    scenarios: { type: 'string', multiple: true },
  },
  async run(v, ids) {
    const majors = majorsOption(v.major);
    if (v.all && ids.length) throw new SpecError('--all bisects every scenario: give no scenario with it');
    const say = (l: string) => process.stderr.write(`bisect: ${l}\n`);
    const jobs = wholeNumber('jobs', v.jobs, 1);
    scenariosOption(v.scenarios);
    // Scenario ids are checked before anything runs.
    const named = ids.map((id) => findScenario(id));
    const observer = new Observer({ jobs });
    const started = Date.now();
    let scenarios = named;
    if (!ids.length) {
      const all = listScenarios().filter((s) => s.runtimes.includes('node'));
      scenarios = v.all ? all : await selectDefault(all, observer, say);
    }
    const runs = await bisectScenarios(scenarios, { majors, jobs, quick: v.quick, refresh: v.refresh, progress: say, observer });
    say(`done: ${scenarios.length} scenario(s), ${observer.count} run(s) in ${Math.round((Date.now() - started) / 1000)} s`);
    if (v.json) process.stdout.write(jsonArray(jsonRows(runs)));
    else process.stdout.write(textReport(runs));
    const wrong = disagreements(runs);
    for (const l of wrong) say(`expectation failed: ${l}`);
    if (wrong.length) say(`${wrong.length} change(s) not as the \`changes:\` headers say: exit 1`);
    return wrong.length ? 1 : 0;
  },
}, import.meta.url);
