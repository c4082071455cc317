// Laying text out in columns on a terminal: a wide (CJK) character takes two columns, so widths
// are counted in columns, never in string length. `npm run scenario` and `npm run upgrade` use it.

/** Display width, counting wide (CJK) characters as two columns. */
export function cols(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return n;
}

/** Wraps to a display width (wide characters count twice). */
export function wrap(s: string, width: number): string[] {
  if (cols(s) <= width) return [s];
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (cols(cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Wraps at spaces where it can. */
export function wordWrap(s: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of s.split(' ')) {
    const next = cur ? `${cur} ${word}` : word;
    if (cols(next) <= width) cur = next;
    else {
      if (cur) out.push(cur);
      if (cols(word) > width) {
        const parts = wrap(word, width);
        cur = parts.pop()!;
        out.push(...parts);
      } else cur = word;
    }
  }
  out.push(cur);
  return out;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - cols(s)));
}
