// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { rememberSettings } from '../../../lib/background/remembered-settings';
import { type ConnectionSettings, defaultConnectionSettings } from '../../../lib/settings/connections';

function store() {
  let saved: ConnectionSettings = defaultConnectionSettings('http://127.0.0.1:31009');
  let reads = 0;
  return {
    reads: () => reads,
    loadConnections: async () => {
      reads += 1;
      return structuredClone(saved);
    },
    saveConnections: async (next: ConnectionSettings) => {
      saved = structuredClone(next);
    },
  };
}

describe('connection settings kept by the worker', () => {
  it('are read from storage once, then served from memory as copies', async () => {
    const raw = store();
    const settings = rememberSettings(raw);
    const first = await settings.loadConnections();
    first.activeId = 'changed by a caller';
    expect((await settings.loadConnections()).activeId).not.toBe('changed by a caller');
    expect(raw.reads()).toBe(1);
  });

  it('are read again after a save through them, or a change seen in storage', async () => {
    const raw = store();
    const settings = rememberSettings(raw);
    const before = await settings.loadConnections();
    await settings.saveConnections({ ...before, activeId: 'other' });
    expect((await settings.loadConnections()).activeId).toBe('other');
    expect(raw.reads()).toBe(2);
    settings.forget();
    await settings.loadConnections();
    expect(raw.reads()).toBe(3);
  });
});
