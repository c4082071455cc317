// node comment.mjs <report.md>: keeps one comment on a pull request up to date with a report (the
// upgrade action's second step, action.yml). The comment is found by a hidden marker on its first
// line; it is updated when the report changed, created when there is none. Plain JavaScript on
// Node's own fetch: it runs on any runner's Node with nothing installed.
//
// Environment (as GitHub Actions sets it): GITHUB_TOKEN (the token, given by the action's input),
// GITHUB_REPOSITORY (owner/name), GITHUB_EVENT_PATH (the event's JSON: the pull request's
// number), GITHUB_API_URL (default https://api.github.com), MARKER (default "node-async-spec
// upgrade": one comment per marker). Exit code: 0 done; 1 the API refused; 2 bad input.
//
// GitHub's REST API (https://docs.github.com/en/rest/issues/comments): a pull request's comments
// are its issue's, listed by GET /repos/{owner}/{repo}/issues/{number}/comments (per_page at most
// 100, further pages in the Link header), created by POST to the same path, updated by PATCH
// /repos/{owner}/{repo}/issues/comments/{comment_id}; a comment's body is at most 65536 characters.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const MAX_BODY = 65536;

class InputError extends Error {}

/** The comment's text: the marker, then the report, cut to what GitHub takes (saying so). */
export function commentBody(marker, report) {
  const head = `<!-- ${marker} -->\n`;
  const text = head + report;
  if (text.length <= MAX_BODY) return text;
  const note = '\n\n… (cut: the report is longer than a comment may be; run the command to see all of it)\n';
  return text.slice(0, MAX_BODY - note.length) + note;
}

/** Creates or updates the pull request's one comment that starts with the marker. */
export async function upsertComment({ api, repo, number, token, marker, report, fetch = globalThis.fetch }) {
  const call = async (method, url, body) => {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'node-async-spec-upgrade-action', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) {
      let why = '';
      try {
        why = (await res.json()).message ?? '';
      } catch {}
      throw new Error(`GitHub API ${method} ${new URL(url).pathname}: ${res.status}${why ? ` ${why}` : ''}`);
    }
    return res;
  };
  const base = api.replace(/\/+$/, '');
  const body = commentBody(marker, report);
  const head = body.slice(0, body.indexOf('\n') + 1);
  let found;
  for (let url = `${base}/repos/${repo}/issues/${number}/comments?per_page=100`; url && !found;) {
    const res = await call('GET', url);
    found = (await res.json()).find((c) => typeof c.body === 'string' && c.body.startsWith(head));
    url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
  }
  if (found && found.body === body) return { action: 'unchanged', id: found.id };
  if (found) {
    await call('PATCH', `${base}/repos/${repo}/issues/comments/${found.id}`, { body });
    return { action: 'updated', id: found.id };
  }
  const made = await (await call('POST', `${base}/repos/${repo}/issues/${number}/comments`, { body })).json();
  return { action: 'created', id: made.id };
}

/** What the environment and arguments give, checked: one line for what is missing. */
export function readInput(argv, env) {
  if (argv.length !== 1) throw new InputError('usage: node comment.mjs <report.md>');
  let report;
  try {
    report = readFileSync(argv[0], 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the report ${argv[0]} (${e.code})`);
  }
  for (const k of ['GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_EVENT_PATH']) if (!env[k]) throw new InputError(`${k} is not set (run it in a GitHub Actions job, or set it)`);
  if (!/^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_REPOSITORY)) throw new InputError(`GITHUB_REPOSITORY is not owner/name: ${JSON.stringify(env.GITHUB_REPOSITORY)}`);
  let event;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch (e) {
    throw new InputError(`cannot read the event GITHUB_EVENT_PATH names (${e.code ?? e.message})`);
  }
  const number = event?.pull_request?.number ?? event?.issue?.number;
  if (!Number.isInteger(number)) throw new InputError('the event is not a pull request\'s (run the action on pull_request)');
  return { api: env.GITHUB_API_URL || 'https://api.github.com', repo: env.GITHUB_REPOSITORY, number, token: env.GITHUB_TOKEN, marker: env.MARKER || 'node-async-spec upgrade', report };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const input = readInput(process.argv.slice(2), process.env);
    const r = await upsertComment(input);
    process.stdout.write(`comment: ${r.action} comment ${r.id} on ${input.repo}#${input.number}\n`);
  } catch (e) {
    process.stderr.write(`comment: ${String(e.message).split('\n')[0]}\n`);
    process.exitCode = e instanceof InputError ? 2 : 1;
  }
}
