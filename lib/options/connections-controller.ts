/**
 * The options page's Connections section as plain state transitions: the endpoints, which one
 * is active, whether each has a key, its status and whether the browser lets us reach it.
 * Components render this state and call these actions; the background does the work.
 */
import { i18n } from '#i18n';
import { BackgroundError, type BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import { parseEndpoint } from './endpoint';
import type { HostAccess } from '../pairing/host-access';
import { keyDetail } from '../pairing/key-detail';

type Entry = MessageOutput<'connections.list'>['connections'][number];
type Status = MessageOutput<'connections.check'>;

export interface ConnectionView extends Entry {
  /** undefined while unknown. */
  access?: boolean;
  status?: { ok: boolean; text: string; detail?: string };
}

export interface ConnectionsState {
  loading: boolean;
  connections: ConnectionView[];
  busy: boolean;
  error?: string;
  info?: string;
}

export interface ConnectionsDeps {
  background: BackgroundClient;
  hostAccess: HostAccess;
}

/** A sentence that ends in the revoke hint: the key is only forgotten here. */
const withRevokeHint = (text: string) => `${text} ${i18n.t('options.connections.revokeHint')}`;

export function statusText(status: Status): { ok: boolean; text: string; detail?: string } {
  const detail = keyDetail(status);
  const withDetail = (value: { ok: boolean; text: string }) => (detail === undefined ? value : { ...value, detail });
  if (status.problem) return withDetail({ ok: false, text: status.problem.message });
  if (!status.paired) {
    return { ok: false, text: i18n.t('options.card.notPaired') };
  }
  const count = status.spaceCount ?? 0;
  const connected = i18n.t('options.card.connected', count);
  // The version header of the last answer, or what the install's description said.
  const version = status.serverVersion ?? status.features?.apiVersion;
  return withDetail({ ok: true, text: version ? i18n.t('options.card.withVersion', { status: connected, version }) : connected });
}

export function messageOf(error: unknown): string {
  return error instanceof BackgroundError ? error.message : i18n.t('app.genericError');
}

export function createConnectionsController(deps: ConnectionsDeps, onChange: (state: ConnectionsState) => void) {
  let state: ConnectionsState = { loading: true, connections: [], busy: false };
  const set = (next: Partial<ConnectionsState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  const patch = (id: string, next: Partial<ConnectionView>) =>
    set({ connections: state.connections.map((c) => (c.id === id ? { ...c, ...next } : c)) });
  const call = deps.background.call.bind(deps.background);

  /** Takes a fresh list, keeping what is known about connections whose URL did not change. */
  function adopt(list: MessageOutput<'connections.list'>): void {
    const known = new Map(state.connections.map((c) => [c.id, c]));
    const connections = list.connections.map((entry): ConnectionView => {
      const before = known.get(entry.id);
      const same = before && before.baseUrl === entry.baseUrl && before.hasKey === entry.hasKey;
      return same ? { ...entry, access: before.access, status: before.status } : { ...entry };
    });
    set({ connections, loading: false });
    for (const c of connections) {
      if (c.access === undefined) void deps.hostAccess.has(c.baseUrl).then((access) => patch(c.id, { access }));
    }
  }

  /** Runs one change at a time; failures land in `error`, and nothing else changes. */
  async function run(task: () => Promise<void>): Promise<string | undefined> {
    if (state.busy) return i18n.t('options.busy');
    set({ busy: true, error: undefined, info: undefined });
    try {
      await task();
      set({ busy: false });
      return undefined;
    } catch (error) {
      const message = messageOf(error);
      set({ busy: false, error: message });
      return message;
    }
  }

  return {
    async load(): Promise<void> {
      try {
        adopt(await call('connections.list', {}));
      } catch (error) {
        set({ loading: false, error: messageOf(error) });
      }
    },

    /** Adds or edits; answers the error to show next to the form, if any. */
    save(draft: { id?: string; name: string; endpoint: string }): Promise<string | undefined> {
      const name = draft.name.trim();
      if (!name) return Promise.resolve(i18n.t('options.connectionForm.noName'));
      const endpoint = parseEndpoint(draft.endpoint);
      if (!endpoint.ok) return Promise.resolve(endpoint.error);
      return run(async () => {
        const list = await call('connections.save', { id: draft.id, name, baseUrl: endpoint.baseUrl });
        adopt(list);
        set({ info: i18n.t(draft.id ? 'options.connections.saved' : 'options.connections.added', { name }) });
      });
    },

    activate(id: string): Promise<string | undefined> {
      return run(async () => {
        adopt(await call('connections.activate', { id }));
        const name = state.connections.find((c) => c.id === id)?.name ?? '';
        set({ info: i18n.t('options.connections.activated', { name }) });
      });
    },

    async check(id: string): Promise<void> {
      patch(id, { status: { ok: false, text: i18n.t('options.card.checking') } });
      try {
        patch(id, { status: statusText(await call('connections.check', { id })) });
      } catch (error) {
        patch(id, { status: { ok: false, text: messageOf(error) } });
      }
    },

    saveKey(id: string, apiKey: string): Promise<string | undefined> {
      if (apiKey.trim().length < 8) return Promise.resolve(i18n.t('options.card.notAKey'));
      return run(async () => {
        const status = await call('connections.saveKey', { connectionId: id, apiKey: apiKey.trim() });
        adopt(await call('connections.list', {}));
        patch(id, { status: statusText(status) });
      });
    },

    forgetKey(id: string): Promise<string | undefined> {
      return run(async () => {
        adopt(await call('connections.forgetKey', { connectionId: id }));
        patch(id, { status: undefined });
        set({ info: withRevokeHint(i18n.t('options.connections.keyForgotten')) });
      });
    },

    remove(id: string): Promise<string | undefined> {
      const name = state.connections.find((c) => c.id === id)?.name ?? '';
      return run(async () => {
        adopt(await call('connections.remove', { id }));
        set({ info: withRevokeHint(i18n.t('options.connections.removed', { name })) });
      });
    },

    /** Called straight from the click: the permission prompt needs the user gesture. */
    grantAccess(id: string): Promise<void> {
      const connection = state.connections.find((c) => c.id === id);
      if (!connection) return Promise.resolve();
      return deps.hostAccess.request(connection.baseUrl).then(
        (access) => {
          patch(id, { access });
          if (!access) set({ error: i18n.t('options.connections.accessDenied') });
        },
        (error: unknown) => set({ error: error instanceof Error ? error.message : i18n.t('options.connections.browserRefused') }),
      );
    },

    /** After an import the whole list is new. */
    adopt,
  };
}

export type ConnectionsController = ReturnType<typeof createConnectionsController>;
