// The environment a child process gets, in the two forms the project uses: a scenario's (nothing
// inherited but PATH, HOME and the locale) and a tool's own children's (this process's, with
// some variables set or removed).

/** Environment a scenario gets: nothing inherited but PATH, HOME and the locale. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8' };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  if (process.env.SYSTEMROOT) env.SYSTEMROOT = process.env.SYSTEMROOT;
  return { ...env, ...extra };
}

/** This process's environment (the variables that are set) with `extra` over it and the variables named in `without` removed. */
export function inheritedEnv(extra: Record<string, string> = {}, without: readonly string[] = []): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  Object.assign(env, extra);
  for (const k of without) delete env[k];
  return env;
}
