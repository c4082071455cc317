// node tools/run.mjs spec/support/fetch-call.ts ensureVersion <version> | fetchRegistryList
//
// What spec/tooling/cache.spec.ts runs in a child of its own environment (the cache, the registry):
// one call of the harness's fetching code, started as the commands are (tools/run.mjs bundles it
// once; under tsx each start cost about 0.5 s of CPU). On success it prints the version fetched,
// or "fetched"; on failure the error's one line on stderr and, on stdout, how long the call took
// in ms (the bound is on the fetch, not on starting a child on a busy machine).
import { ensureVersion } from '../../harness/node-binaries.ts';
import { fetchRegistryList } from '../../harness/releases.ts';

const [call, version] = process.argv.slice(2);
const started = Date.now();
const done = call === 'ensureVersion' ? ensureVersion(version!).then((t) => t.version)
  : call === 'fetchRegistryList' ? fetchRegistryList().then(() => 'fetched')
  : Promise.reject(new Error(`fetch-call: unknown call ${call}`));
done.then((out) => console.log(out), (e: Error) => {
  console.error(`${e.name}: ${e.message}`);
  console.log(Date.now() - started);
});
