/**
 * Selection mode: every range of the selection (Firefox allows several, e.g. table cells picked
 * with Ctrl), copied into one fragment of an inert document (inert.ts). A range's copy loses its
 * context (rows without their table, lines without their <pre>), so that context is rebuilt from
 * shallow copies of the structural ancestors.
 */
import { cloneRangeInto, emptyInertDocument } from './inert';

const CONTEXT = new Set(['PRE', 'CODE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'UL', 'OL', 'BLOCKQUOTE', 'DL']);

function withContext(range: Range, doc: Document, out: Document): Node {
  let node: Node = cloneRangeInto(range, out);
  const start = range.commonAncestorContainer;
  let ancestor: Node | null = start.nodeType === 1 ? start : start.parentNode;
  while (ancestor && ancestor.nodeType === 1) {
    const el = ancestor as Element;
    if (CONTEXT.has(el.tagName.toUpperCase())) {
      const shell = out.importNode(el, false);
      shell.appendChild(node);
      node = shell;
    }
    if (el === doc.body) break;
    ancestor = el.parentNode;
  }
  return node;
}

/** The selection as a fragment owned by an inert document, never by `doc`. */
export function selectionToFragment(selection: Selection, doc: Document): DocumentFragment {
  const out = emptyInertDocument(doc);
  const fragment = out.createDocumentFragment();
  for (let i = 0; i < selection.rangeCount; i++) {
    const range = selection.getRangeAt(i);
    if (range.collapsed) continue;
    // One block per range, so separate picks do not run into one paragraph.
    const block = out.createElement('div');
    block.appendChild(withContext(range, doc, out));
    fragment.appendChild(block);
  }
  return fragment;
}
