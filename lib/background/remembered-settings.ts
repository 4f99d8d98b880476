/**
 * The connection settings as the worker last read or wrote them. Every popup open asks "is a key
 * kept for the active connection?", and a storage read there put one more trip to the browser
 * between the popup's script and its clip form. A write through this store, or any change seen in
 * storage (another writer, a reset), drops the copy; the next read asks storage again.
 */
import type { ConnectionSettings } from '../settings/connections';

export interface ConnectionSettingsStore {
  loadConnections(): Promise<ConnectionSettings>;
  saveConnections(settings: ConnectionSettings): Promise<void>;
}

export function rememberSettings<S extends ConnectionSettingsStore>(store: S): S & { forget(): void } {
  let kept: Promise<ConnectionSettings> | undefined;
  return {
    ...store,
    loadConnections() {
      const reading = kept ?? store.loadConnections();
      kept = reading;
      // A failed read is not kept; callers get copies, so nobody can change the kept one.
      reading.catch(() => {
        if (kept === reading) kept = undefined;
      });
      return reading.then((settings) => structuredClone(settings));
    },
    async saveConnections(settings) {
      kept = undefined;
      try {
        await store.saveConnections(settings);
      } finally {
        kept = undefined;
      }
    },
    forget() {
      kept = undefined;
    },
  };
}
