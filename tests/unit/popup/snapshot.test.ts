// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PairingState } from '../../../lib/pairing/controller';
import type { BackgroundClient } from '../../../lib/protocol/client';
import {
  createPopupSnapshot,
  forgettingSnapshot,
  keepConnection,
  snapshotPrefs,
} from '../../../lib/popup/snapshot';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { MapStorage, memoryArea } from './clip-form-fakes';

const status = { baseUrl: 'http://127.0.0.1:31009', paired: true };
const prefs = { spaceId: 's1', typeKeyBySpace: { s1: 'page' }, collectionBySpace: {}, mode: 'article' as const };

describe('popup snapshot store', () => {
  it('keeps parts side by side and reads them back', () => {
    const snapshot = createPopupSnapshot(new MapStorage());
    snapshot.put({ status });
    snapshot.put({ prefs, siteRules: false });
    expect(snapshot.read()).toEqual({ status, prefs, siteRules: false });
    snapshot.forget();
    expect(snapshot.read()).toEqual({});
  });

  it.each([
    ['not JSON', '{'],
    ['another shape', JSON.stringify({ status: { paired: 'yes' } })],
    ['a plain value', '42'],
  ])('reads %s as nothing kept', (_name, raw) => {
    const storage = new MapStorage();
    storage.items.set('popup:snapshot:v1', raw);
    expect(createPopupSnapshot(storage).read()).toEqual({});
  });

  it('never throws when localStorage is missing or refuses writes', () => {
    expect(createPopupSnapshot(undefined).read()).toEqual({});
    const refusing = createPopupSnapshot(new MapStorage(true));
    expect(() => refusing.put({ status })).not.toThrow();
    expect(refusing.read()).toEqual({});
  });

  it('holds no API key: the status is kept without the problem Anytype had', () => {
    const storage = new MapStorage();
    const snapshot = createPopupSnapshot(storage);
    const problem = { kind: 'offline' as const, message: 'Start Anytype' };
    keepConnection(snapshot, { step: 'connected', busy: false, status: { ...status, problem } });
    expect(snapshot.read().status).toEqual(status);
    expect([...storage.items.values()].join('')).not.toMatch(/key/i);
  });
});

describe('keepConnection', () => {
  const cases: [string, PairingState, 'kept' | 'forgotten' | 'unchanged'][] = [
    ['connected and paired', { step: 'connected', busy: false, status }, 'kept'],
    ['still loading', { step: 'loading', busy: false }, 'unchanged'],
    ['back at the start (Disconnect)', { step: 'start', busy: false, status: { ...status, paired: false } }, 'forgotten'],
    ['waiting for a code', { step: 'code', busy: false, status: { ...status, paired: false } }, 'forgotten'],
    ['pasting a key', { step: 'key', busy: false }, 'forgotten'],
  ];
  it.each(cases)('%s: %s', (_name, state, expected) => {
    const snapshot = createPopupSnapshot(new MapStorage());
    const before = { status: { baseUrl: 'http://127.0.0.1:31012', paired: true }, prefs };
    snapshot.put(before);
    keepConnection(snapshot, state);
    const after = snapshot.read();
    if (expected === 'kept') expect(after).toEqual({ ...before, status });
    if (expected === 'forgotten') expect(after).toEqual({});
    if (expected === 'unchanged') expect(after).toEqual(before);
  });
});

describe('snapshotPrefs', () => {
  it('copies what it reads and what it remembers into the snapshot', async () => {
    const snapshot = createPopupSnapshot(new MapStorage());
    const store = snapshotPrefs(createClipPrefsStore(memoryArea()), snapshot);
    await store.load();
    expect(snapshot.read().prefs).toMatchObject({ mode: 'article' });
    await store.remember({ spaceId: 's2', typeKey: 'note', mode: 'bookmark' });
    expect(snapshot.read().prefs).toEqual({ spaceId: 's2', typeKeyBySpace: { s2: 'note' }, collectionBySpace: {}, mode: 'bookmark' });
  });
});

describe('forgettingSnapshot (the options page)', () => {
  function client(answer: unknown = {}, fail = false): BackgroundClient {
    return {
      async call() {
        if (fail) throw new Error('refused');
        return answer as never;
      },
    };
  }
  it.each([
    ['settings.import', true],
    ['connection.disconnect', true],
    ['connection.saveKey', true],
    ['connections.forgetKey', true],
    ['connections.saveKey', true],
    ['connections.activate', true],
    ['connections.save', true],
    ['connections.remove', true],
    ['settings.get', false],
    ['settings.export', false],
    ['connections.list', false],
    ['connections.check', false],
    ['connection.status', false],
  ] as const)('%s forgets the snapshot: %s', async (type, forgets) => {
    const snapshot = createPopupSnapshot(new MapStorage());
    snapshot.put({ status, prefs });
    await forgettingSnapshot(client(), snapshot).call(type as never, {} as never);
    expect(snapshot.read()).toEqual(forgets ? {} : { status, prefs });
  });

  it('keeps the rest after saved settings, noting whether site rules now exist', async () => {
    const snapshot = createPopupSnapshot(new MapStorage());
    snapshot.put({ status, prefs, siteRules: false });
    const saved = { defaults: { tagNames: [] }, siteRules: [{ id: 'r', pattern: 'e.example', tagNames: [] }] };
    await forgettingSnapshot(client(saved), snapshot).call('settings.save', saved as never);
    expect(snapshot.read()).toEqual({ status, prefs, siteRules: true });
  });

  it('keeps the snapshot when the change was refused', async () => {
    const snapshot = createPopupSnapshot(new MapStorage());
    snapshot.put({ status });
    await expect(forgettingSnapshot(client({}, true), snapshot).call('connection.disconnect', {} as never)).rejects.toThrow();
    expect(snapshot.read()).toEqual({ status });
  });
});

describe('pageStorage', () => {
  it('is nothing where reading localStorage throws', async () => {
    const { pageStorage } = await import('../../../lib/popup/snapshot');
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(pageStorage()).toBeUndefined();
      expect(createPopupSnapshot(pageStorage()).read()).toEqual({});
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'localStorage', descriptor);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });
});
