import { describe, expect, test } from 'vitest';
import { BROWSERS, useBrowser, useSandbox } from '../harness';
import { choose, expectNoPageErrors, pairWithKey, waitForIdle, waitForPreview } from './popup-form';
import { DIARY, DIARY_PATH, openTab, useSite } from './site';
import { vaultView } from './vault';

// Anytype Desktop fetches image addresses later, without the browser's cookies or Referer. A
// members-only picture must therefore reach the vault inside the clip, as a data: URI; a public one
// stays a link Desktop can fetch; a picture the page drew (blob:) exists only in the tab.
const site = useSite();
const sandbox = useSandbox();
let key = '';
const vault = vaultView(sandbox, () => key);

/** The data: URI of the image with this alt text in the markdown, if it was inlined. */
function inlinedImage(md: string, alt: string): string | undefined {
  const escaped = alt.replace(/[\\[\]]/g, '\\$&').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`!\\[${escaped}\\]\\((data:image/png;base64,[A-Za-z0-9+/=]+)\\)`).exec(md)?.[1];
}

describe.each(BROWSERS)('images in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  test('Article mode inlines the picture only the page cookie unlocks and keeps the public one a link', async () => {
    key = await sandbox().control.issueKey();
    const page = await openTab(browser(), site().url(DIARY_PATH));
    const research = await vault.spaceId('Research');
    const popup = await browser().openPopup(`tabId=${page.tabId}`);
    await pairWithKey(popup, key);
    await waitForPreview(popup, 'Every morning this month a grey heron');
    await waitForIdle(popup);
    await choose(popup, 'Mode', 'Article');
    await choose(popup, 'Space', 'Research');
    await choose(popup, 'Type', 'Page');
    await popup.clickButton('Save to Anytype');
    expect(await popup.waitForText('status', 'Saved')).toContain('Open in Anytype');

    const stored = await vault.clipOf(research, page.url);
    const md = stored.markdown;
    const members = inlinedImage(md, DIARY.privateAlt);
    expect(members, md.slice(0, 2000)).toBeDefined();
    // The very picture the site served, byte for byte.
    expect(Buffer.from(members?.split(',')[1] ?? '', 'base64').equals(DIARY.png)).toBe(true);
    expect(md).not.toContain('/private/heron.png');
    // Desktop can fetch the public picture itself: it stays a link, the clip stays small.
    expect(md).toContain(`![${DIARY.publicAlt}](${site().url(DIARY.publicPath)})`);
    // The page's own drawing has no address Desktop could open: inlined too.
    expect(inlinedImage(md, DIARY.blobAlt), md.slice(0, 2000)).toBeDefined();
    expect(md).not.toContain('blob:');
    expectNoPageErrors(popup);
  });
});
