import type { ExtensionGlobal } from './types';

/**
 * Runs inside the extension (Chromium's worker, or a Firefox extension page): wipes everything a
 * fresh install would not have, then reloads the extension so the background's memory goes too.
 * Self-contained on purpose: it is serialised into the browser.
 */
export async function wipeAndReload(): Promise<void> {
  const api = (globalThis as unknown as ExtensionGlobal).chrome;
  await api.storage.local.clear();
  await api.storage.session.clear();
  await api.alarms.clearAll();
  const dnr = api.declarativeNetRequest;
  const rules = await dnr.getDynamicRules();
  await dnr.updateDynamicRules({ removeRuleIds: rules.map((rule) => rule.id) });
  // The key vault's wrapping key lives in IndexedDB. Deletion waits for open connections, which
  // the reload closes, and a later open waits for the deletion.
  for (const db of await indexedDB.databases()) {
    if (db.name) indexedDB.deleteDatabase(db.name);
  }
  // Answer the caller first: the reload ends this context.
  setTimeout(() => api.runtime.reload(), 20);
}

/** Runs in an extension page: true once the background answers a message (any answer). */
export async function backgroundAnswers(): Promise<boolean> {
  const api = (globalThis as unknown as ExtensionGlobal).chrome;
  try {
    const answer: unknown = await api.runtime.sendMessage({ type: 'e2e.ping', payload: {} });
    return typeof answer === 'object' && answer !== null;
  } catch {
    return false;
  }
}
