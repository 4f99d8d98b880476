import type { StorageAreaLike } from '../keys/vault';
import { CONNECTION_SETTINGS_VERSION, type ConnectionSettings, ConnectionSettingsSchema, parseConnectionSettings } from './connections';
import * as v from 'valibot';

const CONNECTIONS_SLOT = 'settings:connections';

export function createSettingsStore(area: StorageAreaLike, desktopUrl: string) {
  return {
    async loadConnections(): Promise<ConnectionSettings> {
      return parseConnectionSettings((await area.get(CONNECTIONS_SLOT))[CONNECTIONS_SLOT], desktopUrl);
    },
    async saveConnections(settings: ConnectionSettings): Promise<void> {
      await area.set({ [CONNECTIONS_SLOT]: v.parse(ConnectionSettingsSchema, { ...settings, version: CONNECTION_SETTINGS_VERSION }) });
    },
  };
}
