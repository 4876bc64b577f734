/** A plain text table: left-aligned columns, a header, two spaces between columns. */
export function renderTable(header: string[], rows: string[][], paintHeader: (s: string) => string = (s) => s): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [paintHeader(line(header)), ...rows.map(line)].join('\n');
}
