import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { userMessage } from '../../lib/anytype/errors';
import { ARTIFACTS, BROWSERS, DOCS_SCREENSHOTS, type PopupPage, navigateWithin, useBrowser, useSandbox, waitUntil } from './harness';
import { authorisedRequests, bearerKey, count, expectAuthorisedWith, expectOriginsAccepted } from './harness/log-checks';
import { quickClip } from './clip/in-tab';
import { expectObjectsFrom, expectQueueDrained, formReady, isCreate, objectsFrom, pairWithKey, queueSummary, tabUrl } from './proxy/flows';
import { FULL_GRANT, type KeyGrant } from '../sandbox/index';

// Pairing against the popup's UI contract (CONTRACTS.md), in both browsers, with the sandbox standing
// in for Anytype Desktop. Only the control channel plays the person at the Desktop end.
const sandbox = useSandbox();
const control = () => sandbox().control;

const CHALLENGES = '/v1/auth/challenges';
const API_KEYS = '/v1/auth/api_keys';

/** The code "Desktop" shows for the only pairing request. */
async function shownCode(): Promise<string> {
  const pending = await control().pendingChallenges();
  expect(pending).toHaveLength(1);
  const [challenge] = pending;
  expect(challenge?.approved).toBe(true);
  return challenge!.code;
}

/** "Connected to Anytype · N spaces": N counts the vault's spaces without chat spaces. */
async function expectConnected(popup: PopupPage): Promise<void> {
  const status = await popup.waitForText('status', 'Connected');
  const spaces = (await control().spaces()).filter((space) => !space.isChat).length;
  expect(status).toContain(`Connected to Anytype · ${spaces} ${spaces === 1 ? 'space' : 'spaces'}`);
  await popup.waitFor('button', 'Disconnect');
}

describe.each(BROWSERS)('pairing in $name', ({ name, launch }) => {
  const browser = useBrowser(launch);
  // Chromium's pictures go to the README; Firefox's are kept as run artifacts.
  const shotDir = name === 'chromium' ? DOCS_SCREENSHOTS : join(ARTIFACTS, name);
  const shot = (file: string) => {
    mkdirSync(shotDir, { recursive: true });
    return join(shotDir, file);
  };

  test('pairs with the code Desktop shows (classic build)', async () => {
    // A real article behind the popup, as when the toolbar button is clicked on a page.
    const tabId = await browser().openPage();
    const popup = await browser().openPopup(`tabId=${tabId}`);
    await popup.waitFor('button', 'Connect');
    await popup.screenshot(shot('popup-connect.png'));

    await popup.clickButton('Connect');
    await popup.waitFor('textbox', 'Pairing code');
    await popup.screenshot(shot('popup-code.png'));
    await popup.fill('textbox', 'Pairing code', await shownCode()); // the 4th digit sends the code
    await expectConnected(popup);
    // For the picture: the clip form has read the article behind the popup.
    await waitUntil('the clip form to show the page title', async () =>
      (await popup.valueOf('textbox', 'Title')) === '' ? undefined : true,
    ).catch(() => undefined);
    await popup.screenshot(shot('popup-connected.png'));

    const log = await control().log();
    expect(count(log, 'POST', CHALLENGES)).toBe(1);
    expect(log.filter((e) => e.path === API_KEYS).map((e) => e.status)).toEqual([201]);
    expectAuthorisedWith(log, bearerKey(log));
    expectOriginsAccepted(log);
  });

  test('pairs with a strict build: approve in Desktop, loopback Origin on every write', async () => {
    await control().setMode('strict');
    const popup = await browser().openPopup();
    await popup.clickButton('Connect');
    // The challenge request waits until the person approves it in Desktop.
    await control().approve();
    await popup.waitFor('textbox', 'Pairing code');
    await popup.fill('textbox', 'Pairing code', await shownCode()); // the 4th digit sends the code
    await expectConnected(popup);

    const log = await control().log();
    expect(count(log, 'POST', CHALLENGES)).toBe(1);
    expectOriginsAccepted(log);
    expectAuthorisedWith(log, bearerKey(log));
  });

  test('a wrong code shows the alert, then the right code connects', async () => {
    const popup = await browser().openPopup();
    await popup.clickButton('Connect');
    await popup.waitFor('textbox', 'Pairing code');
    const code = await shownCode();
    const wrong = String((Number(code) + 1) % 10_000).padStart(4, '0');

    await popup.fill('textbox', 'Pairing code', wrong); // the 4th digit sends the code
    expect(await popup.waitForText('alert', userMessage('pairing_failed'))).toBe(userMessage('pairing_failed'));
    expect(await popup.count('textbox', 'Pairing code')).toBe(1);

    await popup.fill('textbox', 'Pairing code', code); // the 4th digit sends the code
    await expectConnected(popup);
    expect(await popup.count('alert')).toBe(0);

    const log = await control().log();
    expect(count(log, 'POST', CHALLENGES)).toBe(1);
    expect(log.filter((e) => e.path === API_KEYS).map((e) => e.status)).toEqual([500, 201]);
  });

  test('closing the popup between Connect and Pair keeps the same pairing request', async () => {
    const first = await browser().openPopup();
    await first.clickButton('Connect');
    await first.waitFor('textbox', 'Pairing code');
    // The person switches to Desktop to read the code: the popup closes.
    await first.close();

    const second = await browser().openPopup();
    await second.waitFor('textbox', 'Pairing code');
    expect(await second.count('button', 'Connect')).toBe(0);
    await second.fill('textbox', 'Pairing code', await shownCode()); // the 4th digit sends the code
    await expectConnected(second);

    const log = await control().log();
    expect(count(log, 'POST', CHALLENGES)).toBe(1);
  });

  test('a pasted API key connects, and every call carries it', async () => {
    const key = await control().issueKey();
    const popup = await browser().openPopup();
    await popup.clickButton('Use an API key');
    await popup.fill('textbox', 'API key', key);
    await popup.screenshot(shot('popup-api-key.png'));
    await popup.clickButton('Save key');
    await expectConnected(popup);

    const log = await control().log();
    expect(log.filter((e) => e.path.startsWith('/v1/auth/'))).toEqual([]);
    expectAuthorisedWith(log, key);
  });

  test('Disconnect returns to the Connect state, also after reopening', async () => {
    const key = await control().issueKey();
    const popup = await browser().openPopup();
    await popup.clickButton('Use an API key');
    await popup.fill('textbox', 'API key', key);
    await popup.clickButton('Save key');
    await expectConnected(popup);

    await popup.clickButton('Disconnect');
    await popup.waitFor('button', 'Connect');
    expect(await popup.count('button', 'Disconnect')).toBe(0);
    await popup.close();
    await control().clearLog();

    const reopened = await browser().openPopup();
    await reopened.waitFor('button', 'Connect');
    expect(await reopened.count('status')).toBe(0);
    // The forgotten key is not used again.
    expect(authorisedRequests(await control().log())).toEqual([]);
  });

  test('a popup opened after Disconnect in Settings offers Connect, not the form the last popup drew', async () => {
    const tabId = await browser().openPage();
    const popup = await browser().openPopup(`tabId=${tabId}`);
    await popup.clickButton('Use an API key');
    await popup.fill('textbox', 'API key', await control().issueKey());
    await popup.clickButton('Save key');
    await expectConnected(popup);
    await popup.waitFor('button', 'Save to Anytype');
    // What the next popup would draw from at once (lib/popup/snapshot.ts).
    const snapshot = () => popup.evaluate(() => localStorage.getItem('popup:snapshot:v1'));
    await waitUntil('the popup to keep what it drew', async () => ((await snapshot())?.includes('"lists"') ? true : undefined));

    await navigateWithin(popup, 'options.html');
    await popup.clickButton('Disconnect');
    await waitUntil('Settings to forget the snapshot', async () => ((await snapshot()) === null ? true : undefined));
    await popup.close();

    const reopened = await browser().openPopup(`tabId=${tabId}`);
    await reopened.waitFor('button', 'Connect');
    expect(await reopened.count('button', 'Save to Anytype')).toBe(0);
  });
});

// Builds of 2026 (sandbox mode `current`): approve in Desktop first, choose spaces and permission,
// then the code; scoped and expiring keys. The control channel plays the person at the Desktop end.
const ONE_SPACE_READ = async (): Promise<KeyGrant> => ({
  all_spaces: false,
  space_ids: [(await control().spaces()).find((s) => !s.isChat)!.id],
  permission: 'read',
});

describe.each(BROWSERS)('pairing with a 2026 build in $name', ({ launch }) => {
  const browser = useBrowser(launch);

  /** Connect, the person approves with `grant` in "Desktop", types the code it shows, Pair. */
  async function pairInPopup(popup: PopupPage, grant: KeyGrant): Promise<void> {
    await popup.clickButton('Connect');
    await popup.waitForText('status', 'Approve the request in Anytype');
    await control().approve(undefined, grant);
    await popup.fill('textbox', 'Pairing code', await shownCode()); // the 4th digit sends the code
  }

  async function clipPage(): Promise<{ popup: PopupPage; tabId: number; sourceUrl: string }> {
    const tabId = await browser().openPage();
    const sourceUrl = await tabUrl(browser(), tabId);
    const popup = await browser().openPopup(`tabId=${tabId}`);
    return { popup, tabId, sourceUrl };
  }

  const creates = async () => (await control().log()).filter(isCreate).length;

  test('all spaces, read & write: approve, code, connected; a clip arrives', async () => {
    await control().setMode('current');
    const { popup, sourceUrl } = await clipPage();
    await pairInPopup(popup, FULL_GRANT);
    await expectConnected(popup);
    await waitUntil('the popup to say what the key holds', async () =>
      (await popup.evaluate(() => document.body.textContent ?? '')).includes('Key: All spaces, read & write') ? true : undefined,
    );
    await formReady(popup);
    await popup.clickButton('Save to Anytype');
    await expectObjectsFrom(control(), sourceUrl, 1);
    const log = await control().log();
    expect(count(log, 'POST', CHALLENGES)).toBe(1);
    expect(bearerKey(log)).toMatch(/^anytype_[A-Za-z0-9]{40,60}_[0-9a-f]{8}$/);
  });

  test('one space read-only: refused with the scoped message; re-paired fully, the waiting clip arrives once', async () => {
    await control().setMode('current');
    const key = await control().issueKey();
    const { popup, tabId, sourceUrl } = await clipPage();
    await pairWithKey(popup, key);
    await formReady(popup);
    // Desktop narrows the key: the clip waits instead of looping against the refusal.
    await control().setKeyGrant(key, await ONE_SPACE_READ());
    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Queued:');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await creates()).toBe(1);
    expect((await queueSummary(popup)).paused).toBe(true);
    await popup.close();

    const reopened = await browser().openPopup(`tabId=${tabId}`);
    expect(await reopened.waitForText('alert', 'only reach some spaces')).toBe(userMessage('scoped_key'));
    await reopened.clickButton('Disconnect');
    await control().clearLog();
    // The person picks one space, read only, while approving: the key is not kept.
    await pairInPopup(reopened, await ONE_SPACE_READ());
    expect(await reopened.waitForText('alert', 'only reach some spaces')).toBe(userMessage('scoped_key'));
    await reopened.waitFor('button', 'Connect');
    expect(authorisedRequests(await control().log())).toEqual([]);
    expect(await objectsFrom(control(), sourceUrl)).toEqual([]);

    await pairInPopup(reopened, FULL_GRANT);
    await expectConnected(reopened);
    await expectObjectsFrom(control(), sourceUrl, 1);
    await expectQueueDrained(reopened);
  });

  test('denied in Desktop: the restart message; Connect then sends no challenge', async () => {
    await control().setMode('current');
    const popup = await browser().openPopup();
    await popup.clickButton('Connect');
    await popup.waitForText('status', 'Approve the request in Anytype');
    await control().deny();
    await popup.fill('textbox', 'Pairing code', '1234'); // the 4th digit sends the code
    expect(await popup.waitForText('alert', 'denied')).toBe(userMessage('pairing_denied'));
    await popup.clickButton('Connect');
    expect(await popup.waitForText('alert', 'denied')).toBe(userMessage('pairing_denied'));
    await popup.close();
    const reopened = await browser().openPopup();
    await reopened.clickButton('Connect');
    expect(await reopened.waitForText('alert', 'denied')).toBe(userMessage('pairing_denied'));
    const log = await control().log();
    expect(count(log, 'POST', CHALLENGES)).toBe(1);
    expect((await control().pendingChallenges()).length).toBe(0);
    // After a restart of "Desktop" the person says so, and pairing works again.
    await control().reset();
    await reopened.clickButton('Anytype has restarted: Connect');
    await control().approve(undefined, FULL_GRANT);
    await reopened.fill('textbox', 'Pairing code', await shownCode()); // the 4th digit sends the code
    await expectConnected(reopened);
  });

  test('the approval lapses: Connect again, and then it pairs', async () => {
    await control().setMode('current');
    await control().setPairingTimeouts({ promptTimeoutMs: 1_500 });
    const popup = await browser().openPopup();
    await popup.clickButton('Connect');
    await popup.waitForText('status', 'Approve the request in Anytype');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await popup.fill('textbox', 'Pairing code', '1234'); // the 4th digit sends the code
    expect(await popup.waitForText('alert', 'not approved in time')).toBe(userMessage('pairing_lapsed'));
    await pairInPopup(popup, FULL_GRANT);
    await expectConnected(popup);
    expect(count(await control().log(), 'POST', CHALLENGES)).toBe(2);
  });

  test('the key expires between two clips: the second waits, the popup says pair again, then it arrives', async () => {
    await control().setMode('current');
    const { popup, tabId, sourceUrl } = await clipPage();
    await pairInPopup(popup, FULL_GRANT);
    await expectConnected(popup);
    await formReady(popup);
    await popup.clickButton('Save to Anytype');
    await expectObjectsFrom(control(), sourceUrl, 1);
    // The key expires; the second clip (a quick clip of the same page: the popup's Save of the same
    // form would answer with the first clip, by design) waits in the queue.
    await control().expireKey(bearerKey(await control().log()));
    await popup.close();
    await quickClip(browser(), tabId, 'article');

    const third = await browser().openPopup(`tabId=${tabId}`);
    await waitUntil('the second clip waits', async () => ((await queueSummary(third)).pending === 1 ? true : undefined));
    expect(await objectsFrom(control(), sourceUrl)).toHaveLength(1);
    // The popup's own words for an expired key (lib/popup/connection-view.ts) say to pair again.
    expect(await third.waitForText('alert', 'expired')).toMatch(/expired.*pair again/i);
    await third.clickButton('Connect');
    await third.waitForText('status', 'Approve the request in Anytype');
    await control().approve(undefined, FULL_GRANT);
    await third.fill('textbox', 'Pairing code', await shownCode()); // the 4th digit sends the code
    await expectConnected(third);
    await expectObjectsFrom(control(), sourceUrl, 2);
    await expectQueueDrained(third);
  });

  test('a pasted scoped key is refused before it is saved', async () => {
    await control().setMode('current');
    const key = await control().issueKey('pasted', { grant: await ONE_SPACE_READ() });
    const popup = await browser().openPopup();
    await popup.clickButton('Use an API key');
    await popup.fill('textbox', 'API key', key);
    await popup.clickButton('Save key');
    expect(await popup.waitForText('alert', 'only reach some spaces')).toBe(userMessage('scoped_key'));
    await popup.close();
    const reopened = await browser().openPopup();
    await reopened.waitFor('button', 'Connect');
    expect(await reopened.count('button', 'Disconnect')).toBe(0);
    expect(authorisedRequests(await control().log())).toHaveLength(1);
  });
});
