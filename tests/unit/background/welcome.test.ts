// @vitest-environment node
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createWelcomeProbe, openWelcomeOnInstall, WELCOME_PAGE } from '../../../lib/background/welcome';

const PAGE_URL = `chrome-extension://abc/${WELCOME_PAGE.slice(1)}`;
// runtime.OnInstalledReason, in both browsers.
const REASONS = ['install', 'update', 'browser_update', 'chrome_update', 'shared_module_update'];

describe('the welcome page on install', () => {
  it('names the page WXT builds from entrypoints/welcome/', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
    const entry = /^\/([a-z-]+)\.html$/.exec(WELCOME_PAGE)?.[1];
    expect(entry && existsSync(join(root, 'entrypoints', entry, 'index.html'))).toBe(true);
  });

  it('opens once, in front, for a fresh install only: never on an update, a browser update or a reload', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...REASONS), fc.option(fc.boolean(), { nil: undefined }), async (reason, temporary) => {
        const tabs = { create: vi.fn(async () => ({ id: 1 })) };
        const opened = await openWelcomeOnInstall({ reason, temporary }, tabs, PAGE_URL);
        expect(opened).toBe(reason === 'install');
        expect(tabs.create.mock.calls).toEqual(reason === 'install' ? [[{ url: PAGE_URL, active: true }]] : []);
      }),
    );
  });

  it('gives up quietly when the browser will not open the tab', async () => {
    const tabs = { create: vi.fn(async () => Promise.reject(new Error('No current window'))) };
    expect(await openWelcomeOnInstall({ reason: 'install' }, tabs, PAGE_URL)).toBe(false);
  });
});

describe('anytype.probe in the background', () => {
  it("asks at the active connection's address, after the Origin rule is in place, and says whether a key is kept", async () => {
    const order: string[] = [];
    let ruleInPlace!: () => void;
    const ready = new Promise<void>((resolve) => {
      ruleInPlace = resolve;
    }).then(() => order.push('rule'));
    const probe = vi.fn(async (baseUrl: string) => {
      order.push(`probe ${baseUrl}`);
      return { state: 'found' as const, serverVersion: '2025-11-08' };
    });
    const answer = createWelcomeProbe({ localStatus: async () => ({ baseUrl: 'http://127.0.0.1:31012', paired: true }), probe, ready })();
    await Promise.resolve();
    expect(probe).not.toHaveBeenCalled();
    ruleInPlace();
    expect(await answer).toEqual({ state: 'found', baseUrl: 'http://127.0.0.1:31012', paired: true, serverVersion: '2025-11-08' });
    expect(order).toEqual(['rule', 'probe http://127.0.0.1:31012']);
  });

  it('still asks when the Origin rule could not be set up, and carries no version it was not given', async () => {
    const answer = await createWelcomeProbe({
      localStatus: async () => ({ baseUrl: 'http://127.0.0.1:31009', paired: false }),
      probe: async () => ({ state: 'not_running' }),
      ready: Promise.reject(new Error('dnr')),
    })();
    expect(answer).toEqual({ state: 'not_running', baseUrl: 'http://127.0.0.1:31009', paired: false });
  });
});
