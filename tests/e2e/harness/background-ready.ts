/** Waiting for a restarted background to answer messages again (a message from a page wakes it). */
import type { BrowserSession, ExtensionGlobal } from './types';
import { waitUntil } from './wait';

export async function answersAgain(session: Pick<BrowserSession, 'openPopup'>): Promise<void> {
  const page = await session.openPopup();
  try {
    await waitUntil(
      'the restarted background to answer',
      async () => {
        const answer = await page.evaluate(() =>
          (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'queue.summary', payload: {} }),
        );
        return (answer as { ok?: boolean } | undefined)?.ok ? true : undefined;
      },
      20_000,
      250,
    );
  } finally {
    await page.close();
  }
}
