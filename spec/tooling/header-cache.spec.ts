// harness/header-cache.ts: what scenario headers read as, kept between processes. An entry is
// used only for the same file, the same text and the same reading code; anything else is read.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../support/temp.ts';
import { HEADER_CACHE_FILE, openHeaderCache, readerStamp } from '../../harness/header-cache.ts';

const dir = tempFolder('nas-header-cache-');

/** A reader that counts its calls. */
function reader<T>(value: T) {
  const r = { calls: 0, read: () => (r.calls++, structuredClone(value)) };
  return r;
}

describe('the header cache', () => {
  it('a later process gets what an earlier one read, for the same path and text only', () => {
    const file = join(dir(), 'a.bin');
    const value = { claim: 'x', timeoutMs: undefined, stdio: ['socket'], not: { on: [] } };
    const r = reader(value);
    const first = openHeaderCache(file, 'code 1');
    expect(first.get('/s/a.js', 'text', r.read)).toEqual(value);
    expect(first.get('/s/a.js', 'text', r.read)).toEqual(value);
    expect(r.calls).toBe(1);
    first.save();
    const later = openHeaderCache(file, 'code 1');
    const got = later.get('/s/a.js', 'text', r.read);
    expect(got).toStrictEqual(value); // undefined fields kept
    expect(r.calls).toBe(1);
    later.get('/s/a.js', 'text edited', r.read);
    later.get('/s/b.js', 'text', r.read);
    expect(r.calls).toBe(3);
  });

  it('entries saved by other reading code are not used', () => {
    const file = join(dir(), 'b.bin');
    const r = reader({ v: 1 });
    const c = openHeaderCache(file, 'code 1');
    c.get('/s/a.js', 'text', r.read);
    c.save();
    openHeaderCache(file, 'code 2').get('/s/a.js', 'text', r.read);
    expect(r.calls).toBe(2);
  });

  it('a header that does not read is not kept, and a damaged file reads as none', () => {
    const file = join(dir(), 'c.bin');
    const c = openHeaderCache(file, 'code');
    const bad = () => {
      throw new Error('malformed header');
    };
    expect(() => c.get('/s/a.js', 'text', bad)).toThrow('malformed header');
    c.save();
    expect(existsSync(file)).toBe(false); // nothing was added
    writeFileSync(file, 'not what a save writes');
    const r = reader({ v: 1 });
    expect(openHeaderCache(file, 'code').get('/s/a.js', 'text', r.read)).toEqual({ v: 1 });
    expect(r.calls).toBe(1);
  });

  it('in this repository the reading code is stamped, so the cache is used', () => {
    const stamp = readerStamp();
    expect(stamp).toMatch(/^[0-9a-f]{64}$/);
    expect(readerStamp()).toBe(stamp);
    expect(HEADER_CACHE_FILE.startsWith(join(process.cwd(), 'node_modules', '.cache'))).toBe(true);
  });
});
