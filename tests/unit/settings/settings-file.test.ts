import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { CLIP_SETTINGS_SLOT, createClipSettingsStore } from '../../../lib/settings/clip-settings';
import { defaultConnectionSettings } from '../../../lib/settings/connections';
import { buildSettingsFile, parseSettingsFileText, validateSettingsFile } from '../../../lib/settings/settings-file';

const connections = {
  connections: [
    { id: 'desktop', name: 'Anytype Desktop', baseUrl: 'http://127.0.0.1:31009' },
    { id: 'cli', name: 'anytype-cli', baseUrl: 'http://127.0.0.1:31012' },
  ],
  activeId: 'cli',
};
const clip = {
  defaults: { spaceId: 'space1', typeKey: 'page', tagNames: ['web'] },
  siteRules: [{ id: 'r1', pattern: '*.example.com', spaceId: 'space2', tagNames: [] }],
};

describe('settings file', () => {
  it('round-trips connections and clip settings, and has no place for a key', () => {
    const withSecrets = {
      ...connections,
      apiKey: 'sk-should-never-leave',
      connections: connections.connections.map((c) => ({ ...c, apiKey: 'sk-should-never-leave' })),
    };
    const file = buildSettingsFile(withSecrets, clip, new Date('2026-01-02T03:04:05Z'));
    const text = JSON.stringify(file);
    expect(text).not.toContain('sk-should-never-leave');
    expect(text).not.toMatch(/apiKey/i);
    const back = parseSettingsFileText(text);
    expect(back).toEqual({ ok: true, file });
    expect(back.ok && back.file.connections).toEqual(connections);
    expect(back.ok && back.file.clip).toEqual(clip);
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['another JSON file', '{"name":"package"}', /not a Clip to Anytype settings file/],
    ['an array', '[1,2]', /not a Clip to Anytype settings file/],
    ['a newer version', JSON.stringify({ ...buildSettingsFile(connections, clip), version: 2 }), /newer version/],
    [
      'a non-loopback URL',
      JSON.stringify({
        ...buildSettingsFile(connections, clip),
        connections: { connections: [{ id: 'x', name: 'x', baseUrl: 'https://evil.example:443' }], activeId: 'x' },
      }),
      /not valid.*connections/,
    ],
    [
      'an active id that is not listed',
      JSON.stringify({ ...buildSettingsFile(connections, clip), connections: { ...connections, activeId: 'gone' } }),
      /not valid/,
    ],
    [
      'duplicate connection ids',
      JSON.stringify({
        ...buildSettingsFile(connections, clip),
        connections: { connections: [connections.connections[0], connections.connections[0]], activeId: 'desktop' },
      }),
      /share an id/,
    ],
    [
      'a connection without a name',
      JSON.stringify({
        ...buildSettingsFile(connections, clip),
        connections: { connections: [{ id: 'x', name: '  ', baseUrl: 'http://127.0.0.1:31009' }], activeId: 'x' },
      }),
      /needs a name/,
    ],
    [
      'a hostile rule pattern',
      JSON.stringify({
        ...buildSettingsFile(connections, clip),
        clip: { ...clip, siteRules: [{ id: 'r', pattern: 'javascript:alert(1)', tagNames: [] }] },
      }),
      /not valid.*clip\.siteRules/,
    ],
    [
      'a path-traversal space id',
      JSON.stringify({ ...buildSettingsFile(connections, clip), clip: { defaults: { spaceId: '../x' }, siteRules: [] } }),
      /not valid/,
    ],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const result = parseSettingsFileText(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('refuses files that are too large', () => {
    expect(parseSettingsFileText(' '.repeat(1_000_001))).toMatchObject({ ok: false, error: /too large/ });
    expect(validateSettingsFile(null)).toMatchObject({ ok: false });
  });
});

describe('clip settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads defaults when nothing or something malformed is stored', async () => {
    const store = createClipSettingsStore(fakeBrowser.storage.local);
    expect(await store.load()).toEqual({ defaults: { tagNames: [] }, siteRules: [] });
    await fakeBrowser.storage.local.set({ [CLIP_SETTINGS_SLOT]: { siteRules: [{ id: 'r', pattern: '*' }] } });
    expect(await store.load()).toEqual({ defaults: { tagNames: [] }, siteRules: [] });
  });

  it('saves to storage.local only, validated', async () => {
    const store = createClipSettingsStore(fakeBrowser.storage.local);
    await store.save(clip);
    expect(await store.load()).toEqual(clip);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    await expect(store.save({ ...clip, siteRules: [{ id: 'r', pattern: 'ex*ample.com', tagNames: [] }] })).rejects.toThrow();
    expect(await store.load()).toEqual(clip);
  });

  it('builds a file from the default connection too', () => {
    expect(buildSettingsFile(defaultConnectionSettings('http://127.0.0.1:31009'), clip).connections.activeId).toBe('desktop');
  });
});
