/**
 * Selection mode: every range of the selection (Firefox allows several, e.g. table cells picked
 * with Ctrl), cloned into one detached fragment. A range's clone loses its context (rows without
 * their table, lines without their <pre>), so that context is rebuilt from shallow copies of the
 * structural ancestors.
 */

const CONTEXT = new Set(['PRE', 'CODE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'UL', 'OL', 'BLOCKQUOTE', 'DL']);

function withContext(range: Range, doc: Document): Node {
  let node: Node = range.cloneContents();
  const start = range.commonAncestorContainer;
  let ancestor: Node | null = start.nodeType === 1 ? start : start.parentNode;
  while (ancestor && ancestor.nodeType === 1) {
    const el = ancestor as Element;
    if (CONTEXT.has(el.tagName)) {
      const shell = el.cloneNode(false);
      shell.appendChild(node);
      node = shell;
    }
    if (el === doc.body) break;
    ancestor = el.parentNode;
  }
  return node;
}

export function selectionToFragment(selection: Selection, doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (range.collapsed) continue;
    // One block per range, so separate picks do not run into one paragraph.
    const block = doc.createElement('div');
    block.appendChild(withContext(range, doc));
    fragment.appendChild(block);
  }
  return fragment;
}
