/**
 * A GFM table from a data table whose cells hold inline content (tables.ts flattens them first).
 * Every row gets as many cells as the widest row, a cell spanning columns is followed by empty
 * ones, and a table without a heading row gets an empty one: GFM has no table without it.
 */
import { oneLine } from './markdown-text';

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.localName === 'tr') rows.push(child);
    else if (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot') {
      for (const row of child.children) if (row.localName === 'tr') rows.push(row);
    }
  }
  return rows;
}

function isHeadingRow(row: Element): boolean {
  if (row.parentElement?.localName === 'thead') return true;
  const cells = row.children;
  if (cells.length === 0) return false;
  for (const cell of cells) if (cell.localName !== 'th') return false;
  return true;
}

function line(cells: readonly string[], width: number): string {
  let out = '|';
  for (let i = 0; i < width; i++) out += ` ${(cells[i] ?? '').padEnd(3)} |`;
  return out;
}

/**
 * `cellText` is a cell's content as inline markdown. Cells are one line each and pipes in them are
 * escaped, so no cell can end or split the table.
 */
export function tableMarkdown(table: Element, cellText: (cell: Element) => string): string {
  const captionCell = table.querySelector(':scope > caption');
  const caption = captionCell ? oneLine(cellText(captionCell)) : '';
  const rows = rowsOf(table);
  const grid = rows.map((row) => {
    const cells: string[] = [];
    for (const cell of row.children) {
      if (cell.localName !== 'td' && cell.localName !== 'th') continue;
      cells.push(oneLine(cellText(cell)).replace(/\|/g, '\\|'));
      const span = Math.min(Number(cell.getAttribute('colspan')) || 1, 100);
      for (let i = 1; i < span; i++) cells.push('');
    }
    return cells;
  });
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  if (width === 0) return caption ? `\n\n${caption}\n\n` : '\n\n';
  const header = isHeadingRow(rows[0]!) ? grid.shift()! : [];
  const lines = [line(header, width), line(new Array<string>(width).fill('---'), width), ...grid.map((cells) => line(cells, width))];
  return `\n\n${caption ? `${caption}\n\n` : ''}${lines.join('\n')}\n\n`;
}
