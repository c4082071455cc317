// Topics have one taxonomy, the folder: scenarios/<topic>/ holds a topic's scenarios,
// spec/node/<topic>.spec.ts claims exactly those (the run-ahead pool, harness/run-ahead.ts, plans a
// spec file's scenarios by its name, and CONTRIBUTING.md says where a claim goes), and the
// catalogue files each claim under its folder's topic (TOPICS in tools/catalog-model.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarios, ROOT, SCENARIOS } from '../../harness/harness.ts';
import { loadClaims, topicOf, TOPICS } from '../../tools/catalog-model.ts';

const SPECS = join(ROOT, 'spec', 'node');
const specTopics = readdirSync(SPECS).filter((f) => f.endsWith('.spec.ts')).map((f) => f.slice(0, -'.spec.ts'.length)).sort();
const folders = readdirSync(SCENARIOS).filter((f) => statSync(join(SCENARIOS, f)).isDirectory()).sort();
/** The scenario ids a spec file's text claims: each claim('<id>', ...). */
const claimedIn = (topic: string) => [...readFileSync(join(SPECS, `${topic}.spec.ts`), 'utf8').matchAll(/\bclaim\(\s*'([^']+)'/g)].map((m) => m[1]!);

describe('one spec file per scenario folder', () => {
  it('each spec/node file is named after a folder of scenarios/, and each folder has its spec file', () => {
    expect(specTopics).toEqual(folders);
  });

  it("a topic's spec file claims only its own folder's scenarios, and every one of them once", () => {
    for (const topic of specTopics) {
      const ids = claimedIn(topic);
      expect(ids.filter((id) => !id.startsWith(`${topic}/`)), topic).toEqual([]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), topic).toEqual([]);
      const own = listScenarios().filter((s) => s.id.startsWith(`${topic}/`)).map((s) => s.id).sort();
      expect([...ids].sort(), topic).toEqual(own);
    }
  });
});

describe("the catalogue's topics are the folders", () => {
  it('one topic per scenario folder, and lambda for the Lambda claims', () => {
    expect(TOPICS.map((t) => t.key).sort()).toEqual([...folders, 'lambda'].sort());
  });

  it("files each claim under its folder, whatever its tags; a folder with no topic is an error", () => {
    for (const c of loadClaims()) expect(c.topic, c.id).toBe(c.id.slice(0, c.id.indexOf('/')));
    expect(topicOf('errors/sync-try-catch')).toBe('errors');
    expect(() => topicOf('no-such-folder/x')).toThrow(/"no-such-folder" has no topic in TOPICS/);
  });
});
