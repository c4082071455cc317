// Markdown the reports share: a table that sets two sides of a difference next to each other.

/** Text for a table cell inside <code>: HTML-escaped, and nothing that ends the cell or the code. */
export function cellEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;').replace(/`/g, '&#96;');
}

/**
 * A table with one row per field: its name, then the two sides (each given as lines) as code, a
 * line break between lines. `head` names the two sides ("Node v26.10.0", "deno 2.9.6").
 */
export function sideBySide(head: readonly [string, string], rows: readonly { field: string; before: string[]; after: string[] }[]): string[] {
  const cell = (lines: string[]) => `<code>${lines.map(cellEscape).join('<br>')}</code>`;
  return [`| | ${head[0]} | ${head[1]} |`, '|---|---|---|', ...rows.map((r) => `| ${r.field} | ${cell(r.before)} | ${cell(r.after)} |`)];
}
