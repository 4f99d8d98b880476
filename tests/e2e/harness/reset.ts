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
  // Session storage ends with the extension's run: this marker tells a page of the old run from one
  // of the new run, in both browsers.
  await api.storage.session.set({ 'e2e:old-run': true });
  // Answer the caller first: the reload ends this context.
  setTimeout(() => api.runtime.reload(), 20);
}

/** Runs in an extension page: true once this is the new run and its background answers (any answer). */
export async function backgroundAnswers(): Promise<boolean> {
  const api = (globalThis as unknown as ExtensionGlobal).chrome;
  try {
    if ((await api.storage.session.get('e2e:old-run'))['e2e:old-run'] !== undefined) return false;
    const answer: unknown = await api.runtime.sendMessage({ type: 'e2e.ping', payload: {} });
    return typeof answer === 'object' && answer !== null;
  } catch {
    return false;
  }
}

