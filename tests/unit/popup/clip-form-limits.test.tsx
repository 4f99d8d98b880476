import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipForm } from '../../../components/clip/ClipForm';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { known } from '../../../lib/popup/early';
import { BackgroundError, type BackgroundClient } from '../../../lib/protocol/client';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { fakeBackground, memoryArea } from './clip-form-fakes';

afterEach(cleanup);

/** The background as it answers for a page the browser will not let the extension read. */
function unreadable(calls: { type: string; payload: unknown }[], url: string): BackgroundClient {
  const inner = fakeBackground(calls);
  return {
    async call(type, payload) {
      if (type === 'clip.preview') {
        calls.push({ type, payload });
        const mode = (payload as { mode: string }).mode;
        if (mode === 'bookmark' && /^https?:/.test(url)) return { url, title: 'Store', markdown: '', size: { words: 0, images: 0, inlinedImages: 0 } } as never;
        throw new BackgroundError('cannot_capture', 'This page cannot be clipped.');
      }
      return inner.call(type, payload);
    },
  };
}

async function formFor(url: string) {
  const calls: { type: string; payload: unknown }[] = [];
  const controller = createClipFormController(
    { background: unreadable(calls, url), prefs: createClipPrefsStore(memoryArea()), site: known({ rules: [], url }) },
    () => {},
  );
  await controller.init(4);
  return { controller, calls };
}

describe('pages that cannot be clipped', () => {
  it('a web page the extension may not read offers Bookmark, says why, and Save keeps a bookmark', async () => {
    const { controller, calls } = await formFor('https://chromewebstore.google.com/detail/x');
    expect(controller.state).toMatchObject({ pageLimit: 'bookmarkOnly', mode: 'bookmark' });
    render(<ClipForm state={controller.state} controller={controller} />);
    expect(screen.getByText(/it can be saved as a bookmark/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Mode' }) as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save to Anytype' }) as HTMLButtonElement).disabled).toBe(false);
    await controller.save();
    expect(calls.filter((c) => c.type === 'clip.submit').map((c) => (c.payload as { mode: string }).mode)).toEqual(['bookmark']);
  });

  it.each(['chrome://settings/', 'about:addons', 'chrome-extension://abc/page.html', ''])(
    'a browser page (%s) says why, and Save is disabled',
    async (url) => {
      const { controller, calls } = await formFor(url);
      expect(controller.state.pageLimit).toBe('none');
      render(<ClipForm state={controller.state} controller={controller} />);
      expect(screen.getByText(/^Browser pages/)).toBeTruthy();
      expect((screen.getByRole('button', { name: 'Save to Anytype' }) as HTMLButtonElement).disabled).toBe(true);
      await controller.save();
      expect(calls.filter((c) => c.type === 'clip.submit')).toEqual([]);
    },
  );
});
