/**
 * Senders and payloads shared by the boundary tests (matrix, panel capability, fuzz): one valid
 * payload per message, so that a refusal in those tests is the sender's and never the payload's.
 */
import { createPanelGrants } from '../../../lib/background/panel-grants';
import type { MessageType } from '../../../lib/protocol/messages';
import type { MessageSenderLike } from '../../../lib/protocol/senders';

export const SELF = { id: 'ourextensionid', baseUrl: 'chrome-extension://ourextensionid/' };
export const POPUP: MessageSenderLike = { id: SELF.id, url: 'chrome-extension://ourextensionid/popup.html' };
export const PANEL_TAB = 7;
export const OTHER_TAB = 8;
export const PANEL_SPACE = 'bafyreipanelspace.2x3';
export const OTHER_SPACE = 'bafyreiotherspace.9q1';

/** A content script of ours in the top frame of a web page in tab `tabId`, as the browser describes it. */
export function contentScript(tabId = PANEL_TAB, url = 'https://example.com/article'): MessageSenderLike {
  return { id: SELF.id, url, tab: { id: tabId, url }, frameId: 0 };
}

const UUID = '00000000-0000-4000-8000-000000000000';

export const VALID_PAYLOADS: Record<MessageType, unknown> = {
  'connection.status': {},
  'anytype.probe': {},
  'connection.saveKey': { apiKey: 'abcdefgh12345' },
  'connection.disconnect': {},
  'spaces.list': {},
  'types.list': { spaceId: PANEL_SPACE },
  'tags.list': { spaceId: PANEL_SPACE },
  'collections.list': { spaceId: PANEL_SPACE },
  'templates.list': { spaceId: PANEL_SPACE, typeId: 'bafyreitype' },
  'clip.preview': { tabId: OTHER_TAB, mode: 'article' },
  'clip.existing': { spaceId: PANEL_SPACE, url: 'https://example.com/a' },
  'clip.submit': { tabId: OTHER_TAB, mode: 'article', spaceId: PANEL_SPACE, typeKey: 'page', title: 'x' },
  'clip.amend': { tagNames: ['later'] },
  'queue.summary': {},
  'queue.failed': {},
  'queue.retry': { clientId: UUID },
  'queue.discard': { clientId: UUID },
  'queue.list': {},
  'queue.clip': { clientId: UUID },
  'queue.undoDiscard': { clientId: UUID },
  'queue.retarget': { clientId: UUID, spaceId: PANEL_SPACE, typeKey: 'page' },
  'queue.quarantined': {},
  'queue.clearQuarantine': {},
  'queue.discardQuarantined': { index: 0, at: 1 },
  'connections.list': {},
  'connections.save': { name: 'CLI', baseUrl: 'http://127.0.0.1:31012' },
  'connections.remove': { id: 'desktop' },
  'connections.activate': { id: 'desktop' },
  'connections.check': { id: 'desktop' },
  'connections.saveKey': { connectionId: 'desktop', apiKey: 'abcdefgh12345' },
  'connections.forgetKey': { connectionId: 'desktop' },
  'settings.get': {},
  'settings.save': { defaults: { tagNames: [] }, siteRules: [] },
  'settings.setAside': {},
  'settings.dismissSetAside': {},
  'settings.export': {},
  'settings.import': { file: {} },
};

/** Session storage in memory, as panel grants and recent clips use it. */
export function memorySession() {
  const items = new Map<string, unknown>();
  return {
    items,
    async get(key: string) {
      return items.has(key) ? { [key]: structuredClone(items.get(key)) } : {};
    },
    async set(values: Record<string, unknown>) {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    async remove(key: string) {
      items.delete(key);
    },
  };
}

/** Grants with a panel shown in PANEL_TAB for PANEL_SPACE; returns its capability too. */
export async function grantsWithPanel(now: () => number = Date.now) {
  let n = 0;
  const grants = createPanelGrants(memorySession(), { now, newCapability: () => `capability-${++n}-${'x'.repeat(24)}` });
  const capability = await grants.issue(PANEL_TAB, PANEL_SPACE);
  return { grants, capability };
}
