/**
 * The options page's messages: the list of Anytype endpoints, each with its own key in the vault,
 * quick clip's defaults and site rules, and export/import. Every change to the connection list
 * goes through `settings.saveConnections`, whose storage change re-installs the origin rules.
 */
import { i18n } from '#i18n';
import type { MessageOutput } from '../protocol/messages';
import { ProtocolFailure, type Handlers } from '../protocol/router';
import type { ClipSettingsStore } from '../settings/clip-settings';
import type { Connection, ConnectionSettings } from '../settings/connections';
import { buildSettingsFile } from '../settings/settings-file';
import { importsAnything, readSettingsImport, refusalLines, reportOf } from '../settings/settings-import';
import type { ConnectionService } from './connection-service';

export interface OptionsServices {
  connections: Pick<ConnectionService, 'status' | 'saveKey' | 'disconnect' | 'hasKey'>;
  settings: {
    loadConnections(): Promise<ConnectionSettings>;
    saveConnections(settings: ConnectionSettings): Promise<void>;
  };
  clipSettings: ClipSettingsStore;
  /** Told when the active connection changes, so waiting clips can go to the new one. */
  onActiveChanged?(): void;
  newId?(): string;
}

type OptionsMessage =
  | 'connections.list'
  | 'connections.save'
  | 'connections.remove'
  | 'connections.activate'
  | 'connections.check'
  | 'connections.saveKey'
  | 'connections.forgetKey'
  | 'settings.get'
  | 'settings.save'
  | 'settings.setAside'
  | 'settings.dismissSetAside'
  | 'settings.export'
  | 'settings.import';

export type OptionsHandlers = Pick<Handlers, OptionsMessage>;
type ConnectionList = MessageOutput<'connections.list'>;

const MAX_CONNECTIONS = 20;

/** A readable, unique id: `anytype-cli`, `anytype-cli-2`, … (ids are storage keys, never shown). */
export function connectionIdFor(name: string, taken: ReadonlySet<string>): string {
  // Accents are dropped rather than turned into separators: "Ünïcödé" → "unicode".
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const base = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'anytype';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function createOptionsHandlers(services: OptionsServices): OptionsHandlers {
  // Services are read when a message arrives, not here: handlers are built before every part is.

  async function list(current?: ConnectionSettings): Promise<ConnectionList> {
    const stored = current ?? (await services.settings.loadConnections());
    const entries = await Promise.all(
      stored.connections.map(async (c) => ({
        id: c.id,
        name: c.name,
        baseUrl: c.baseUrl,
        active: c.id === stored.activeId,
        hasKey: await services.connections.hasKey(c.id),
      })),
    );
    return { activeId: stored.activeId, connections: entries };
  }

  async function find(id: string): Promise<{ stored: ConnectionSettings; connection: Connection }> {
    const stored = await services.settings.loadConnections();
    const connection = stored.connections.find((c) => c.id === id);
    if (!connection) throw new ProtocolFailure('not_found', i18n.t('background.connectionGone'));
    return { stored, connection };
  }

  return {
    'connections.list': () => list(),

    'connections.save': async ({ id, name, baseUrl }) => {
      const stored = await services.settings.loadConnections();
      const duplicate = stored.connections.find((c) => c.baseUrl === baseUrl && c.id !== id);
      if (duplicate) throw new ProtocolFailure('duplicate', i18n.t('background.duplicateConnection', { name: duplicate.name, url: baseUrl }));
      let next: ConnectionSettings;
      if (id === undefined) {
        if (stored.connections.length >= MAX_CONNECTIONS) {
          throw new ProtocolFailure('too_many', i18n.t('background.tooManyConnections', { max: String(MAX_CONNECTIONS) }));
        }
        const taken = new Set(stored.connections.map((c) => c.id));
        const newId = services.newId?.() ?? connectionIdFor(name, taken);
        next = { ...stored, connections: [...stored.connections, { id: newId, name, baseUrl }] };
      } else {
        const { connection } = await find(id);
        // A key belongs to one Anytype: it is never sent to whatever now listens on another port.
        const moved = connection.baseUrl !== baseUrl;
        if (moved) await services.connections.disconnect(id);
        // What is known of the key stays with it; a moved endpoint has none.
        const edited = (c: Connection): Connection => (moved || !c.key ? { id, name, baseUrl } : { id, name, baseUrl, key: c.key });
        const latest = moved ? await services.settings.loadConnections() : stored;
        next = { ...latest, connections: latest.connections.map((c) => (c.id === id ? edited(c) : c)) };
      }
      await services.settings.saveConnections(next);
      return list(next);
    },

    'connections.remove': async ({ id }) => {
      const { stored } = await find(id);
      if (stored.connections.length === 1) {
        throw new ProtocolFailure('last_connection', i18n.t('background.lastConnection'));
      }
      await services.connections.disconnect(id);
      const remaining = stored.connections.filter((c) => c.id !== id);
      const wasActive = stored.activeId === id;
      const next = { connections: remaining, activeId: wasActive ? remaining[0]!.id : stored.activeId };
      await services.settings.saveConnections(next);
      if (wasActive) services.onActiveChanged?.();
      return list(next);
    },

    'connections.activate': async ({ id }) => {
      const { stored } = await find(id);
      const next = { ...stored, activeId: id };
      await services.settings.saveConnections(next);
      if (stored.activeId !== id) services.onActiveChanged?.();
      return list(next);
    },

    'connections.check': async ({ id }) => {
      await find(id);
      return services.connections.status(id);
    },

    'connections.saveKey': async ({ connectionId, apiKey }) => {
      await find(connectionId);
      return services.connections.saveKey(apiKey, connectionId);
    },

    'connections.forgetKey': async ({ connectionId }) => {
      await find(connectionId);
      await services.connections.disconnect(connectionId);
      return list();
    },

    'settings.get': () => services.clipSettings.load(),
    'settings.save': (input) => services.clipSettings.save(input),
    'settings.setAside': async () => (await services.clipSettings.read()).setAside,
    'settings.dismissSetAside': async () => {
      await services.clipSettings.dismissSetAside();
      return [];
    },

    'settings.export': async () => buildSettingsFile(await services.settings.loadConnections(), await services.clipSettings.load()),

    'settings.import': async ({ file }) => {
      const checked = readSettingsImport(file);
      if (!checked.ok) throw new ProtocolFailure('invalid_settings', checked.error);
      const { read } = checked;
      if (!importsAnything(read)) {
        throw new ProtocolFailure('invalid_settings', [i18n.t('options.backup.nothingImported'), ...refusalLines(read.refused)].join(' '));
      }
      // A part the file could not give stays as it is stored.
      const current = await services.clipSettings.load();
      const clip = await services.clipSettings.save({ defaults: read.defaults ?? current.defaults, siteRules: read.siteRules ?? current.siteRules });
      const before = await services.settings.loadConnections();
      const imported = read.connections ?? before;
      if (read.connections) {
        // Keys stay with the connection they were made for: kept when the id and URL are unchanged,
        // forgotten when the connection is gone or now points elsewhere.
        for (const old of before.connections) {
          const same = imported.connections.find((c) => c.id === old.id);
          if (!same || same.baseUrl !== old.baseUrl) await services.connections.disconnect(old.id);
        }
        await services.settings.saveConnections(imported);
        if (before.activeId !== imported.activeId) services.onActiveChanged?.();
      }
      return { connections: await list(imported), clip, report: reportOf(read) };
    },
  };
}
