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
import { activeConnection, type Connection, type ConnectionSettings } from '../settings/connections';

export type ConnectionStatus = MessageOutput<'connection.status'>;

export interface ConnectionServiceDeps {
  loadSettings(): Promise<ConnectionSettings>;
  vault: KeyVault;
  makeClient(options: { apiKey: string; baseUrl: string }): AnytypeClient;
  /** Told whenever the stored key changes, so the queue can resume or pause. */
  onKeyChanged?(paired: boolean): void;
}

export function createConnectionService(deps: ConnectionServiceDeps) {
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
      return {
        baseUrl: connection.baseUrl,
        paired: true,
        spaceCount: spaces.filter((space) => !space.isChat).length,
        serverVersion: client.serverVersion,
      };
    } catch (error) {
      if (!isAnytypeError(error)) throw error;
      return { baseUrl: connection.baseUrl, paired: true, problem: { kind: error.kind, message: error.message } };
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

    /** One authenticated call proves the key before it is kept; a key that fails is not stored. */
    async saveKey(apiKey: string, connectionId?: string): Promise<ConnectionStatus> {
      const { connection, active } = await pick(connectionId);
      const client = deps.makeClient({ apiKey, baseUrl: connection.baseUrl });
      const spaces = await client.spaces.list();
      await deps.vault.save(connection.id, apiKey);
      if (active) {
        cached = { connectionId: connection.id, baseUrl: connection.baseUrl, apiKey, client };
        deps.onKeyChanged?.(true);
      }
      return {
        baseUrl: connection.baseUrl,
        paired: true,
        spaceCount: spaces.filter((space) => !space.isChat).length,
        serverVersion: client.serverVersion,
      };
    },

    async disconnect(connectionId?: string): Promise<ConnectionStatus> {
      const { connection, active } = await pick(connectionId);
      await deps.vault.forget(connection.id);
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
      if (error instanceof AnytypeError && error.kind === 'unauthorized') cached = undefined;
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
