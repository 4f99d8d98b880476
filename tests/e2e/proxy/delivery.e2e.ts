import { describe, expect, test } from 'vitest';
import { useProxyBrowser } from './session';
import { BROWSERS, type ExtensionGlobal, useSandbox } from '../harness';
import {
  expectObjectsFrom,
  expectQueueDrained,
  isCreate,
  objectsFrom,
  pairedClipForm,
  pairWithKey,
  queueSummary,
} from './flows';

// The background proxy's delivery promises, seen from the popup and counted in the sandbox:
// a clip the person saved reaches Anytype exactly once, whatever Anytype answers meanwhile.
const sandbox = useSandbox();
const control = () => sandbox().control;

describe.each(BROWSERS)('proxy delivery in $name', (target) => {
  const browser = useProxyBrowser(target);

  test('Anytype down: Save is queued, nothing lost; back up: delivered once', async () => {
    const { popup, tabId, sourceUrl } = await pairedClipForm(browser(), control());
    await control().setFaults({ refuse: true });

    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Queued:');
    expect(await popup.count('alert')).toBe(0);
    expect(await objectsFrom(control(), sourceUrl)).toEqual([]);
    // Kept in the queue, not dropped.
    expect((await queueSummary(popup)).pending).toBe(1);
    await popup.close();

    await control().setFaults({ refuse: false });
    // Opening the popup is one of the moments a waiting clip is retried.
    const reopened = await browser().openPopup(`tabId=${tabId}`);
    await expectObjectsFrom(control(), sourceUrl, 1);
    await expectQueueDrained(reopened);
  });

  test('401: the clip waits, the popup says to pair again; after pairing it is delivered once', async () => {
    const { popup, tabId, key, sourceUrl } = await pairedClipForm(browser(), control());
    await control().revokeKey(key);

    await popup.clickButton('Save to Anytype');
    const queued = await popup.waitForText('status', 'Queued:');
    // A kept clip says it goes on by itself once paired again, not Anytype's "try again".
    expect(queued).toContain('It will be sent by itself once you pair again.');
    const waiting = await queueSummary(popup);
    expect(waiting.pending).toBe(1);
    expect(waiting.paused).toBe(true);
    await popup.close();

    const reopened = await browser().openPopup(`tabId=${tabId}`);
    // The popup's own words: the person is in the popup, so it does not send them "to the extension popup".
    const alert = await reopened.waitForText('alert', 'Pair again');
    expect(alert).toMatch(/^Anytype no longer accepts this connection\. Pair again with Connect below/);
    expect(alert).not.toContain('extension popup');
    expect(await objectsFrom(control(), sourceUrl)).toEqual([]);
    await reopened.clickButton('Disconnect');
    await pairWithKey(reopened, await control().issueKey());

    await expectObjectsFrom(control(), sourceUrl, 1);
    await expectQueueDrained(reopened);
  });

  test('100 clips against the write limiter: all delivered, none twice', async () => {
    const { popup, sourceUrl } = await pairedClipForm(browser(), control());
    await control().setFaults({ writeLimit: { perSecond: 5, burst: 10 } });

    // A hundred Saves at once through the same message the form sends, each with its own title.
    const answers = await popup.evaluate(async () => {
      const api = (globalThis as unknown as ExtensionGlobal).chrome;
      const tabId = Number(new URLSearchParams(location.search).get('tabId'));
      const spaces = (await api.runtime.sendMessage({ type: 'spaces.list', payload: {} })) as {
        data: { id: string }[];
      };
      const spaceId = spaces.data[0]?.id ?? '';
      const saves = Array.from({ length: 100 }, (_, i) =>
        api.runtime.sendMessage({
          type: 'clip.submit',
          payload: { clientId: crypto.randomUUID(), tabId, mode: 'article', spaceId, typeKey: 'page', title: `Limited ${i}` },
        }),
      );
      return (await Promise.all(saves)) as { ok: boolean; data?: { state: string } }[];
    });
    expect(answers.map((a) => (a.ok ? a.data?.state : 'error')).filter((s) => s !== 'done' && s !== 'queued')).toEqual(
      [],
    );

    const found = await expectObjectsFrom(control(), sourceUrl, 100, 120_000);
    const names = found.map((o) => o.name).sort();
    expect(names).toEqual(Array.from({ length: 100 }, (_, i) => `Limited ${i}`).sort());
    await expectQueueDrained(popup);
    // The limiter did push back, so the retries were exercised.
    expect((await control().log()).some((e) => isCreate(e) && e.status === 429)).toBe(true);
  }, 180_000);

  test('500 after the object was made: exactly one object', async () => {
    const { popup, sourceUrl } = await pairedClipForm(browser(), control());
    await control().setFaults({ failAfterCreate: 1 });

    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', /Saved|Queued:/);
    await expectObjectsFrom(control(), sourceUrl, 1);
    await expectQueueDrained(popup);
    // The fault was exercised: a create was answered 500 (and the object it made is the one above).
    const creates = (await control().log()).filter(isCreate).map((e) => e.status);
    expect(creates, `create statuses ${creates.join(',')}`).toContain(500);
  });
});
