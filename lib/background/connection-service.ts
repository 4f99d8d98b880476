/**
 * The background's view of "are we connected to Anytype": which endpoint is active, whether a
 * key is kept for it, and a client made from that key. The key never leaves this module except
 * into the client's Authorization header.
 */
import { i18n } from '#i18n';
import type { AnytypeClient } from '../anytype';
import { AnytypeError, isAnytypeError } from '../anytype/errors';
import type { MessageOutput } from '../protocol/messages';
import { ProtocolFailure } from '../protocol/router';
import type { KeyVault } from '../keys/vault';
import type { ServerFeatures } from '../anytype/features';
import type { KeyGrant } from '../anytype/grants';
import { activeConnection, type Connection, type ConnectionSettings, type KeyInfo, withFeatures, withKeyInfo } from '../settings/connections';

export type ConnectionStatus = MessageOutput<'connection.status'>;

export interface ConnectionServiceDeps {
  loadSettings(): Promise<ConnectionSettings>;
  /** Keeps what is known of a key (its grant, its expiry) with its connection. */
  saveSettings?(settings: ConnectionSettings): Promise<void>;
  vault: KeyVault;
  makeClient(options: { apiKey: string; baseUrl: string }): AnytypeClient;
  /** Told whenever the stored key changes, so the queue can resume or pause. */
  onKeyChanged?(paired: boolean): void;
  /** Reads what an install offers (GET /docs/openapi.json, /v2/docs/openapi.json); never throws. */
  detectFeatures?(baseUrl: string): Promise<ServerFeatures>;
  now?(): number;
}

/** Refusals that mean this key will not work again: the connection needs pairing. */
export const NEEDS_PAIRING = new Set(['unauthorized', 'key_expired', 'scoped_key']);

export function createConnectionService(deps: ConnectionServiceDeps) {
  const now = deps.now ?? Date.now;

  async function keepKeyInfo(connectionId: string, key: KeyInfo | undefined): Promise<void> {
    if (!deps.saveSettings) return;
    const settings = await deps.loadSettings();
    const before = settings.connections.find((c) => c.id === connectionId);
    if (!before || JSON.stringify(before.key) === JSON.stringify(key)) return;
    await deps.saveSettings(withKeyInfo(settings, connectionId, key));
  }

  /**
   * Once per connection: after pairing, and again when the server's version differs from the one
   * the description was read at. Kept with the connection.
   */
  async function refreshFeatures(connection: Connection, serverVersion: string | undefined, force: boolean): Promise<ServerFeatures | undefined> {
    if (!deps.detectFeatures) return connection.features;
    const known = connection.features;
    if (!force && known && (serverVersion === undefined || known.headerVersion === serverVersion)) return known;
    const detected = await deps.detectFeatures(connection.baseUrl);
    const features = serverVersion === undefined ? detected : { ...detected, headerVersion: serverVersion };
    if (deps.saveSettings) {
      const settings = await deps.loadSettings();
      if (settings.connections.some((c) => c.id === connection.id)) await deps.saveSettings(withFeatures(settings, connection.id, features));
    }
    return features;
  }

  /** What the status says of the key: grant and expiry, when known. */
  function keyFields(connection: Connection): Pick<ConnectionStatus, 'grant' | 'expiresAt' | 'expiredAt'> {
    const key = connection.key;
    if (!key) return {};
    return {
      grant: key.grant,
      ...(key.expiresAt === undefined ? {} : { expiresAt: key.expiresAt }),
      ...(key.expiredAt === undefined ? {} : { expiredAt: key.expiredAt }),
    };
  }

  let cached: { connectionId: string; baseUrl: string; apiKey: string; client: AnytypeClient } | undefined;

  /** A named connection (options page), or the active one (popup). */
  async function pick(connectionId?: string): Promise<{ connection: Connection; active: boolean }> {
    const settings = await deps.loadSettings();
    const active = activeConnection(settings);
    if (connectionId === undefined || connectionId === active.id) return { connection: active, active: true };
    const connection = settings.connections.find((c) => c.id === connectionId);
    if (!connection) throw new ProtocolFailure('not_found', i18n.t('background.connectionGone'));
    return { connection, active: false };
  }

  async function current(): Promise<{ connection: Connection; client?: AnytypeClient }> {
    const connection = activeConnection(await deps.loadSettings());
    // The URL is compared too: an edited endpoint must not keep talking to the old port.
    if (cached?.connectionId === connection.id && cached.baseUrl === connection.baseUrl) {
      return { connection, client: cached.client };
    }
    const apiKey = await deps.vault.load(connection.id);
    if (!apiKey) return { connection };
    const client = deps.makeClient({ apiKey, baseUrl: connection.baseUrl });
    cached = { connectionId: connection.id, baseUrl: connection.baseUrl, apiKey, client };
    return { connection, client };
  }

  async function describe(connection: Connection, client: AnytypeClient | undefined): Promise<ConnectionStatus> {
    if (!client) return { baseUrl: connection.baseUrl, paired: false };
    try {
      const spaces = await client.spaces.list();
      const features = await refreshFeatures(connection, client.serverVersion, false);
      return {
        baseUrl: connection.baseUrl,
        paired: true,
        spaceCount: spaces.filter((space) => !space.isChat).length,
        serverVersion: client.serverVersion,
        ...keyFields(connection),
        ...(features ? { features } : {}),
      };
    } catch (error) {
      if (!isAnytypeError(error)) throw error;
      let known = connection;
      if (error.kind === 'key_expired' && connection.key?.expiredAt === undefined) {
        const key: KeyInfo = { grant: connection.key?.grant ?? null, ...connection.key, expiredAt: now() };
        known = { ...connection, key };
        await keepKeyInfo(connection.id, key);
      }
      return {
        baseUrl: connection.baseUrl,
        paired: true,
        problem: { kind: error.kind, message: error.message },
        ...keyFields(known),
      };
    }
  }

  return {
    async status(connectionId?: string): Promise<ConnectionStatus> {
      const picked = await pick(connectionId);
      if (picked.active) {
        const { connection, client } = await current();
        return describe(connection, client);
      }
      // Another connection is checked with a client made for this call only, never cached.
      const apiKey = await deps.vault.load(picked.connection.id);
      const client = apiKey ? deps.makeClient({ apiKey, baseUrl: picked.connection.baseUrl }) : undefined;
      return describe(picked.connection, client);
    },

    /** Paired or not, from the vault alone: lets the popup show the clip form before Anytype answers. */
    async localStatus(): Promise<ConnectionStatus> {
      const { connection, client } = await current();
      return { baseUrl: connection.baseUrl, paired: client !== undefined };
    },

    async hasKey(connectionId: string): Promise<boolean> {
      return (await deps.vault.load(connectionId)) !== undefined;
    },

    /**
     * One authenticated call proves the key before it is kept: a key that fails (refused, expired,
     * narrower than all spaces with write access) is not stored. `grant`: what pairing said it may reach.
     */
    async saveKey(apiKey: string, connectionId?: string, grant?: KeyGrant): Promise<ConnectionStatus> {
      const { connection, active } = await pick(connectionId);
      const client = deps.makeClient({ apiKey, baseUrl: connection.baseUrl });
      const spaces = await client.spaces.list();
      await deps.vault.save(connection.id, apiKey);
      const key: KeyInfo = { grant: grant ?? null };
      await keepKeyInfo(connection.id, key);
      const features = await refreshFeatures(connection, client.serverVersion, true);
      if (active) {
        cached = { connectionId: connection.id, baseUrl: connection.baseUrl, apiKey, client };
        deps.onKeyChanged?.(true);
      }
      return {
        baseUrl: connection.baseUrl,
        paired: true,
        spaceCount: spaces.filter((space) => !space.isChat).length,
        serverVersion: client.serverVersion,
        grant: key.grant,
        ...(features ? { features } : {}),
      };
    },

    async disconnect(connectionId?: string): Promise<ConnectionStatus> {
      const { connection, active } = await pick(connectionId);
      await deps.vault.forget(connection.id);
      await keepKeyInfo(connection.id, undefined);
      if (cached?.connectionId === connection.id) cached = undefined;
      if (active) deps.onKeyChanged?.(false);
      return { baseUrl: connection.baseUrl, paired: false };
    },

    /** The client for the active connection, or a refusal that tells the person to connect. */
    async client(): Promise<AnytypeClient> {
      const { client } = await current();
      if (!client) throw new ProtocolFailure('not_paired', i18n.t('background.notPaired'));
      return client;
    },

    /** Every secret this service holds, for the log redactor. */
    secrets(): string[] {
      return cached ? [cached.apiKey] : [];
    },

    /** The server said the key is no longer valid: forget the cached client, keep the stored key for inspection. */
    invalidate(error: unknown): void {
      if (error instanceof AnytypeError && NEEDS_PAIRING.has(error.kind)) cached = undefined;
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
