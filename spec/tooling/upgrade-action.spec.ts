// The upgrade action (.github/actions/upgrade): its comment script run as the action runs it,
// against a fake GitHub REST API served here (a pull request's comments, paged two at a time):
// the first run creates the one comment, the next updates it in place, an unchanged report writes
// nothing, other comments are left alone; bad input and a refusing API are one line. And the
// workflow that uses the action gives it only inputs it declares.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempFolder } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';

const ACTION = join(ROOT, '.github', 'actions', 'upgrade');
const SCRIPT = join(ACTION, 'comment.mjs');
const MARKER_LINE = '<!-- node-async-spec upgrade -->\n';
const dir = tempFolder('upgrade-action-');

interface Comment { id: number; body: string; user: { login: string } }
interface Call { method: string; path: string; auth?: string; body?: { body: string } }

/** A pull request's comments behind GitHub's REST paths for them; `refuse`: the status every write gets. */
class FakeGitHub {
  comments: Comment[] = [];
  calls: Call[] = [];
  refuse?: number;
  private next = 100;
  private server?: Server;
  url = '';

  async start() {
    this.server = createServer((req, res) => void this.handle(req).then(([status, body, headers]) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    }));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }
  stop = () => new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));

  add(body: string, login = 'someone') {
    this.comments.push({ id: this.next++, body, user: { login } });
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown, Record<string, string>?]> {
    let text = '';
    for await (const chunk of req) text += chunk;
    const url = new URL(req.url!, this.url);
    this.calls.push({ method: req.method!, path: url.pathname, auth: req.headers.authorization, ...(text ? { body: JSON.parse(text) } : {}) });
    const list = /^\/repos\/team\/app\/issues\/7\/comments$/.test(url.pathname);
    const one = /^\/repos\/team\/app\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && list) {
      // Two a page whatever per_page asks, so that the script must follow the Link header.
      const page = Number(url.searchParams.get('page') ?? 1);
      const last = Math.max(1, Math.ceil(this.comments.length / 2));
      const link: Record<string, string> = page < last ? { link: `<${this.url}${url.pathname}?per_page=100&page=${page + 1}>; rel="next", <${this.url}${url.pathname}?per_page=100&page=${last}>; rel="last"` } : {};
      return [200, this.comments.slice((page - 1) * 2, page * 2), link];
    }
    if (this.refuse) return [this.refuse, { message: 'Resource not accessible by integration' }];
    if (req.method === 'POST' && list) {
      this.add(JSON.parse(text).body, 'github-actions[bot]');
      return [201, this.comments.at(-1)];
    }
    if (req.method === 'PATCH' && one) {
      const c = this.comments.find((x) => x.id === Number(one[1]));
      if (!c) return [404, { message: 'Not Found' }];
      c.body = JSON.parse(text).body;
      return [200, c];
    }
    return [404, { message: 'Not Found' }];
  }
}

const github = new FakeGitHub();
beforeAll(() => github.start());
afterAll(() => github.stop());

function report(name: string, text: string): string {
  const p = join(dir(), name);
  writeFileSync(p, text);
  return p;
}

/** comment.mjs as the action's step runs it, with GitHub Actions' variables. */
function comment(file: string, env: Record<string, string> = {}) {
  const event = join(dir(), 'event.json');
  writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7 } }));
  return execa(process.execPath, [SCRIPT, file], {
    reject: false, timeout: 60_000, extendEnv: false,
    env: { PATH: process.env.PATH, GITHUB_TOKEN: 'ghs_fake', GITHUB_REPOSITORY: 'team/app', GITHUB_EVENT_PATH: event, GITHUB_API_URL: github.url, ...env },
  });
}

describe.sequential('the upgrade action\'s comment', () => {
  it('creates one comment, then updates that one, leaving the others alone', async () => {
    github.add('LGTM');
    github.add('the node-async-spec upgrade report says <!-- node-async-spec upgrade --> in the middle, not first');
    github.add('another');
    const first = await comment(report('one.md', '# Node 24.21.0 → Node 26.10.0\n\n1 claim(s) behave differently\n'));
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/^comment: created comment (\d+) on team\/app#7$/);
    expect(github.comments).toHaveLength(4);
    const mine = github.comments.at(-1)!;
    expect(mine.body).toBe(`${MARKER_LINE}# Node 24.21.0 → Node 26.10.0\n\n1 claim(s) behave differently\n`);
    expect(github.calls.every((c) => c.auth === 'Bearer ghs_fake')).toBe(true);

    // A later comment moves it to the third page: found there, through the Link header.
    github.add('a later review');
    github.comments.push(...github.comments.splice(3, 1));
    github.calls = [];
    const second = await comment(report('two.md', '# Node 24.21.0 → Node 26.10.0\n\n0 claim(s) behave differently\n'));
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toBe(`comment: updated comment ${mine.id} on team/app#7`);
    expect(github.calls.map((c) => c.method)).toEqual(['GET', 'GET', 'GET', 'PATCH']);
    expect(github.comments).toHaveLength(5);
    expect(github.comments.filter((c) => c.body.startsWith(MARKER_LINE))).toEqual([{ id: mine.id, user: { login: 'github-actions[bot]' }, body: `${MARKER_LINE}# Node 24.21.0 → Node 26.10.0\n\n0 claim(s) behave differently\n` }]);
    expect(github.comments.map((c) => c.body).filter((b) => !b.startsWith(MARKER_LINE))).toEqual(['LGTM', expect.stringContaining('in the middle'), 'another', 'a later review']);

    github.calls = [];
    const same = await comment(join(dir(), 'two.md'));
    expect(same.stdout).toBe(`comment: unchanged comment ${mine.id} on team/app#7`);
    expect(github.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('another marker keeps a comment of its own', async () => {
    const before = github.comments.length;
    const r = await comment(join(dir(), 'two.md'), { MARKER: 'node-async-spec upgrade lts latest' });
    expect(r.stdout).toMatch(/^comment: created comment \d+ on team\/app#7$/);
    expect(github.comments).toHaveLength(before + 1);
    expect(github.comments.at(-1)!.body.startsWith('<!-- node-async-spec upgrade lts latest -->\n')).toBe(true);
  });

  it('cuts a report longer than a comment may be, and says so', async () => {
    github.comments = [];
    const r = await comment(report('long.md', 'x'.repeat(70_000)));
    expect(r.exitCode, r.stderr).toBe(0);
    const body = github.comments[0]!.body;
    expect(body.length).toBe(65_536);
    expect(body).toMatch(/\(cut: the report is longer than a comment may be; run the command to see all of it\)\n$/);
  });

  it('an API that refuses: one line with the status and GitHub\'s message, exit 1', async () => {
    github.comments = [];
    github.refuse = 403;
    try {
      const r = await comment(join(dir(), 'one.md'));
      expect([r.exitCode, r.stderr]).toEqual([1, 'comment: GitHub API POST /repos/team/app/issues/7/comments: 403 Resource not accessible by integration']);
    } finally {
      github.refuse = undefined;
    }
  });

  it.each([
    ['no token', { GITHUB_TOKEN: '' }, /^comment: GITHUB_TOKEN is not set/],
    ['a repository that is not owner/name', { GITHUB_REPOSITORY: 'app' }, /^comment: GITHUB_REPOSITORY is not owner\/name: "app"$/],
    ['an event without a pull request', { GITHUB_EVENT_PATH: join(ROOT, 'package.json') }, /^comment: the event is not a pull request's/],
  ])('%s: one line, exit 2, nothing asked of the API', async (_, env, pattern) => {
    github.calls = [];
    const r = await comment(join(dir(), 'one.md'), env);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.split('\n')).toHaveLength(1);
    expect(github.calls).toEqual([]);
  });

  it('a report that is not there: one line, exit 2', async () => {
    const r = await comment(join(dir(), 'nowhere.md'));
    expect([r.exitCode, r.stderr]).toEqual([2, `comment: cannot read the report ${join(dir(), 'nowhere.md')} (ENOENT)`]);
  });
});

describe('the action and its workflow', () => {
  type Input = { required?: boolean; default?: string };
  const action = parse(readFileSync(join(ACTION, 'action.yml'), 'utf8')) as { inputs: Record<string, Input>; runs: { using: string; steps: { run?: string }[] } };
  const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'upgrade-comment.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };

  it('runs upgrade --md and then the comment script tested here', () => {
    expect(action.runs.using).toBe('composite');
    const runs = action.runs.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/\$COMMAND upgrade "\$FROM" "\$TO" --md \$ARGS/);
    expect(runs).toContain('node "$GITHUB_ACTION_PATH/comment.mjs" "$RUNNER_TEMP/upgrade.md"');
  });

  // actionlint (workflow.spec.ts) does not read a local action's action.yml: its inputs are checked here.
  it('the workflow gives the action every required input and no other', () => {
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps.filter((s) => s.uses === './.github/actions/upgrade'));
    expect(steps).toHaveLength(1);
    const given = Object.keys(steps[0]!.with ?? {});
    expect(given.filter((k) => !Object.hasOwn(action.inputs, k))).toEqual([]);
    expect(Object.entries(action.inputs).filter(([k, i]) => i.required && !given.includes(k)).map(([k]) => k)).toEqual([]);
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions['pull-requests']).toBe('write');
  });

  it('the workflow\'s command, followed by upgrade as the action runs it, is the upgrade command', async () => {
    const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.uses === './.github/actions/upgrade')!;
    const [cmd, ...rest] = (step.with?.command ?? action.inputs.command!.default!).split(' ');
    expect(cmd).toBe('node');
    const r = await execa(process.execPath, [...rest, 'upgrade', '--help'], { cwd: ROOT, reject: false, timeout: 60_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^usage: node-async-spec upgrade <from> <to> \[options\]/);
  });
});
