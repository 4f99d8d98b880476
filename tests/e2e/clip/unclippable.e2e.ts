import { describe, expect, test } from 'vitest';
import { BROWSERS, type BrowserName, type ExtensionGlobal, useBrowser, useSandbox, waitUntil } from '../harness';
import { isCreate } from '../proxy/flows';
import { expectNoPageErrors, pairWithKey } from './popup-form';

// Pages that cannot be clipped (issue 22.5), in the real browsers: a browser's own page refuses the
// clipper and does not even tell the extension its address. The popup says why, Save is disabled,
// and nothing reaches Anytype.
const sandbox = useSandbox();

/**
 * A page of the browser itself that an extension may open but not read. Firefox lets an extension
 * open no privileged about: page ("Illegal URL: about:robots"), so there it is about:blank.
 */
const BROWSER_PAGE: Record<BrowserName, string> = { chromium: 'chrome://version/', firefox: 'about:blank' };

describe.each(BROWSERS)('a page that cannot be clipped in $name', ({ name, launch }) => {
  const browser = useBrowser(launch);

  test('a browser page: the popup says why, Save is disabled, nothing is sent', async () => {
    const key = await sandbox().control.issueKey();
    // Not openTab: the extension is not told a browser page's address, so only its loading is awaited.
    const tabId = await browser().evaluateInExtension(async (href: string) => {
      const api = (globalThis as unknown as ExtensionGlobal).chrome;
      const created = await api.tabs.create({ url: href, active: true });
      const id = created.id ?? -1;
      for (let i = 0; i < 200 && id >= 0; i++) {
        if ((await api.tabs.get(id)).status === 'complete') return id;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return -1;
    }, BROWSER_PAGE[name]);
    expect(tabId, `${BROWSER_PAGE[name]} opened in a tab`).toBeGreaterThanOrEqual(0);

    const popup = await browser().openPopup(`tabId=${tabId}`);
    await pairWithKey(popup, key);
    // The reason beside Save, and the why in the preview's place.
    expect(await popup.waitForText('status', 'This page cannot be clipped.')).toBe('This page cannot be clipped.');
    const read = () =>
      popup.evaluate(() => ({
        preview: document.querySelector('section[aria-label="Preview"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        saveDisabled: (document.querySelector('.save-bar button[type=submit]') as HTMLButtonElement | null)?.disabled ?? false,
        modeDisabled: (document.getElementById('clip-mode') as HTMLSelectElement | null)?.disabled ?? false,
      }));
    const shown = await waitUntil('the popup to say why', async () => {
      const now = await read();
      return now.preview.startsWith('Browser pages') ? now : undefined;
    });
    expect(shown).toEqual({
      preview: 'Browser pages (such as chrome:// or about:) can be neither clipped nor saved as a bookmark. Open the page you want to clip, then the extension.',
      saveDisabled: true,
      modeDisabled: true,
    });
    // Ctrl+Enter does not get round the disabled button.
    await popup.evaluate(() => {
      document.getElementById('clip-title')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await sandbox().control.log()).filter(isCreate)).toEqual([]);
    expect(await sandbox().control.objects().then((all) => all.filter((o) => o.properties.source === BROWSER_PAGE[name]))).toEqual([]);
    expectNoPageErrors(popup);
  });
});
