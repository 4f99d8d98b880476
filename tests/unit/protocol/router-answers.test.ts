// @vitest-environment node
/**
 * The router's exact answers and log lines for each way a message is refused or fails: the person
 * reads the message, the maintainer reads the log, so both are part of the contract.
 */
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { type Handlers, ProtocolFailure, createRouter } from '../../../lib/protocol/router';
import type { MessageDefinition } from '../../../lib/protocol/messages';
import type { PanelGrant } from '../../../lib/protocol/senders';
import { contentScript, PANEL_SPACE, PANEL_TAB, POPUP, SELF } from './boundary-fixtures';

const messages = {
  'demo.read': { input: v.strictObject({ id: v.string() }), output: v.object({ name: v.string() }), senders: ['extension_page'] },
  'demo.panel': { input: v.object({}), output: v.object({ name: v.string() }), senders: ['extension_page', 'panel'] },
} as const satisfies Record<string, MessageDefinition>;

type Demo = typeof messages;

function setup(
  handlers: Partial<Handlers<Demo>> = {},
  extra: { admitPanel?: (tabId: number, capability: string) => Promise<PanelGrant | undefined>; redact?: (text: string) => string } = {},
) {
  const logs: string[] = [];
  const all = {
    'demo.read': vi.fn(async () => ({ name: 'read' })),
    'demo.panel': vi.fn(async () => ({ name: 'panel' })),
    ...handlers,
  } as unknown as Handlers<Demo>;
  const router = createRouter({ self: SELF, handlers: all, messages, log: (line) => logs.push(line), ...extra });
  return { router, logs, handlers: all };
}

const GRANT: PanelGrant = { spaceId: PANEL_SPACE };

describe('the router’s answers', () => {
  it('refuses a sender it cannot place, says so, and logs why', async () => {
    const { router, logs, handlers } = setup({}, { admitPanel: async () => GRANT });
    const answer = await router({ type: 'demo.panel', payload: {}, capability: 'cap' }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' });
    expect(answer).toEqual({ ok: false, code: 'forbidden', message: 'This sender may not talk to Clip to Anytype.' });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^refused message: \S/);
    expect(logs[0]).not.toContain('panel capability');
    expect(handlers['demo.panel']).not.toHaveBeenCalled();
  });

  it('refuses a malformed envelope with its own message: a payload must be a plain object', async () => {
    const { router, handlers } = setup();
    for (const payload of [[], null, 'id', 7, true]) {
      expect(await router({ type: 'demo.panel', payload }, POPUP), String(payload)).toEqual({
        ok: false,
        code: 'invalid_message',
        message: 'The message is not in the expected form.',
      });
    }
    expect(handlers['demo.panel']).not.toHaveBeenCalled();
  });

  it('refuses a content script without the capability, and never asks the grants about it', async () => {
    const admitPanel = vi.fn(async () => GRANT);
    const { router, logs, handlers } = setup({}, { admitPanel });
    expect(await router({ type: 'demo.panel', payload: {} }, contentScript())).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'This sender may not talk to Clip to Anytype.',
    });
    expect(admitPanel).not.toHaveBeenCalled();
    expect(handlers['demo.panel']).not.toHaveBeenCalled();
    expect(logs).toEqual(['refused message: a content script without the panel capability']);
  });

  it('admits a content script whose capability the grants accept, as the panel of its tab', async () => {
    const admitPanel = vi.fn(async () => GRANT);
    const { router, handlers } = setup({}, { admitPanel });
    expect(await router({ type: 'demo.panel', payload: {}, capability: 'cap' }, contentScript())).toEqual({
      ok: true,
      data: { name: 'panel' },
    });
    expect(admitPanel).toHaveBeenCalledWith(PANEL_TAB, 'cap');
    expect(handlers['demo.panel']).toHaveBeenCalledWith(
      {},
      { class: 'panel', url: 'https://example.com/article', tabId: PANEL_TAB, spaceId: PANEL_SPACE },
    );
  });

  it('refuses a content script whose capability the grants refuse or fail on', async () => {
    for (const admitPanel of [async () => undefined, async () => Promise.reject(new Error('storage gone'))]) {
      const { router, handlers } = setup({}, { admitPanel });
      expect(await router({ type: 'demo.panel', payload: {}, capability: 'cap' }, contentScript())).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect(handlers['demo.panel']).not.toHaveBeenCalled();
    }
  });

  it('refuses a content script with a capability when there are no grants at all', async () => {
    const { router, handlers } = setup();
    expect(await router({ type: 'demo.panel', payload: {}, capability: 'cap' }, contentScript())).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(handlers['demo.panel']).not.toHaveBeenCalled();
  });

  it('names an unknown request', async () => {
    const { router } = setup();
    expect(await router({ type: 'demo.other' }, POPUP)).toEqual({
      ok: false,
      code: 'unknown_message',
      message: 'Clip to Anytype does not know this request.',
    });
  });

  it('refuses a request the sender may not make, and logs the type and the sender class', async () => {
    const { router, logs, handlers } = setup({}, { admitPanel: async () => GRANT });
    expect(await router({ type: 'demo.read', payload: { id: 'x' }, capability: 'cap' }, contentScript())).toEqual({
      ok: false,
      code: 'forbidden',
      message: 'This part of the page may not make that request.',
    });
    expect(logs).toEqual(['refused demo.read from panel']);
    expect(handlers['demo.read']).not.toHaveBeenCalled();
  });

  it('names the request whose payload is not in its form', async () => {
    const { router, handlers } = setup();
    expect(await router({ type: 'demo.read', payload: { id: 1 } }, POPUP)).toEqual({
      ok: false,
      code: 'invalid_message',
      message: 'The demo.read request is not in the expected form.',
    });
    expect(handlers['demo.read']).not.toHaveBeenCalled();
  });

  it('treats an absent payload as an empty one', async () => {
    const { router } = setup();
    expect(await router({ type: 'demo.panel' }, POPUP)).toEqual({ ok: true, data: { name: 'panel' } });
  });

  it('never answers what the handler returned outside the answer schema', async () => {
    const { router, logs } = setup({ 'demo.read': async () => ({ name: 42 }) as never });
    expect(await router({ type: 'demo.read', payload: { id: 'x' } }, POPUP)).toEqual({
      ok: false,
      code: 'internal',
      message: 'Clip to Anytype hit an internal error.',
    });
    expect(logs).toEqual(['handler demo.read answered outside its schema']);
  });

  it('answers an unexpected failure as internal and logs its redacted text', async () => {
    const { router, logs } = setup(
      {
        'demo.read': async () => {
          throw new Error('disk said sk-secret');
        },
        'demo.panel': async () => {
          throw 'a thrown string';
        },
      },
      { redact: (text) => text.replace('sk-secret', '[redacted]') },
    );
    expect(await router({ type: 'demo.read', payload: { id: 'x' } }, POPUP)).toEqual({
      ok: false,
      code: 'internal',
      message: 'Clip to Anytype hit an internal error.',
    });
    expect(await router({ type: 'demo.panel' }, POPUP)).toMatchObject({ code: 'internal' });
    expect(logs).toEqual(['handler demo.read failed: disk said [redacted]', 'handler demo.panel failed: a thrown string']);
  });

  it('passes a handler’s own refusal on, unchanged when there is no redactor', async () => {
    const { router, logs } = setup({
      'demo.read': async () => {
        throw new ProtocolFailure('not_paired', 'Connect first.');
      },
    });
    expect(await router({ type: 'demo.read', payload: { id: 'x' } }, POPUP)).toEqual({
      ok: false,
      code: 'not_paired',
      message: 'Connect first.',
    });
    expect(logs).toEqual([]);
  });

  it('logs an unexpected failure as is when there is no redactor', async () => {
    const { router, logs } = setup({
      'demo.read': async () => {
        throw new Error('plain failure');
      },
    });
    await router({ type: 'demo.read', payload: { id: 'x' } }, POPUP);
    expect(logs).toEqual(['handler demo.read failed: plain failure']);
  });

  it('names its refusals ProtocolFailure', () => {
    const failure = new ProtocolFailure('busy', 'Wait.');
    expect(failure.name).toBe('ProtocolFailure');
    expect(failure.code).toBe('busy');
    expect(failure.message).toBe('Wait.');
    expect(failure).toBeInstanceOf(Error);
  });
});
