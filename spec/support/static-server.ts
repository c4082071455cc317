// A folder served over HTTP on the loopback, for the catalogue site's browser check
// (spec/e2e/catalog-browser.spec.ts): the site's upgrade view reads results.json with fetch(),
// which a browser refuses for a page opened from file://, and GitHub Pages serves it over HTTP.
// GET of a file under the folder, nothing else; no listing, no path outside it.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.md': 'text/markdown; charset=utf-8' };

export interface Served { url: string; close(): Promise<void> }

export async function serveFolder(dir: string): Promise<Served> {
  const root = normalize(dir + sep);
  const server: Server = createServer(async (req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)));
    if (req.method !== 'GET' || !path.startsWith(root)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
