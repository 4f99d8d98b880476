import { i18n } from '#i18n';
import { type ComponentChildren, h } from 'preact';
import type { PreviewImage, PreviewNode } from '../../lib/preview/tree';

/** What a picture's placeholder or thumbnail says it shows. */
function imageLabel(image: PreviewImage): string {
  const alt = image.alt.trim() || i18n.t('clip.previewNoAlt');
  return image.host ? i18n.t('clip.previewImageFrom', { alt, host: image.host }) : i18n.t('clip.previewImage', { alt });
}

function view(node: PreviewNode, key: number): ComponentChildren {
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'element':
      // `tag` is one of PREVIEW_TAGS (lib/preview/tree.ts), never a name taken from the page.
      return h(node.tag, { key, start: node.start }, node.children.length > 0 ? node.children.map(view) : undefined);
    case 'link':
      // A new tab, never this popup: nothing of the page is opened where the extension runs.
      return (
        <a key={key} href={node.href} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
          {node.children.map(view)}
        </a>
      );
    case 'image':
      return node.thumbnail ? (
        <img key={key} class="preview-thumb" src={node.thumbnail} alt={imageLabel(node)} loading="lazy" decoding="async" />
      ) : (
        // A linked picture is not fetched by the popup: Anytype fetches it when it stores the clip.
        <span key={key} class="preview-image">
          {imageLabel(node)}
        </span>
      );
  }
}

/** The preview's tree (lib/preview/markdown-tree.ts) as elements of PREVIEW_ATTRIBUTES only. */
export function PreviewTree({ nodes }: { nodes: PreviewNode[] }) {
  return <>{nodes.map(view)}</>;
}
