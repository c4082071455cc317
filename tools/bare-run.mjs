// The bench's floor: runs scenario processes bare (no observer, no harness, no vitest), at most
// `width` at a time, each in the directory, environment and time limit it would get from the
// harness, and waits for all. It is plain JavaScript started as a whole process, like a user would
// start a script that runs them, so that both sides of `npm run bench` pay their own start-up.
//   node tools/bare-run.mjs <jobs.json>
// jobs.json: { "width": 16, "jobs": [{ "file": "/path/node", "args": [...], "cwd": "...", "env": {...}, "timeout": 10000 }] }
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { width, jobs } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;
const one = (j) => new Promise((done) => {
  const child = spawn(j.file, j.args, { cwd: j.cwd, env: j.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.resume();
  child.stderr.resume();
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is gone
    }
  };
  const timer = setTimeout(kill, j.timeout);
  child.on('exit', kill);
  child.on('close', () => {
    clearTimeout(timer);
    done();
  });
});
const worker = async () => {
  while (next < jobs.length) await one(jobs[next++]);
};
await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
