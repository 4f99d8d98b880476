import type { BrowserSession, ExtensionGlobal } from '../harness';

/**
 * Code run inside a web page through chrome.scripting from the extension (the Chromium worker or
 * a Firefox extension page): in the page's own world (MAIN) or in the extension's content-script
 * world (ISOLATED), which is where a compromised or buggy content script would look. Each injected
 * function is written inline, because functions cannot travel as arguments.
 */

export type ScriptWorld = 'MAIN' | 'ISOLATED';

/** Wraps `console` in that world of the tab, so later output can be read back with readConsole. */
export function recordConsole(session: BrowserSession, tabId: number, world: ScriptWorld): Promise<void> {
  return session.evaluateInExtension(
    async ({ tabId: tab, world: w }: { tabId: number; world: ScriptWorld }) => {
      await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
        target: { tabId: tab },
        world: w,
        func: () => {
          const scope = globalThis as unknown as { __consoleRecord?: string[] };
          if (scope.__consoleRecord) return;
          const record: string[] = [];
          scope.__consoleRecord = record;
          for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
            const original = console[level].bind(console);
            console[level] = (...args: unknown[]) => {
              record.push(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
              original(...args);
            };
          }
          function safeJson(value: unknown): string {
            try {
              return JSON.stringify(value) ?? String(value);
            } catch {
              return String(value);
            }
          }
        },
      });
    },
    { tabId, world },
  );
}

export function readConsole(session: BrowserSession, tabId: number, world: ScriptWorld): Promise<string[]> {
  return session.evaluateInExtension(
    async ({ tabId: tab, world: w }: { tabId: number; world: ScriptWorld }) => {
      const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
        target: { tabId: tab },
        world: w,
        func: () => (globalThis as unknown as { __consoleRecord?: string[] }).__consoleRecord ?? ['<no recorder>'],
      });
      return (first?.result as string[] | undefined) ?? ['<no result>'];
    },
    { tabId, world },
  );
}

/** What a content script of ours sees of extension storage: JSON of each area, or how it was refused. */
export function storageSeenByContentScript(session: BrowserSession, tabId: number): Promise<Record<string, string>> {
  return session.evaluateInExtension(async (tab: number) => {
    const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
      target: { tabId: tab },
      func: async () => {
        const api = (globalThis as unknown as ExtensionGlobal).chrome;
        const seen: Record<string, string> = {};
        for (const area of ['local', 'session', 'sync'] as const) {
          try {
            const store = api.storage[area];
            seen[area] = store ? `returned: ${JSON.stringify(await store.get(null))}` : 'absent';
          } catch (error) {
            seen[area] = `rejected: ${error instanceof Error ? error.message : String(error)}`;
          }
        }
        return seen;
      },
    });
    return (first?.result as Record<string, string> | undefined) ?? { error: 'no result' };
  }, tabId);
}

export interface SentMessage {
  type: string;
  payload: unknown;
}

/** Sends each message from our content-script world in the tab; returns each answer as JSON text. */
export function answersToContentScript(
  session: BrowserSession,
  tabId: number,
  messages: SentMessage[],
): Promise<{ type: string; answer: string }[]> {
  return session.evaluateInExtension(
    async ({ tabId: tab, messages: list }: { tabId: number; messages: SentMessage[] }) => {
      const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
        target: { tabId: tab },
        args: [list],
        func: async (toSend: SentMessage[]) => {
          const api = (globalThis as unknown as ExtensionGlobal).chrome;
          const answers: { type: string; answer: string }[] = [];
          for (const message of toSend) {
            try {
              answers.push({ type: message.type, answer: JSON.stringify(await api.runtime.sendMessage(message)) ?? 'undefined' });
            } catch (error) {
              answers.push({ type: message.type, answer: `error: ${error instanceof Error ? error.message : String(error)}` });
            }
          }
          return answers;
        },
      });
      return (first?.result as { type: string; answer: string }[] | undefined) ?? [];
    },
    { tabId, messages },
  );
}

/** Everything the page itself can read: DOM, window properties (as text), web storage, cookies. */
export function pageReadableState(session: BrowserSession, tabId: number): Promise<string> {
  return session.evaluateInExtension(async (tab: number) => {
    const [first] = await (globalThis as unknown as ExtensionGlobal).chrome.scripting.executeScript({
      target: { tabId: tab },
      world: 'MAIN',
      func: () => {
        const parts: string[] = [document.documentElement.outerHTML, document.cookie];
        for (const store of [localStorage, sessionStorage]) {
          for (let i = 0; i < store.length; i += 1) {
            const name = store.key(i) ?? '';
            parts.push(`${name}=${store.getItem(name)}`);
          }
        }
        const scope = globalThis as unknown as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(globalThis)) {
          let value: unknown;
          try {
            value = scope[name];
          } catch {
            continue;
          }
          if (typeof value === 'function' || value === globalThis) continue;
          try {
            parts.push(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
          } catch {
            parts.push(`${name}=${String(value)}`);
          }
        }
        return parts.join('\n');
      },
    });
    return (first?.result as string | undefined) ?? '';
  }, tabId);
}
