import type { Worker } from 'playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExtensionGlobal, useSandbox, waitUntil } from '../harness';
import { type ExtensionsChromium, launchChromiumWith } from './chromium-extensions';
import { OTHER_EXTENSION_NAME, type ProbeReport, writeOtherExtension } from './other-extension';

// Chromium only: loading a second unpacked extension next to ours needs --load-extension with both
// paths, which the Firefox driver (one temporary add-on over BiDi) does not offer here.
// Another extension knows our id and messages us directly; the background must not act on it.
const sandbox = useSandbox();
const control = () => sandbox().control;

async function otherWorker(chromium: ExtensionsChromium): Promise<Worker> {
  return waitUntil('the other extension to start', async () => {
    for (const w of chromium.context.serviceWorkers()) {
      const name = await w
        .evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest().name)
        .catch(() => '');
      if (name === OTHER_EXTENSION_NAME) return w;
    }
    return undefined;
  });
}

describe('proxy in chromium (two extensions loaded): another extension messaging ours', () => {
  const other = writeOtherExtension();
  let chromium: ExtensionsChromium;
  beforeAll(async () => {
    chromium = await launchChromiumWith([other.dir]);
  });
  afterAll(async () => {
    await chromium?.close();
    other.remove();
  });

  test('sendMessage(ourId) and connect(ourId) are refused or unanswered: 0 requests to Anytype', async () => {
    const { tabId } = await chromium.openFixture();
    const key = await control().issueKey();
    const popup = await chromium.openPopup(`tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Use an API key', exact: true }).click();
    await popup.getByRole('textbox', { name: 'API key', exact: true }).fill(key);
    await popup.getByRole('button', { name: 'Save key', exact: true }).click();
    await popup.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    // Let the clip form finish loading (spaces, types, tags, collections) before counting requests.
    await waitUntil('the clip form to load', async () =>
      (await popup.getByRole('combobox', { name: 'Type', exact: true }).inputValue()) !== '' ? true : undefined,
    );
    await popup.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await control().clearLog();

    const spaceId = (await control().spaces()).find((s) => !s.isChat)!.id;
    const messages = [
      { type: 'clip.submit', payload: { tabId, mode: 'article', spaceId, typeKey: 'page', title: 'From another extension' } },
      { type: 'connection.saveKey', payload: { apiKey: 'other-extension-key-0123' } },
      { type: 'connection.disconnect', payload: {} },
      { type: 'spaces.list', payload: {} },
      { type: 'connection.status', payload: {} },
    ];
    const worker = await otherWorker(chromium);
    const report = (await worker.evaluate(
      ({ id, list }) => (globalThis as unknown as { probe(i: string, m: unknown[]): Promise<unknown> }).probe(id, list),
      { id: chromium.extensionId, list: messages },
    )) as ProbeReport;

    expect(report.sent).toHaveLength(messages.length);
    for (const { type, outcome } of report.sent) expect(outcome, type).not.toMatch(/^answered/);
    expect(report.connect).not.toMatch(/^answered/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await control().log()).toEqual([]);
    expect(await control().objects()).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ name: 'From another extension' })]),
    );

    // Still paired with the key the person gave.
    const reopened = await chromium.openPopup(`tabId=${tabId}`);
    await reopened.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    const used = (await control().log()).filter((e) => e.authorization !== null).map((e) => e.authorization);
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set([`Bearer ${key}`]));
  });
});
