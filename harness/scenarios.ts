// Finding scenarios: listing every one under scenarios/ and a team's own folders (--scenarios,
// addScenarioFolder), and the Lambda handlers, and looking one up by id or path, with the nearest
// ids suggested for a typo. Reading one is harness/scenario.ts.
import { existsSync, readdirSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { notAFile, pathKind, ROOT, SpecError } from './project.ts';
import { OWN_FOLDERS, readScenario, SCENARIOS, scenarioId, type Scenario } from './scenario.ts';

/** Where the Lambda handlers live: scenarios of the same contract, run by spec/lambda under a Lambda runtime. */
export const LAMBDA_HANDLERS = join(ROOT, 'lambda', 'handlers');

/** A fixture (a module a scenario requires, a cluster worker) is named with a leading underscore. */
export function isScenarioFile(name: string): boolean {
  return /\.(c|m)?js$/.test(name) && !basename(name).startsWith('_');
}

/** Every Lambda handler scenario (lambda/handlers/*.js, fixtures left out), sorted by id. */
export function listLambdaScenarios(): Scenario[] {
  if (!existsSync(LAMBDA_HANDLERS)) return [];
  return readdirSync(LAMBDA_HANDLERS).filter(isScenarioFile).map((f) => readScenario(join(LAMBDA_HANDLERS, f))).sort((a, b) => a.id.localeCompare(b.id));
}

/** Paths of every scenario file under `dir` (headers not read); node_modules is not looked into. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (isScenarioFile(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Paths of every scenario file under scenarios/ and the folders added (headers not read). */
export function scenarioFiles(): string[] {
  return [SCENARIOS, ...OWN_FOLDERS].flatMap(filesUnder);
}

/**
 * Adds a team's own folder of scenarios (`--scenarios <dir>`, same header format) to every list
 * and look-up here: each file's id is its path under the folder without extension, as under
 * scenarios/. Every header is read now, so that a bad one is an error before anything runs; a
 * folder without a scenario file, inside scenarios/, or with an id that is already taken is an
 * error too. `typed`: the folder as the person gave it, for messages.
 */
export function addScenarioFolder(dir: string, typed = dir): Scenario[] {
  const abs = resolve(dir);
  if (pathKind(abs) !== 'directory') throw new SpecError(`--scenarios ${typed}: no such directory`);
  const within = (a: string, b: string) => !relative(a, b).startsWith('..') && !isAbsolute(relative(a, b));
  if (within(SCENARIOS, abs) || within(abs, SCENARIOS)) throw new SpecError(`--scenarios ${typed}: it ${within(SCENARIOS, abs) ? 'is inside' : 'holds'} this project's own scenarios/, which run anyway`);
  if (OWN_FOLDERS.includes(abs)) return [];
  const files = filesUnder(abs);
  if (!files.length) throw new SpecError(`--scenarios ${typed}: no scenario file in it (*.js, *.cjs, *.mjs not starting with _)`);
  const taken = new Map(scenarioFiles().map((f) => [scenarioId(f)!, f]));
  OWN_FOLDERS.push(abs);
  try {
    const added = files.map(readScenario);
    for (const s of added) {
      const other = taken.get(s.id);
      if (other) throw new SpecError(`--scenarios ${typed}: ${relative(process.cwd(), s.file)} has the id ${s.id}, already ${relative(process.cwd(), other)}'s; rename one`);
    }
    return added;
  } catch (e) {
    OWN_FOLDERS.pop();
    throw e;
  }
}

/** Every scenario under scenarios/ and the folders added, sorted by id. */
export function listScenarios(): Scenario[] {
  return scenarioFiles().map(readScenario).sort((a, b) => a.id.localeCompare(b.id));
}

/** Finds a scenario by id ("lifecycle/pending-await") or by path (anywhere on disk). */
export function findScenario(idOrPath: string): Scenario {
  const kind = pathKind(resolve(idOrPath));
  if (kind === 'file') return readScenario(resolve(idOrPath));
  if (kind !== 'missing') throw new SpecError(`${idOrPath} ${notAFile(kind, 'a scenario file')}`);
  for (const base of [SCENARIOS, ...OWN_FOLDERS, ROOT]) {
    for (const ext of ['.js', '.cjs', '.mjs']) {
      const p = join(base, idOrPath + ext);
      if (existsSync(p)) return readScenario(p);
    }
  }
  const ids = scenarioFiles().map((f) => scenarioId(f)!);
  const near = closest(idOrPath, ids);
  throw new SpecError(`no scenario "${idOrPath}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`);
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** The ids nearest to what was typed: substring matches first, then by edit distance. */
export function closest(typed: string, ids: string[], n = 3): string[] {
  const t = typed.toLowerCase();
  const scored = ids.map((id) => {
    const last = id.split('/').pop()!;
    const sub = id.includes(t) || t.includes(last) ? 0 : 1;
    return { id, score: sub * 1000 + Math.min(distance(t, id), distance(t, last)) };
  });
  return scored.sort((a, b) => a.score - b.score).filter((x) => x.score < 1000 + Math.max(4, t.length / 2)).slice(0, n).map((x) => x.id);
}
