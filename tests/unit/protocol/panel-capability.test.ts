// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../lib/background/handlers';
import { createPanelGrants, PANEL_GRANT_MAX_AGE_MS } from '../../../lib/background/panel-grants';
import { createPanelInjector, type InjectedPanel, PANEL_FILE } from '../../../lib/background/panel-injector';
import { createBackgroundClient } from '../../../lib/protocol/client';
import { INJECTED } from '../../../lib/protocol/injected-globals';
import { createRouter, type Handlers } from '../../../lib/protocol/router';
import {
  contentScript,
  grantsWithPanel,
  memorySession,
  OTHER_SPACE,
  OTHER_TAB,
  PANEL_SPACE,
  PANEL_TAB,
  POPUP,
  SELF,
} from './boundary-fixtures';

function spyHandlers() {
  const amend = vi.fn(async () => ({ tagNames: ['later'] }));
  const collections = vi.fn(async (_input: unknown, _sender: unknown) => [{ id: 'c1', name: 'Reading list' }]);
  return { handlers: { 'clip.amend': amend, 'collections.list': collections } as unknown as Handlers, amend, collections };
}

describe('the panel capability', () => {
  it('makes a content script the panel of its tab; without it a content script may send nothing', async () => {
    const { grants, capability } = await grantsWithPanel();
    const { handlers, amend } = spyHandlers();
    const router = createRouter({ self: SELF, handlers, admitPanel: grants.admit });
    const amendFrom = (cap?: string, tab = PANEL_TAB) =>
      router({ type: 'clip.amend', payload: { tagNames: ['later'] }, ...(cap ? { capability: cap } : {}) }, contentScript(tab));

    expect(await amendFrom(capability)).toEqual({ ok: true, data: { tagNames: ['later'] } });
    expect(amend).toHaveBeenCalledWith(
      { tagNames: ['later'] },
      { class: 'panel', url: 'https://example.com/article', tabId: PANEL_TAB, spaceId: PANEL_SPACE },
    );
    amend.mockClear();
    for (const attempt of [amendFrom(), amendFrom('capability-0-guess'), amendFrom(capability, OTHER_TAB), amendFrom('')]) {
      expect(await attempt).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(amend).not.toHaveBeenCalled();
  });

  it('an amend that changes nothing is refused before the handler (it would read the key for nothing)', async () => {
    const { grants, capability } = await grantsWithPanel();
    const { handlers, amend } = spyHandlers();
    const router = createRouter({ self: SELF, handlers, admitPanel: grants.admit });
    for (const payload of [{}, { tagNames: [] }, []]) {
      expect(await router({ type: 'clip.amend', payload, capability }, contentScript()), JSON.stringify(payload)).toMatchObject({
        code: 'invalid_message',
      });
    }
    expect(amend).not.toHaveBeenCalled();
    expect(await router({ type: 'clip.amend', payload: { collectionId: 'bafyreicollection' }, capability }, contentScript())).toMatchObject({
      ok: true,
    });
  });

  it('without a grant store the router refuses every content script', async () => {
    const { capability } = await grantsWithPanel();
    const { handlers, amend } = spyHandlers();
    const router = createRouter({ self: SELF, handlers });
    const answer = await router({ type: 'clip.amend', payload: {}, capability }, contentScript());
    expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
    expect(amend).not.toHaveBeenCalled();
  });

  it('a grant store that fails refuses rather than throws', async () => {
    const { handlers } = spyHandlers();
    const router = createRouter({ self: SELF, handlers, admitPanel: async () => Promise.reject(new Error('storage gone')) });
    expect(await router({ type: 'clip.amend', payload: {}, capability: 'x' }, contentScript())).toMatchObject({
      code: 'forbidden',
    });
  });

  it('is not needed by our own pages, and a page presenting one stays a page', async () => {
    const { grants, capability } = await grantsWithPanel();
    const { handlers, collections } = spyHandlers();
    const router = createRouter({ self: SELF, handlers, admitPanel: grants.admit });
    expect(await router({ type: 'collections.list', payload: { spaceId: OTHER_SPACE } }, POPUP)).toMatchObject({ ok: true });
    expect(await router({ type: 'clip.amend', payload: {}, capability }, POPUP)).toMatchObject({ code: 'forbidden' });
    expect(collections.mock.calls[0]?.[1]).toMatchObject({ class: 'extension_page' });
  });

  it('is replaced by the next panel of the same tab, and runs out with the clip it amends', async () => {
    let clock = 1_000;
    const grants = createPanelGrants(memorySession(), { now: () => clock });
    const first = await grants.issue(PANEL_TAB, PANEL_SPACE);
    expect(await grants.admit(PANEL_TAB, first)).toEqual({ spaceId: PANEL_SPACE });
    const second = await grants.issue(PANEL_TAB, OTHER_SPACE);
    expect(second).not.toBe(first);
    // A panel left over in a page restored from the back/forward cache no longer speaks for the tab.
    expect(await grants.admit(PANEL_TAB, first)).toBeUndefined();
    expect(await grants.admit(PANEL_TAB, second)).toEqual({ spaceId: OTHER_SPACE });
    expect(await grants.admit(OTHER_TAB, second)).toBeUndefined();
    clock += PANEL_GRANT_MAX_AGE_MS;
    expect(await grants.admit(PANEL_TAB, second)).toEqual({ spaceId: OTHER_SPACE });
    clock += 1;
    expect(await grants.admit(PANEL_TAB, second)).toBeUndefined();
  });

  it('is random by default and unguessable in length', async () => {
    const grants = createPanelGrants(memorySession());
    const a = await grants.issue(1, PANEL_SPACE);
    const b = await grants.issue(2, PANEL_SPACE);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reaches the panel through executeScript, issued for the tab and space the panel shows', async () => {
    const grants = createPanelGrants(memorySession());
    const injections: { target: { tabId: number }; files?: string[]; func?: (...a: never[]) => unknown; args?: unknown[] }[] = [];
    const executeScript = async (injection: (typeof injections)[number]) => {
      injections.push(injection);
      return [];
    };
    const show = createPanelInjector({ executeScript }, grants);
    await show(PANEL_TAB, { heading: 'Saved', spaceId: PANEL_SPACE, openUrl: 'anytype://x', tagNames: [] });
    expect(injections.map((i) => i.target.tabId)).toEqual([PANEL_TAB, PANEL_TAB]);
    expect(injections[1]?.files).toEqual([PANEL_FILE]);
    const [name, value] = (injections[0]?.args ?? []) as [string, InjectedPanel];
    expect(name).toBe(INJECTED.panelInit);
    expect(value.spaceId).toBe(PANEL_SPACE);
    expect(await grants.admit(PANEL_TAB, value.capability)).toEqual({ spaceId: PANEL_SPACE });
    // The setter puts it in the injected world's global, where the panel takes it from.
    const scope: Record<string, unknown> = {};
    const setter = injections[0]?.func as unknown as (this: unknown, n: string, v: unknown) => void;
    const original = globalThis as Record<string, unknown>;
    setter.call(scope, name, value);
    expect(original[INJECTED.panelInit]).toEqual(value);
    delete original[INJECTED.panelInit];
  });

  it('is sent with every message of the panel’s client, and not by a client without one', async () => {
    const sent: unknown[] = [];
    const send = async (message: unknown) => {
      sent.push(message);
      return { ok: true, data: [] };
    };
    await createBackgroundClient(send, 'cap-1').call('collections.list', { spaceId: PANEL_SPACE });
    await createBackgroundClient(send).call('collections.list', { spaceId: PANEL_SPACE });
    expect(sent).toEqual([
      { type: 'collections.list', payload: { spaceId: PANEL_SPACE }, capability: 'cap-1' },
      { type: 'collections.list', payload: { spaceId: PANEL_SPACE } },
    ]);
  });
});

describe('what the panel may do with it', () => {
  function realHandlers() {
    const inSpace = vi.fn(async () => ({ data: [{ id: 'c1', name: 'Reading list' }] }));
    const amend = vi.fn(async () => ({ tagNames: [] as string[] }));
    const services = {
      connections: { client: async () => ({ search: { inSpace } }) },
      amend,
      options: {},
    } as unknown as Parameters<typeof createHandlers>[0];
    return { handlers: createHandlers(services), inSpace, amend };
  }
  const panel = { class: 'panel' as const, url: 'https://example.com/a', tabId: PANEL_TAB, spaceId: PANEL_SPACE };

  it('lists the collections of its own clip’s space, and of no other', async () => {
    const { handlers, inSpace } = realHandlers();
    expect(await handlers['collections.list']({ spaceId: PANEL_SPACE }, panel)).toEqual([{ id: 'c1', name: 'Reading list' }]);
    await expect(handlers['collections.list']({ spaceId: OTHER_SPACE }, panel)).rejects.toMatchObject({ code: 'forbidden' });
    expect(inSpace).toHaveBeenCalledTimes(1);
    // Our pages list any space's.
    await handlers['collections.list']({ spaceId: OTHER_SPACE }, { class: 'extension_page', url: 'x' });
    expect(inSpace).toHaveBeenCalledTimes(2);
  });

  it('amends the clip of its own tab (the browser’s tab id), and a page may not amend', async () => {
    const { handlers, amend } = realHandlers();
    await handlers['clip.amend']({ tagNames: ['x'] }, panel);
    expect(amend).toHaveBeenCalledWith(PANEL_TAB, { tagNames: ['x'] });
    await expect(handlers['clip.amend']({}, { class: 'extension_page', url: 'x', tabId: OTHER_TAB })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
