// @vitest-environment node
/**
 * Who may send what, written out in full. Opening a message to another sender class (say, listing
 * spaces to the in-page panel) changes `messages.ts` and must change this table too, in review.
 */
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { MESSAGE_TYPES, type MessageType, messages } from '../../../lib/protocol/messages';
import { createRouter, type Handlers, ProtocolFailure } from '../../../lib/protocol/router';
import type { MessageSenderLike, SenderClass } from '../../../lib/protocol/senders';
import {
  contentScript,
  grantsWithPanel,
  OTHER_TAB,
  PANEL_TAB,
  POPUP,
  SELF,
  VALID_PAYLOADS,
} from './boundary-fixtures';

const PAGE: SenderClass[] = ['extension_page'];

/** The whole matrix. The panel: the collection picker and the amend of its own clip, nothing else. */
const MATRIX: Record<MessageType, SenderClass[]> = {
  'connection.status': PAGE,
  'anytype.probe': PAGE,
  'connection.saveKey': PAGE,
  'connection.disconnect': PAGE,
  'spaces.list': PAGE,
  'types.list': PAGE,
  'tags.list': PAGE,
  'collections.list': ['extension_page', 'panel'],
  'templates.list': PAGE,
  'clip.preview': PAGE,
  'clip.existing': PAGE,
  'clip.submit': PAGE,
  'clip.amend': ['panel'],
  'queue.summary': PAGE,
  'queue.failed': PAGE,
  'queue.retry': PAGE,
  'queue.discard': PAGE,
  'queue.list': PAGE,
  'queue.clip': PAGE,
  'queue.undoDiscard': PAGE,
  'queue.retarget': PAGE,
  'queue.quarantined': PAGE,
  'queue.clearQuarantine': PAGE,
  'queue.discardQuarantined': PAGE,
  'connections.list': PAGE,
  'connections.save': PAGE,
  'connections.remove': PAGE,
  'connections.activate': PAGE,
  'connections.check': PAGE,
  'connections.saveKey': PAGE,
  'connections.forgetKey': PAGE,
  'settings.get': PAGE,
  'settings.save': PAGE,
  'settings.setAside': PAGE,
  'settings.dismissSetAside': PAGE,
  'settings.export': PAGE,
  'settings.import': PAGE,
};

/** Every handler answers "reached": a refusal is then the router's, by sender, before any handler. */
function reachingHandlers() {
  const calls: { type: string; sender: unknown }[] = [];
  const handlers: Record<string, unknown> = {};
  for (const type of MESSAGE_TYPES) {
    handlers[type] = vi.fn(async (_input: unknown, sender: unknown) => {
      calls.push({ type, sender });
      throw new ProtocolFailure('reached', 'the handler ran');
    });
  }
  return { handlers: handlers as unknown as Handlers, calls };
}

describe('the sender matrix', () => {
  it('messages.ts declares exactly this table', () => {
    const declared = Object.fromEntries(MESSAGE_TYPES.map((type) => [type, [...messages[type].senders].sort()]));
    const expected = Object.fromEntries(Object.entries(MATRIX).map(([type, classes]) => [type, [...classes].sort()]));
    expect(declared).toEqual(expected);
  });

  it('the shared payloads are valid for every message (so refusals below are about senders)', () => {
    for (const type of MESSAGE_TYPES) {
      expect(v.safeParse(messages[type].input, VALID_PAYLOADS[type]).success, type).toBe(true);
    }
  });

  it('the router lets each sender reach exactly the handlers the table gives it', async () => {
    const { grants, capability } = await grantsWithPanel();
    const { handlers, calls } = reachingHandlers();
    const router = createRouter({ self: SELF, handlers, admitPanel: grants.admit });
    const kinds: [SenderClass | 'none', MessageSenderLike, string | undefined][] = [
      ['extension_page', POPUP, undefined],
      ['panel', contentScript(PANEL_TAB), capability],
      // The same world without the capability, or another tab presenting this tab's capability.
      ['none', contentScript(PANEL_TAB), undefined],
      ['none', contentScript(OTHER_TAB), capability],
    ];
    for (const type of MESSAGE_TYPES) {
      for (const [kind, sender, cap] of kinds) {
        const envelope = cap === undefined ? { type, payload: VALID_PAYLOADS[type] } : { type, payload: VALID_PAYLOADS[type], capability: cap };
        const answer = await router(envelope, sender);
        const allowed = kind !== 'none' && MATRIX[type].includes(kind);
        expect(answer, `${type} from ${kind}`).toMatchObject({ ok: false, code: allowed ? 'reached' : 'forbidden' });
      }
    }
    // Nothing reached a handler but through an allowed pair, and each handler saw the right class.
    for (const { type, sender } of calls) {
      expect(MATRIX[type as MessageType]).toContain((sender as { class: SenderClass }).class);
    }
  });

  it('no message a panel may send lets it name a tab: its tab is always the browser’s word', () => {
    for (const type of MESSAGE_TYPES) {
      if (!(messages[type].senders as readonly SenderClass[]).includes('panel')) continue;
      const withTab = { ...(VALID_PAYLOADS[type] as object), tabId: OTHER_TAB };
      expect(v.safeParse(messages[type].input, withTab).success, type).toBe(false);
    }
  });
});
