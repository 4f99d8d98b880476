import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MessageOutput } from '../../lib/protocol/messages';
import { shownMarkdown } from '../../lib/preview/raw';
import type { PreviewNode } from '../../lib/preview/tree';
import { PreviewTree } from './PreviewTree';

type BuildTree = (markdown: string) => PreviewNode[];

let parser: Promise<BuildTree> | undefined;
/**
 * The Markdown parser is a chunk of its own, fetched after the popup has drawn and while the page
 * is still being read: it never weighs on the first render (README, Figures).
 */
export function loadPreviewParser(): Promise<BuildTree> {
  parser ??= import('../../lib/preview/markdown-tree').then((module) => module.markdownTree);
  return parser;
}

type Preview = MessageOutput<'clip.preview'>;

function sizeText(size: Preview['size']): string {
  const words = i18n.t('clip.counts.words', size.words);
  const images = i18n.t('clip.counts.images', size.images);
  if (size.inlinedImages === 0) return i18n.t('clip.previewSize', { words, images });
  return i18n.t('clip.previewSizeInlined', { words, images, inlined: i18n.t('clip.counts.inlined', size.inlinedImages) });
}

interface ClipPreviewProps {
  preview?: Preview;
  error?: string;
  /** A bookmark keeps the page's address and details; its body is the description, if any. */
  bookmark: boolean;
}

/** What the clip will store, drawn from its Markdown; its size; and the Markdown itself on request. */
export function ClipPreview({ preview, error, bookmark }: ClipPreviewProps) {
  const [buildTree, setBuildTree] = useState<BuildTree>();
  const [raw, setRaw] = useState(false);
  const [parserFailed, setParserFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadPreviewParser().then(
      (build) => live && setBuildTree(() => build),
      () => live && setParserFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const markdown = preview?.markdown ?? '';
  const tree = useMemo(() => (buildTree && markdown ? buildTree(markdown) : undefined), [buildTree, markdown]);
  // Without the parser (it failed to load) the Markdown is shown as it is: still text, never markup.
  const showRaw = raw || parserFailed;

  return (
    <div class="preview-box">
      {preview && (
        <div class="preview-bar">
          <span>{sizeText(preview.size)}</span>
          {markdown && (
            <button type="button" class="link-button" aria-pressed={showRaw} disabled={parserFailed} onClick={() => setRaw(!raw)}>
              {i18n.t('clip.previewMarkdown')}
            </button>
          )}
        </div>
      )}
      {/* The preview scrolls: it takes focus so that keyboard users can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section class="preview" aria-label={i18n.t('clip.preview')} tabIndex={0}>
        {preview ? (
          <>
            {preview.selectionEmpty && <p class="note">{i18n.t('clip.selectionEmpty')}</p>}
            {(bookmark || !markdown) && <p class="note">{i18n.t('clip.addressOnly')}</p>}
            {markdown && showRaw && <pre class="preview-raw">{shownMarkdown(markdown)}</pre>}
            {markdown && !showRaw && tree && <PreviewTree nodes={tree} />}
            {preview.truncated && <p class="note">{i18n.t('clip.previewTruncated')}</p>}
          </>
        ) : (
          <p class="note">{error ?? i18n.t('clip.reading')}</p>
        )}
      </section>
    </div>
  );
}
