/**
 * Who sent a runtime message. Everything the router does depends on this answer, so it is
 * decided from what the browser vouches for (sender.id, sender.url, sender.tab, sender.frameId),
 * never from the message itself.
 */
/**
 * Who a message may come from (messages.ts lists them for each message):
 * - `extension_page`: a page of ours (popup, options), in the toolbar or in a tab;
 * - `panel`: the in-page "Saved to Anytype" panel, i.e. a content script of ours in a tab's top
 *   frame that also presents the capability the background gave to that panel's injection only
 *   (lib/background/panel-grants.ts). A content script without it is refused every message: the
 *   clipper answers through executeScript's result and needs none.
 */
export type SenderClass = 'extension_page' | 'panel';

/** The parts of `runtime.MessageSender` we rely on; both browsers fill them. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type ClassifiedSender =
  | { class: 'extension_page'; url: string; tabId?: number }
  | { class: 'content_script'; url: string; tabId: number }
  | { class: 'refused'; reason: string };

/** What a panel's capability lets it act on: the space of the clip it shows. */
export interface PanelGrant {
  spaceId: string;
}

/** A sender the router let through, as handlers see it. */
export type AllowedSender =
  | { class: 'extension_page'; url: string; tabId?: number }
  | { class: 'panel'; url: string; tabId: number; spaceId: string };

export interface ExtensionIdentity {
  /** runtime.id */
  id: string;
  /** runtime.getURL('/') — chrome-extension://<id>/ or moz-extension://<uuid>/ */
  baseUrl: string;
}

const WEB_PAGE_SCHEMES = new Set(['http:', 'https:']);

export function classifySender(sender: MessageSenderLike | undefined, self: ExtensionIdentity): ClassifiedSender {
  if (!sender) return { class: 'refused', reason: 'no sender' };
  // Another extension (or a web page via externally_connectable) carries a different id.
  if (sender.id !== self.id) return { class: 'refused', reason: 'not this extension' };
  if (!sender.url) return { class: 'refused', reason: 'no sender url' };
  if (sender.origin === 'null') return { class: 'refused', reason: 'opaque origin' };

  if (isExtensionUrl(sender.url, self.baseUrl)) {
    // A page of our own (popup, options), in the toolbar or opened in a tab.
    return { class: 'extension_page', url: sender.url, tabId: sender.tab?.id };
  }

  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return { class: 'refused', reason: 'not from a tab' };
  // Sub-frames may be third-party iframes: only the top frame speaks for the tab.
  if (sender.frameId !== 0) return { class: 'refused', reason: 'not the top frame' };
  const scheme = safeProtocol(sender.url);
  if (!scheme || !WEB_PAGE_SCHEMES.has(scheme)) return { class: 'refused', reason: 'not a web page' };
  return { class: 'content_script', url: sender.url, tabId };
}

function isExtensionUrl(url: string, extensionBaseUrl: string): boolean {
  // URL.origin is "null" for extension schemes in some runtimes, so compare the prefix; the base
  // URL ends with "/" so chrome-extension://abc cannot match chrome-extension://abcd.
  const base = extensionBaseUrl.endsWith('/') ? extensionBaseUrl : `${extensionBaseUrl}/`;
  return url.startsWith(base);
}

function safeProtocol(url: string): string | undefined {
  try {
    return new URL(url).protocol;
  } catch {
    return undefined;
  }
}
