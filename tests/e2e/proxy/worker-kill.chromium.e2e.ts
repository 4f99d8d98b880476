import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionGlobal, useSandbox, waitUntil } from '../harness';
import { type ExtensionsChromium, launchChromiumWith } from './chromium-extensions';
import { expectObjectsFrom, isCreate, objectsFrom, type QueueSummary } from './flows';

// Chromium only: stopping the extension's service worker needs CDP (ServiceWorker.stopWorker), and
// Firefox's background cannot be stopped from outside. The queue is write-ahead, so a worker that
// dies with a create in flight must, once woken, find the object that create made, not make a second.
const sandbox = useSandbox();
const control = () => sandbox().control;

const byName = (page: Page, role: 'button' | 'textbox', name: string) => page.getByRole(role, { name, exact: true });

async function pairAndLoadForm(popup: Page, key: string): Promise<void> {
  await byName(popup, 'button', 'Use an API key').click();
  await byName(popup, 'textbox', 'API key').fill(key);
  await byName(popup, 'button', 'Save key').click();
  await popup.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
  await waitUntil('the clip form to read the page and load the types', async () =>
    (await byName(popup, 'textbox', 'Title').inputValue()) !== '' &&
    (await popup.getByRole('combobox', { name: 'Type', exact: true }).inputValue()) !== ''
      ? true
      : undefined,
  );
}

async function summary(popup: Page): Promise<QueueSummary> {
  const answer = (await popup.evaluate(() =>
    (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'queue.summary', payload: {} }),
  )) as { ok: boolean; data: QueueSummary };
  return answer.data;
}

describe('proxy in chromium (CDP only): service worker killed mid-clip', () => {
  let chromium: ExtensionsChromium;
  beforeAll(async () => {
    chromium = await launchChromiumWith();
  });
  afterAll(async () => {
    await chromium?.close();
  });

  test('worker stopped while the create is in flight: after it wakes, exactly one object', async () => {
    const { tabId, url } = await chromium.openFixture();
    const popup = await chromium.openPopup(`tabId=${tabId}`);
    await pairAndLoadForm(popup, await control().issueKey());

    // Every request now takes 2 s, so the create is still on its way when the worker dies.
    await control().setFaults({ delayMs: 2_000 });
    await byName(popup, 'button', 'Save to Anytype').click();
    await waitUntil('the create to reach Anytype', async () => ((await control().log()).some(isCreate) ? true : undefined));
    await chromium.stopWorker();

    // Anytype finishes the create it received, although nobody reads the answer any more.
    await waitUntil('the in-flight create to land', async () =>
      (await objectsFrom(control(), url)).length > 0 ? true : undefined,
    );
    await control().setFaults({ delayMs: 0 });
    await popup.close();

    // Opening the popup wakes the worker; the queue reconciles what was in flight and delivers.
    const reopened = await chromium.openPopup(`tabId=${tabId}`);
    await expectObjectsFrom(control(), url, 1);
    const drained = await waitUntil('the queue to drain', async () => {
      const s = await summary(reopened);
      return s.pending === 0 ? s : undefined;
    });
    expect(drained).toMatchObject({ pending: 0, failed: 0, paused: false });
    expect((await control().log()).filter(isCreate)).toHaveLength(1);
  });
});
