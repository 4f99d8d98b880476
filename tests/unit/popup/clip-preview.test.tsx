import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipPreview, loadPreviewParser } from '../../../components/clip/ClipPreview';
import { PreviewTree } from '../../../components/clip/PreviewTree';
import { markdownTree } from '../../../lib/preview/markdown-tree';
import { PREVIEW_ATTRIBUTES } from '../../../lib/preview/tree';
import type { MessageOutput } from '../../../lib/protocol/messages';
import { HTML_PAYLOADS, hostileMarkdown } from '../preview/hostile-markdown';

afterEach(cleanup);

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const MD = `## Shade and shelter\n\n- Anemones\n- Crabs\n\n![A rock pool](https://pools.example/p.png) ![A dot](${PNG})\n\n<script>alert(1)</script>`;

function preview(over: Partial<MessageOutput<'clip.preview'>> = {}): MessageOutput<'clip.preview'> {
  return { url: 'https://e.example/a', title: 'T', markdown: MD, size: { words: 9, images: 2, inlinedImages: 1 }, ...over };
}

/** Every element under `root` is allowlisted with allowlisted attributes; links and pictures carry only safe URLs. */
function expectOnlyAllowed(root: Element): void {
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    expect(Object.keys(PREVIEW_ATTRIBUTES), tag).toContain(tag);
    for (const attribute of element.getAttributeNames()) expect(PREVIEW_ATTRIBUTES[tag], `${tag} ${attribute}`).toContain(attribute);
    if (tag === 'a') {
      expect(element.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(element.getAttribute('target')).toBe('_blank');
    }
    if (tag === 'img') expect(element.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  }
}

describe('the clip preview', () => {
  it('draws headings, lists and pictures from the Markdown, says its size, and shows script as text', async () => {
    render(<ClipPreview preview={preview()} bookmark={false} />);
    const region = screen.getByRole('region', { name: 'Preview' });
    expect(await within(region).findByRole('heading', { level: 2, name: 'Shade and shelter' })).toBeTruthy();
    expect(within(region).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Anemones', 'Crabs']);
    expect(within(region).getByText('Image from pools.example: A rock pool')).toBeTruthy();
    expect(within(region).getByRole('img', { name: 'Image: A dot' }).getAttribute('src')).toBe(PNG);
    expect(within(region).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(region.querySelector('script')).toBeNull();
    expectOnlyAllowed(region);
    expect(screen.getByText('9 words · 2 images (1 inside the clip)')).toBeTruthy();
  });

  it('the toggle shows the Markdown as text, inlined data shortened, and back', async () => {
    const user = userEvent.setup();
    render(<ClipPreview preview={preview()} bookmark={false} />);
    const region = screen.getByRole('region', { name: 'Preview' });
    await within(region).findByRole('heading', { name: 'Shade and shelter' });
    const toggle = screen.getByRole('button', { name: 'Show Markdown' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const raw = region.querySelector('pre') as HTMLElement;
    expect(raw.textContent).toContain('## Shade and shelter\n\n- Anemones');
    expect(raw.textContent).toContain('![A dot](data:image/png;base64,iVBORw0KGgoAAAAN…)');
    expect(within(region).queryByRole('heading')).toBeNull();
    await user.click(toggle);
    expect(within(region).getByRole('heading', { name: 'Shade and shelter' })).toBeTruthy();
  });

  it('says a bookmark keeps the address, a cut preview that Save keeps it all, and waits while reading', async () => {
    const { rerender } = render(<ClipPreview bookmark={false} />);
    expect(screen.getByText('Reading the page…')).toBeTruthy();
    rerender(<ClipPreview preview={preview({ markdown: 'A short post.', truncated: true })} bookmark={true} />);
    expect(screen.getByText('Only the address and details of this page will be saved.')).toBeTruthy();
    expect(await screen.findByText('A short post.')).toBeTruthy();
    expect(screen.getByText('The preview ends here; Save keeps all of it.')).toBeTruthy();
    rerender(<ClipPreview preview={preview({ markdown: '', size: { words: 1, images: 0, inlinedImages: 0 } })} bookmark={true} />);
    expect(screen.getByText('1 word · 0 images')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show Markdown' })).toBeNull();
  });

  it('property: generated hostile Markdown renders only allowlisted elements and attributes, each payload as text', async () => {
    await loadPreviewParser();
    fc.assert(
      fc.property(hostileMarkdown, (md) => {
        const { container, unmount } = render(<PreviewTree nodes={markdownTree(md)} />);
        expectOnlyAllowed(container);
        const text = container.textContent + [...container.querySelectorAll('img')].map((img) => img.alt).join(' ');
        for (const payload of HTML_PAYLOADS) if (md.includes(payload)) expect(text).toContain(payload);
        unmount();
      }),
      { numRuns: 80 },
    );
  });
});
