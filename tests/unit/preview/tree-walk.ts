import type { PreviewNode } from '../../../lib/preview/tree';

/** Every node of a preview tree, depth first. */
export function* walk(nodes: PreviewNode[]): Generator<PreviewNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'element' || node.kind === 'link') yield* walk(node.children);
  }
}

/** The text a person reads in the tree, pictures' descriptions included. */
export function readText(nodes: PreviewNode[]): string {
  let text = '';
  for (const node of walk(nodes)) {
    if (node.kind === 'text') text += node.text;
    if (node.kind === 'image') text += ` ${node.alt} `;
  }
  return text;
}
