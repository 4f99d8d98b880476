/**
 * Tables, before markdown conversion. GFM table cells hold one line of inline content, so:
 * a layout table (one that holds another table, or has one column) is unwrapped into its cells'
 * contents, and block elements inside the cells of a data table are flattened to inline text.
 * Afterwards the GFM plugin can always write a markdown table, never raw HTML.
 */

const BLOCKS = new Set([
  'P', 'DIV', 'UL', 'OL', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'HR', 'BR',
  'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ADDRESS',
]);

function ownerDoc(node: Node): Document {
  return node.ownerDocument ?? (node as Document);
}

/** Replaces `el` by a <div> holding its children, so its content stays as blocks. */
function unwrapInto(el: Element, tag: string): void {
  const doc = ownerDoc(el);
  const box = doc.createElement(tag);
  while (el.firstChild) box.appendChild(el.firstChild);
  el.replaceWith(box);
}

function isLayoutTable(table: Element): boolean {
  if (table.querySelector('table')) return true;
  if (table.getAttribute('role') === 'presentation') return true;
  const rows = Array.from(table.querySelectorAll('tr'));
  if (rows.length === 0) return true;
  const maxCells = Math.max(...rows.map((r) => r.children.length));
  return maxCells <= 1;
}

function flattenCell(cell: Element): void {
  const doc = ownerDoc(cell);
  // Deepest first, so an outer block sees already-flattened children.
  const blocks = Array.from(cell.querySelectorAll('*')).filter((el) => BLOCKS.has(el.tagName)).reverse();
  for (const el of blocks) {
    if (el.tagName === 'PRE') {
      const code = doc.createElement('code');
      code.textContent = (el.textContent ?? '').replace(/\s+/g, ' ');
      el.replaceWith(code, doc.createTextNode(' '));
      continue;
    }
    el.replaceWith(doc.createTextNode(' '), ...Array.from(el.childNodes), doc.createTextNode(' '));
  }
}

export function prepareTables(root: Element | DocumentFragment): void {
  // Outermost layout tables first: unwrapping them exposes the data tables inside.
  for (;;) {
    const layout = Array.from(root.querySelectorAll('table')).find(isLayoutTable);
    if (!layout) break;
    for (const cell of Array.from(layout.querySelectorAll(':scope > * > tr > td, :scope > * > tr > th, :scope > tr > td, :scope > tr > th'))) {
      unwrapInto(cell, 'div');
    }
    for (const part of Array.from(layout.querySelectorAll(':scope > thead, :scope > tbody, :scope > tfoot, :scope > * > tr, :scope > tr, :scope > caption'))) {
      unwrapInto(part, 'div');
    }
    unwrapInto(layout, 'div');
  }
  for (const cell of Array.from(root.querySelectorAll('td, th'))) flattenCell(cell);
}
