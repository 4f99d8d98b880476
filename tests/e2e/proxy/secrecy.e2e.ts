import { describe, expect, test } from 'vitest';
import { MESSAGE_TYPES, type MessageType } from '../../../lib/protocol/messages';
import { useProxyBrowser } from './session';
import { BROWSERS, useSandbox } from '../harness';
import { formReady, pairWithKey } from './flows';
import {
  answersToContentScript,
  pageReadableState,
  readConsole,
  recordConsole,
  type SentMessage,
  storageSeenByContentScript,
} from './page-probes';

// The API key the person pasted is used by the background only. After pairing and one clip, it
// must not be readable anywhere a web page or a content script could look.
const sandbox = useSandbox();
const control = () => sandbox().control;

/** A well-formed payload for each message, so handlers run (and answer) rather than refuse the shape. */
function sampleMessages(spaceId: string, tabId: number): SentMessage[] {
  const id = '00000000-0000-4000-8000-000000000000';
  const payloads: Partial<Record<MessageType, unknown>> = {
    'connection.saveKey': { apiKey: 'not-the-real-key-123' },
    'types.list': { spaceId },
    'tags.list': { spaceId },
    'collections.list': { spaceId },
    'templates.list': { spaceId, typeId: spaceId },
    'clip.preview': { tabId, mode: 'article' },
    'clip.existing': { spaceId, url: 'http://127.0.0.1/' },
    'clip.submit': { mode: 'article', spaceId, typeKey: 'page', title: 'From a content script' },
    'clip.amend': { tagNames: ['secrecy'] },
    'queue.retry': { clientId: id },
    'queue.discard': { clientId: id },
    'connections.remove': { id: 'nope' },
    'connections.activate': { id: 'nope' },
    'connections.check': { id: 'nope' },
    'connections.forgetKey': { connectionId: 'nope' },
    'connections.saveKey': { connectionId: 'nope', apiKey: 'not-the-real-key-123' },
    'settings.import': { file: {} },
  };
  // Every type, whether content scripts may send it or not: a refusal must not leak either.
  return [
    ...MESSAGE_TYPES.map((type) => ({ type, payload: payloads[type] ?? {} })),
    { type: 'no.such.message', payload: {} },
  ];
}

describe.each(BROWSERS)('proxy key secrecy in $name', (target) => {
  const { name } = target;
  const browser = useProxyBrowser(target);

  test('after pairing, the key is in no page-readable storage, answer, DOM or console output', async () => {
    const session = browser();
    const tabId = await session.openPage();
    // Recorders first, so everything logged from pairing on is kept.
    await recordConsole(session, tabId, 'MAIN');
    await recordConsole(session, tabId, 'ISOLATED');
    const key = await control().issueKey();
    const popup = await session.openPopup(`tabId=${tabId}`);
    await popup.evaluate(() => {
      const scope = globalThis as unknown as { __consoleRecord?: string[] };
      const record: string[] = [];
      scope.__consoleRecord = record;
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        const original = console[level].bind(console);
        console[level] = (...args: unknown[]) => {
          record.push(args.map(String).join(' '));
          original(...args);
        };
      }
    });
    await pairWithKey(popup, key);
    await formReady(popup);
    await popup.clickButton('Save to Anytype');
    await popup.waitForText('status', 'Saved');
    // The key really was in use (so "absent" below means hidden, not never stored).
    expect((await control().log()).some((e) => e.authorization === `Bearer ${key}`)).toBe(true);

    // 1. Extension storage as a content script sees it.
    const storage = await storageSeenByContentScript(session, tabId);
    expect(JSON.stringify(storage)).not.toContain(key);
    if (name === 'chromium') {
      // TRUSTED_CONTEXTS: a content script may not read local storage at all.
      expect(storage.local).toMatch(/^rejected: /);
    } else {
      // Firefox has no access level: the vault's ciphertext is visible, the key is not.
      expect(storage.local).toMatch(/^returned: /);
    }

    // 2. The background's answer to every message a content script could send.
    const spaceId = (await control().spaces()).find((s) => !s.isChat)!.id;
    const answers = await answersToContentScript(session, tabId, sampleMessages(spaceId, tabId));
    expect(answers).toHaveLength(MESSAGE_TYPES.length + 1);
    for (const { type, answer } of answers) expect(answer, type).not.toContain(key);
    // A content script without the panel's capability (lib/background/panel-grants.ts) is refused
    // every message, in the browser as in the unit tests, before any handler runs.
    for (const { type, answer } of answers) expect(answer, type).toContain('"code":"forbidden"');

    // 3. The page's own DOM, window and web storage.
    const pageState = await pageReadableState(session, tabId);
    expect(pageState.length).toBeGreaterThan(0);
    expect(pageState).not.toContain(key);

    // 4. Console output of the page (both worlds) and of the popup.
    const logged = [
      ...(await readConsole(session, tabId, 'MAIN')),
      ...(await readConsole(session, tabId, 'ISOLATED')),
      ...(await popup.evaluate(() => (globalThis as unknown as { __consoleRecord?: string[] }).__consoleRecord ?? [])),
    ];
    expect(logged.filter((line) => line.includes(key))).toEqual([]);
    expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toContain(key);
  });
});
