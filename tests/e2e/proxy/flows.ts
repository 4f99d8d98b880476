import { expect } from 'vitest';
import type { SandboxControl, StoredObject } from '../../sandbox/index';
import { type BrowserSession, type ExtensionGlobal, type PopupPage, waitUntil } from '../harness';

/**
 * Popup and sandbox steps the proxy scenarios share. Only the popup's UI contract and the
 * protocol's public messages are used, so these steps see what a person (or a page) would.
 */

/** "Use an API key" → paste → "Save key" → "Connected". */
export async function pairWithKey(popup: PopupPage, key: string): Promise<void> {
  await popup.clickButton('Use an API key');
  await popup.fill('textbox', 'API key', key);
  await popup.clickButton('Save key');
  await popup.waitForText('status', 'Connected');
}

export interface ClipSetup {
  popup: PopupPage;
  tabId: number;
  key: string;
  /** The fixture tab's URL: every clip of it carries this as its `source`. */
  sourceUrl: string;
}

/** The URL of a tab, as the extension sees it (the clip's `source`). */
export async function tabUrl(session: BrowserSession, tabId: number): Promise<string> {
  return session.evaluateInExtension(async (id: number) => {
    const tab = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.get(id);
    return tab.url ?? '';
  }, tabId);
}

/** A fixture page, a popup clipping it, paired with a key issued in "Desktop", form loaded. */
export async function pairedClipForm(session: BrowserSession, control: SandboxControl): Promise<ClipSetup> {
  const tabId = await session.openPage();
  const sourceUrl = await tabUrl(session, tabId);
  const key = await control.issueKey();
  const popup = await session.openPopup(`tabId=${tabId}`);
  await pairWithKey(popup, key);
  await formReady(popup);
  return { popup, tabId, key, sourceUrl };
}

/** The clip form has read the page (the title comes from the preview) and loaded the space's types. */
export async function formReady(popup: PopupPage): Promise<void> {
  await popup.waitFor('button', 'Save to Anytype');
  await waitUntil('the clip form to read the page and load the types', async () =>
    (await popup.valueOf('textbox', 'Title')) !== '' && (await popup.valueOf('combobox', 'Type')) !== ''
      ? true
      : undefined,
  );
}

/** Every live object (any space) whose `source` is this URL. */
export async function objectsFrom(control: SandboxControl, sourceUrl: string): Promise<StoredObject[]> {
  const all = await control.objects();
  return all.filter((object) => object.properties.source === sourceUrl && !object.archived);
}

/** Waits for exactly `expected` objects from that source, then checks no more arrive for `settleMs`. */
export async function expectObjectsFrom(
  control: SandboxControl,
  sourceUrl: string,
  expected: number,
  timeoutMs = 20_000,
  settleMs = 1_500,
): Promise<StoredObject[]> {
  await waitUntil(
    `${expected} object(s) with source ${sourceUrl}`,
    async () => ((await objectsFrom(control, sourceUrl)).length >= expected ? true : undefined),
    timeoutMs,
    200,
  );
  // A duplicate would come from a retry after the first object landed: give it a moment to show.
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const found = await objectsFrom(control, sourceUrl);
  expect(found.map((o) => o.name)).toHaveLength(expected);
  return found;
}

export interface QueueSummary {
  pending: number;
  failed: number;
  paused: boolean;
  waitingReason?: string;
}

/** Asks the background for the queue summary from an extension page (this also wakes the queue). */
export async function queueSummary(popup: PopupPage): Promise<QueueSummary> {
  const answer = await popup.evaluate(async () => {
    const api = (globalThis as unknown as ExtensionGlobal).chrome;
    return (await api.runtime.sendMessage({ type: 'queue.summary', payload: {} })) as unknown;
  });
  const typed = answer as { ok: boolean; data?: QueueSummary };
  if (!typed.ok || !typed.data) throw new Error(`queue.summary answered ${JSON.stringify(answer)}`);
  return typed.data;
}

/** Waits until the queue holds nothing pending (failed ones count as not delivered: asserted 0). */
export async function expectQueueDrained(popup: PopupPage, timeoutMs = 20_000): Promise<void> {
  const summary = await waitUntil(
    'the queue to drain',
    async () => {
      const s = await queueSummary(popup);
      return s.pending === 0 ? s : undefined;
    },
    timeoutMs,
    250,
  );
  expect(summary.failed).toBe(0);
  expect(summary.paused).toBe(false);
}

/** Create requests in the sandbox log (any space). */
export function isCreate(entry: { method: string; path: string }): boolean {
  return entry.method === 'POST' && /^\/v1\/spaces\/[^/]+\/objects$/.test(entry.path);
}
