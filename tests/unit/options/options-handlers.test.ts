import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { connectionIdFor } from '../../../lib/background/options-handlers';
import { MESSAGE_TYPES, messages } from '../../../lib/protocol/messages';
import { buildSettingsFile } from '../../../lib/settings/settings-file';
import { CLI, CONTENT_SCRIPT, createOptionsWorld, DESKTOP } from './world';

const OPTIONS_MESSAGES = MESSAGE_TYPES.filter((t) => t.startsWith('connections.') || t.startsWith('settings.'));

describe('options messages in the router', () => {
  it('are all for extension pages only', () => {
    expect(OPTIONS_MESSAGES.length).toBeGreaterThanOrEqual(11);
    for (const type of OPTIONS_MESSAGES) expect(messages[type].senders).toEqual(['extension_page']);
  });

  it('are refused to a content script before anything changes', async () => {
    const world = createOptionsWorld();
    const payloads: Record<string, unknown> = {
      'connections.save': { name: 'Evil', baseUrl: 'http://127.0.0.1:4444' },
      'connections.remove': { id: 'desktop' },
      'connections.activate': { id: 'desktop' },
      'connections.check': { id: 'desktop' },
      'connections.saveKey': { connectionId: 'desktop', apiKey: 'desktop-key-0001' },
      'connections.forgetKey': { connectionId: 'desktop' },
      'settings.save': { defaults: { tagNames: [] }, siteRules: [] },
      'settings.import': { file: {} },
    };
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    for (const type of OPTIONS_MESSAGES) {
      const answer = await world.router({ type, payload: payloads[type] ?? {} }, CONTENT_SCRIPT);
      expect(answer, type).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
    expect(world.calls).toEqual([]);
  });

  it('refuses a non-loopback endpoint', async () => {
    const world = createOptionsWorld();
    for (const baseUrl of ['https://evil.example:443', 'http://127.0.0.1:31009/x', 'http://10.0.0.1:31009', 'http://127.0.0.1']) {
      const answer = await world.router({ type: 'connections.save', payload: { name: 'x', baseUrl } }, { id: 'ext', url: 'chrome-extension://ext/options.html' });
      expect(answer, baseUrl).toMatchObject({ ok: false, code: 'invalid_message' });
    }
  });
});

describe('options handlers', () => {
  it('adds, renames and activates connections; each has its own key', async () => {
    const { background, connections } = createOptionsWorld();
    let list = await background.call('connections.save', { name: 'Headless CLI', baseUrl: CLI });
    expect(list.connections.map((c) => [c.id, c.baseUrl, c.active, c.hasKey])).toEqual([
      ['desktop', DESKTOP, true, false],
      ['headless-cli', CLI, false, false],
    ]);
    await expect(background.call('connections.save', { name: 'Again', baseUrl: CLI })).rejects.toMatchObject({ code: 'duplicate' });

    await expect(
      background.call('connections.saveKey', { connectionId: 'headless-cli', apiKey: 'desktop-key-0001' }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    const status = await background.call('connections.saveKey', { connectionId: 'headless-cli', apiKey: 'cli-key-00000001' });
    expect(status).toMatchObject({ baseUrl: CLI, paired: true, spaceCount: 3, serverVersion: '2025-11-08' });
    // Saving a key for another connection leaves the active one unpaired.
    expect(await connections.status()).toMatchObject({ baseUrl: DESKTOP, paired: false });

    list = await background.call('connections.save', { id: 'headless-cli', name: 'anytype-cli', baseUrl: CLI });
    expect(list.connections[1]).toMatchObject({ name: 'anytype-cli', hasKey: true });

    list = await background.call('connections.activate', { id: 'headless-cli' });
    expect(list.activeId).toBe('headless-cli');
    expect(await connections.status()).toMatchObject({ baseUrl: CLI, paired: true, spaceCount: 3 });
  });

  it('checks any connection and says what is wrong', async () => {
    const world = createOptionsWorld();
    await world.background.call('connections.save', { name: 'CLI', baseUrl: CLI });
    expect(await world.background.call('connections.check', { id: 'cli' })).toEqual({ baseUrl: CLI, paired: false });
    await world.background.call('connections.saveKey', { connectionId: 'cli', apiKey: 'cli-key-00000001' });
    world.anytypes.get(CLI)!.running = false;
    expect(await world.background.call('connections.check', { id: 'cli' })).toMatchObject({
      paired: true,
      problem: { kind: 'offline' },
    });
    await expect(world.background.call('connections.check', { id: 'gone' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('forgets the key when the URL changes, so it is never sent to another port', async () => {
    const world = createOptionsWorld();
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const list = await world.background.call('connections.save', { id: 'desktop', name: 'Desktop', baseUrl: 'http://127.0.0.1:31555' });
    expect(list.connections[0]).toMatchObject({ baseUrl: 'http://127.0.0.1:31555', hasKey: false });
    world.calls.length = 0;
    expect(await world.connections.status()).toEqual({ baseUrl: 'http://127.0.0.1:31555', paired: false });
    expect(world.calls).toEqual([]);
  });

  it('disconnects and removes connections; the last one stays', async () => {
    const world = createOptionsWorld();
    await world.background.call('connections.save', { name: 'CLI', baseUrl: CLI });
    await world.background.call('connections.saveKey', { connectionId: 'cli', apiKey: 'cli-key-00000001' });
    await world.background.call('connections.activate', { id: 'cli' });
    let list = await world.background.call('connections.forgetKey', { connectionId: 'cli' });
    expect(list.connections.find((c) => c.id === 'cli')?.hasKey).toBe(false);
    expect(await world.vault.load('cli')).toBeUndefined();

    await world.background.call('connections.saveKey', { connectionId: 'cli', apiKey: 'cli-key-00000001' });
    list = await world.background.call('connections.remove', { id: 'cli' });
    expect(list).toMatchObject({ activeId: 'desktop', connections: [{ id: 'desktop', active: true }] });
    expect(await world.vault.load('cli')).toBeUndefined();
    expect(world.activeChanges.length).toBe(2);
    await expect(world.background.call('connections.remove', { id: 'desktop' })).rejects.toMatchObject({
      code: 'last_connection',
    });
  });

  it('keeps the connection list in storage.local, where the origin rules are re-installed from', async () => {
    const world = createOptionsWorld();
    const changed: string[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => changed.push(`${area}:${Object.keys(changes).join()}`));
    await world.background.call('connections.save', { name: 'CLI', baseUrl: CLI });
    expect(changed).toContain('local:settings:connections');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('saves clip settings validated, and exports them without any key', async () => {
    const world = createOptionsWorld();
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const clip = {
      defaults: { spaceId: 'space1', typeKey: 'page', tagNames: ['web'] },
      siteRules: [{ id: 'r1', pattern: '*.example.com', spaceId: 'space1', tagNames: [] }],
    };
    expect(await world.background.call('settings.save', clip)).toEqual(clip);
    expect(await world.background.call('settings.get', {})).toEqual(clip);
    await expect(
      world.background.call('settings.save', { ...clip, siteRules: [{ id: 'r2', pattern: 'evil*.com', tagNames: [] }] }),
    ).rejects.toMatchObject({ code: 'invalid_message' });
    const file = await world.background.call('settings.export', {});
    expect(file).toMatchObject({ format: 'clip-to-anytype-settings', version: 1, clip });
    expect(JSON.stringify(file)).not.toContain('desktop-key-0001');
    expect(JSON.stringify(file)).not.toContain('vault');
  });

  it('imports a valid file, keeping keys only where the connection is unchanged', async () => {
    const world = createOptionsWorld();
    await world.background.call('connections.save', { name: 'CLI', baseUrl: CLI });
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    await world.background.call('connections.saveKey', { connectionId: 'cli', apiKey: 'cli-key-00000001' });
    const file = buildSettingsFile(
      {
        connections: [
          { id: 'desktop', name: 'Desktop', baseUrl: DESKTOP },
          { id: 'other', name: 'Other', baseUrl: 'http://localhost:32000' },
        ],
        activeId: 'other',
      },
      { defaults: { tagNames: ['imported'] }, siteRules: [] },
    );
    const result = await world.background.call('settings.import', { file });
    expect(result.connections.connections.map((c) => [c.id, c.hasKey, c.active])).toEqual([
      ['desktop', true, false],
      ['other', false, true],
    ]);
    expect(result.clip.defaults.tagNames).toEqual(['imported']);
    expect(await world.vault.load('cli')).toBeUndefined();
  });

  it('changes nothing when the file is not a settings file this version reads, or nothing in it can be read', async () => {
    const world = createOptionsWorld();
    await world.background.call('settings.save', { defaults: { tagNames: ['keep'] }, siteRules: [] });
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const before = JSON.stringify(await fakeBrowser.storage.local.get(null));
    const good = buildSettingsFile(
      { connections: [{ id: 'x', name: 'X', baseUrl: CLI }], activeId: 'x' },
      { defaults: { tagNames: [] }, siteRules: [] },
    );
    for (const file of [
      null,
      'text',
      { ...good, format: 'other' },
      { ...good, version: 2 },
      { ...good, connections: { connections: [], activeId: 'x' }, clip: 'nope' },
    ]) {
      await expect(world.background.call('settings.import', { file })).rejects.toMatchObject({ code: 'invalid_settings' });
    }
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toBe(before);
  });

  it('imports the parts it can read and reports each refused part; what the file could not give stays', async () => {
    const world = createOptionsWorld();
    await world.background.call('settings.save', {
      defaults: { tagNames: ['keep'] },
      siteRules: [{ id: 'old', pattern: 'old.example', tagNames: [] }],
    });
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const file = {
      ...buildSettingsFile(
        { connections: [{ id: 'desktop', name: 'Desktop', baseUrl: DESKTOP }], activeId: 'desktop' },
        { defaults: { tagNames: [] }, siteRules: [] },
      ),
    };
    const mixed = {
      ...file,
      connections: { ...file.connections, connections: [...file.connections.connections, { id: 'evil', name: 'Evil', baseUrl: 'https://evil.example' }] },
      clip: {
        defaults: { typeKey: 'Not A Key' },
        siteRules: [
          { id: 'a', pattern: 'a.example', tagNames: [] },
          { id: 'b', pattern: '', tagNames: [] },
        ],
      },
    };
    const result = await world.background.call('settings.import', { file: mixed });
    expect(result.report.refused.map((r) => `${r.where}: ${r.problem}`)).toEqual([
      'connection 2: baseUrl: Anytype runs on this computer: use http://127.0.0.1:<port>',
      'defaults: typeKey: not a type key',
      'rule 2: pattern: Enter a site, e.g. example.com or *.example.com',
    ]);
    expect(result.report.imported).toEqual({ connections: 1, defaults: false, siteRules: 1 });
    expect(result.clip).toEqual({ defaults: { tagNames: ['keep'] }, siteRules: [{ id: 'a', pattern: 'a.example', tagNames: [] }] });
    expect(await world.background.call('settings.get', {})).toEqual(result.clip);
    expect(result.connections.connections.map((c) => [c.id, c.hasKey])).toEqual([['desktop', true]]);
  });

  it('makes readable, unique connection ids', () => {
    expect(connectionIdFor('Anytype CLI', new Set())).toBe('anytype-cli');
    expect(connectionIdFor('Anytype CLI', new Set(['anytype-cli']))).toBe('anytype-cli-2');
    expect(connectionIdFor('!!!', new Set())).toBe('anytype');
    expect(connectionIdFor('Ünïcödé', new Set())).toBe('unicode');
  });
});
