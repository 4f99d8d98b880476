// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { createHandlers } from '../../../lib/background/handlers';
import { createRedactor } from '../../../lib/protocol/redact';
import { createRouter, type Handlers, ProtocolFailure } from '../../../lib/protocol/router';
import { MESSAGE_TYPES } from '../../../lib/protocol/messages';
import { grantsWithPanel, PANEL_SPACE, PANEL_TAB, VALID_PAYLOADS } from './boundary-fixtures';

const self = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const content = { id: 'ext', url: 'https://example.com/article', tab: { id: 7 }, frameId: 0 };
const SECRET = 'sk-this-is-the-secret-api-key';

/** Every message gets a spy; those the tests read answer something valid, the rest refuse. */
function makeHandlers(): Handlers {
  const answers: Record<string, () => unknown> = {
    'connection.status': () => ({ baseUrl: 'http://127.0.0.1:31009', paired: true, spaceCount: 2 }),
    // A handler that forgot itself: the answer schema must drop the key.
    'connection.saveKey': () => ({ baseUrl: 'http://127.0.0.1:31009', paired: true, apiKey: SECRET }),
    'connection.disconnect': () => ({ baseUrl: 'http://127.0.0.1:31009', paired: false }),
    'spaces.list': () => [{ id: 'space1', name: 'Research' }],
    'types.list': () => [{ id: 't1', key: 'page', name: 'Page' }],
    'queue.summary': () => ({ pending: 0, failed: 0, paused: false }),
  };
  const handlers: Record<string, unknown> = {};
  for (const type of MESSAGE_TYPES) {
    handlers[type] = vi.fn(async () => {
      const answer = answers[type];
      if (!answer) throw new ProtocolFailure('test_refusal', 'not answered in this test');
      return answer();
    });
  }
  return handlers as unknown as Handlers;
}

describe('router', () => {
  it('answers an allowed request from the popup', async () => {
    const router = createRouter({ self, handlers: makeHandlers() });
    expect(await router({ type: 'spaces.list', payload: {} }, popup)).toEqual({
      ok: true,
      data: [{ id: 'space1', name: 'Research' }],
    });
  });

  it('refuses pairing and key operations to content scripts before the handler runs', async () => {
    const handlers = makeHandlers();
    const router = createRouter({ self, handlers });
    for (const type of ['connection.saveKey', 'connection.status', 'connection.disconnect'] as const) {
      const answer = await router({ type, payload: { apiKey: 'abcdefgh12' } }, content);
      expect(answer).toMatchObject({ ok: false, code: 'forbidden' });
      expect(handlers[type]).not.toHaveBeenCalled();
    }
  });

  it('keeps the panel-only amend away from extension pages, and the popup’s pickers away from the panel', async () => {
    const { grants, capability } = await grantsWithPanel();
    const handlers = { ...makeHandlers(), 'clip.amend': vi.fn(async () => ({ tagNames: [] })) } as unknown as Handlers;
    const router = createRouter({ self, handlers, admitPanel: grants.admit });
    const panel = content; // tab PANEL_TAB, where the grant's panel was shown
    expect(await router({ type: 'clip.amend', payload: { tagNames: ['x'] } }, popup)).toMatchObject({ code: 'forbidden' });
    expect(await router({ type: 'clip.amend', payload: { tagNames: ['x'] }, capability }, panel)).toMatchObject({ ok: true });
    expect(handlers['clip.amend']).toHaveBeenCalledWith(
      { tagNames: ['x'] },
      { class: 'panel', url: content.url, tabId: PANEL_TAB, spaceId: PANEL_SPACE },
    );
    for (const type of ['spaces.list', 'types.list', 'tags.list', 'clip.submit', 'queue.summary'] as const) {
      expect(await router({ type, payload: VALID_PAYLOADS[type], capability }, panel), type).toMatchObject({
        code: 'forbidden',
      });
      expect(handlers[type], type).not.toHaveBeenCalled();
    }
  });

  it('drops fields that are not in the answer schema', async () => {
    const router = createRouter({ self, handlers: makeHandlers() });
    const answer = await router({ type: 'connection.saveKey', payload: { apiKey: 'abcdefgh12' } }, popup);
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(answer)).not.toContain(SECRET);
  });

  it('answers unknown, malformed and hostile messages without throwing', async () => {
    const router = createRouter({ self, handlers: makeHandlers() });
    expect(await router({ type: 'fetch', payload: { url: 'http://evil' } }, popup)).toMatchObject({
      ok: false,
      code: 'unknown_message',
    });
    expect(await router({ type: '__proto__' }, popup)).toMatchObject({ ok: false, code: 'unknown_message' });
    expect(await router('spaces.list', popup)).toMatchObject({ ok: false, code: 'invalid_message' });
    expect(await router({ type: 'types.list', payload: { spaceId: '../../auth' } }, popup)).toMatchObject({
      ok: false,
      code: 'invalid_message',
    });
    expect(await router({ type: 'spaces.list', extra: 1 }, popup)).toMatchObject({ ok: false });
    // valibot's objects take arrays: the envelope does not, so `[]` never passes as `{}`.
    expect(await router({ type: 'spaces.list', payload: [] }, popup)).toMatchObject({ ok: false, code: 'invalid_message' });
    expect(await router({ type: 'spaces.list', payload: null }, popup)).toMatchObject({ ok: false, code: 'invalid_message' });
  });

  it('maps client errors to their kind and message, and redacts secrets from unexpected ones', async () => {
    const overrides: Record<string, () => Promise<never>> = {};
    overrides['spaces.list'] = async () => {
      throw new AnytypeError('offline');
    };
    overrides['types.list'] = async () => {
      throw new Error(`boom Bearer ${SECRET}`);
    };
    overrides['queue.summary'] = async () => {
      throw new ProtocolFailure('not_paired', 'Connect first.');
    };
    const handlers = { ...makeHandlers(), ...overrides } as Handlers;
    const logs: string[] = [];
    const router = createRouter({
      self,
      handlers,
      redact: createRedactor(() => [SECRET]),
      log: (line) => logs.push(line),
    });
    expect(await router({ type: 'spaces.list' }, popup)).toMatchObject({
      ok: false,
      code: 'offline',
      message: expect.stringContaining('Start Anytype'),
    });
    const internal = await router({ type: 'types.list', payload: { spaceId: 'space1' } }, popup);
    expect(internal).toMatchObject({ ok: false, code: 'internal' });
    expect(JSON.stringify(internal) + logs.join('\n')).not.toContain(SECRET);
    expect(await router({ type: 'queue.summary' }, popup)).toMatchObject({ ok: false, code: 'not_paired' });
  });
});

describe('handlers', () => {
  it('hide chat spaces from the picker', async () => {
    const client = {
      spaces: {
        list: async () => [
          { id: 'a', name: 'Work', isChat: false },
          { id: 'b', name: 'Team chat', isChat: true },
        ],
      },
    };
    const services = { connections: { client: async () => client } } as unknown as Parameters<typeof createHandlers>[0];
    const handlers = createHandlers(services);
    expect(await handlers['spaces.list']({}, { class: 'extension_page', url: 'x' })).toEqual([
      { id: 'a', name: 'Work' },
    ]);
  });
});
