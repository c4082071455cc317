import { chromium } from 'playwright-core';
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
const root = '/work/wt-site/docs/site';
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };
const srv = http.createServer(async (req, res) => {
  try { const p = decodeURIComponent(new URL(req.url, 'http://x').pathname); const b = await readFile(join(root, p)); res.writeHead(200, { 'content-type': types[extname(p)] ?? 'application/octet-stream' }); res.end(b); }
  catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => srv.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${srv.address().port}/`;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], env: { ...process.env, TMPDIR: '/tmp/site-look' } });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
await p.goto(base + process.argv[2]);
await p.waitForTimeout(1500);
console.log(await p.evaluate(() => { const out = []; for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); if (r.right > innerWidth + 1 && !e.closest('.scroller')) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right) + ' ' + (e.textContent || '').slice(0, 60)); } return out.slice(0, 10); }));
await b.close(); srv.close();
