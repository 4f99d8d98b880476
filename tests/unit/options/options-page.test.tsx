import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp, type OptionsDeps } from '../../../components/options/OptionsApp';
import type { HostAccess } from '../../../lib/pairing/host-access';
import { CLI, createOptionsWorld } from './world';

afterEach(cleanup);

function setup(options: { withheld?: string[] } = {}) {
  const world = createOptionsWorld();
  const withheld = new Set(options.withheld ?? []);
  const hostAccess: HostAccess = {
    has: vi.fn(async (baseUrl: string) => !withheld.has(baseUrl)),
    request: vi.fn(async (baseUrl: string) => {
      withheld.delete(baseUrl);
      return true;
    }),
  };
  const download = vi.fn<(name: string, text: string) => void>();
  let n = 0;
  const deps: OptionsDeps = { background: world.background, hostAccess, download, newId: () => `rule-${++n}` };
  render(<OptionsApp deps={deps} />);
  return { world, hostAccess, download };
}

async function addCli() {
  fireEvent.input(screen.getByLabelText('Connection name'), { target: { value: 'anytype-cli' } });
  fireEvent.input(screen.getByLabelText('Port or address'), { target: { value: '31012' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));
  return screen.findByRole('article', { name: 'anytype-cli' });
}

describe('options page: connections', () => {
  it('adds a connection by port, pastes its key, checks it and makes it active', async () => {
    const { world } = setup();
    expect(await screen.findByRole('article', { name: 'Anytype Desktop' })).toBeTruthy();
    const card = await addCli();
    expect(within(card).getByText(CLI)).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Check connection' }));
    expect(await within(card).findByText(/No API key yet/)).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Paste an API key' }));
    fireEvent.input(within(card).getByLabelText('API key'), { target: { value: 'cli-key-00000001' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save key' }));
    expect(await within(card).findByText('Connected: 3 spaces, Anytype 2025-11-08')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Make active' }));
    await waitFor(() => expect(within(card).getByText('Active')).toBeTruthy());
    // The button is gone; keyboard focus lands on the next control of the same card.
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Check connection' })));
    expect((await world.settings.loadConnections()).activeId).toBe('anytype-cli');
    // The pickers now list what the newly active connection sees.
    const defaults = screen.getByRole('region', { name: 'Quick clip defaults' });
    expect(await within(defaults).findByRole('option', { name: 'Reading' })).toBeTruthy();
  });

  it('shows why a key or an address is refused', async () => {
    setup();
    const desktop = await screen.findByRole('article', { name: 'Anytype Desktop' });
    fireEvent.click(within(desktop).getByRole('button', { name: 'Paste an API key' }));
    fireEvent.input(within(desktop).getByLabelText('API key'), { target: { value: 'wrong-key-123456' } });
    fireEvent.click(within(desktop).getByRole('button', { name: 'Save key' }));
    expect((await within(desktop).findByRole('alert')).textContent).toMatch(/pair|key/i);

    fireEvent.input(screen.getByLabelText('Connection name'), { target: { value: 'Remote' } });
    fireEvent.input(screen.getByLabelText('Port or address'), { target: { value: 'https://evil.example:31009' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    expect((await screen.findByText(/Anytype runs on this computer/)).getAttribute('role')).toBe('alert');
    expect(screen.queryByRole('article', { name: 'Remote' })).toBeNull();
  });

  it('asks for host access from the click when the browser withholds it', async () => {
    const { hostAccess } = setup({ withheld: [CLI] });
    const card = await addCli();
    const grant = await within(card).findByRole('button', { name: 'Grant access' });
    fireEvent.click(grant);
    // Called synchronously inside the click handler, so the browser sees the user gesture.
    expect(hostAccess.request).toHaveBeenCalledWith(CLI);
    await waitFor(() => expect(within(card).queryByRole('button', { name: 'Grant access' })).toBeNull());
    const desktop = screen.getByRole('article', { name: 'Anytype Desktop' });
    expect(within(desktop).queryByRole('button', { name: 'Grant access' })).toBeNull();
  });

  it('disconnects with a note on revoking the key in Desktop, and removes connections', async () => {
    const { world } = setup();
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const card = await addCli();
    const desktop = screen.getByRole('article', { name: 'Anytype Desktop' });
    fireEvent.click(await within(desktop).findByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toContain('Desktop Settings › API Keys'));
    expect(await world.vault.load('desktop')).toBeUndefined();

    fireEvent.click(within(card).getByRole('button', { name: 'Remove connection' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'anytype-cli' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Connections' }));
    // The last connection cannot be removed, so the button is not offered.
    expect(within(screen.getByRole('article', { name: 'Anytype Desktop' })).queryByRole('button', { name: 'Remove connection' })).toBeNull();
  });

  it('renames a connection; a changed port forgets its key', async () => {
    const { world } = setup();
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const desktop = await screen.findByRole('article', { name: 'Anytype Desktop' });
    fireEvent.click(within(desktop).getByRole('button', { name: 'Edit connection' }));
    fireEvent.input(within(desktop).getByLabelText('Connection name'), { target: { value: 'Desktop (custom port)' } });
    fireEvent.input(within(desktop).getByLabelText('Port or address'), { target: { value: '31555' } });
    fireEvent.click(within(desktop).getByRole('button', { name: 'Save connection' }));
    const renamed = await screen.findByRole('article', { name: 'Desktop (custom port)' });
    expect(within(renamed).getByText('http://127.0.0.1:31555')).toBeTruthy();
    expect(within(renamed).getByText('No API key')).toBeTruthy();
    expect(await world.vault.load('desktop')).toBeUndefined();
  });

  it('renders names as text, never as markup', async () => {
    setup();
    fireEvent.input(await screen.findByLabelText('Connection name'), { target: { value: '<img src=x onerror=alert(1)>' } });
    fireEvent.input(screen.getByLabelText('Port or address'), { target: { value: 'http://localhost:31012' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    expect(await screen.findByRole('article', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('options page: quick clip settings', () => {
  it('saves defaults chosen from the active connection', async () => {
    const { world } = setup();
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    cleanup();
    render(
      <OptionsApp
        deps={{ background: world.background, hostAccess: { has: async () => true, request: async () => true }, download: () => {} }}
      />,
    );
    const defaults = await screen.findByRole('region', { name: 'Quick clip defaults' });
    await within(defaults).findByRole('option', { name: 'Research' });
    fireEvent.change(within(defaults).getByLabelText('Space'), { target: { value: 'space1' } });
    await within(defaults).findByRole('option', { name: 'Bookmark' });
    fireEvent.change(within(defaults).getByLabelText('Type'), { target: { value: 'bookmark' } });
    fireEvent.change(within(defaults).getByLabelText('Collection'), { target: { value: 'coll1' } });
    fireEvent.input(within(defaults).getByLabelText('Tags'), { target: { value: 'web, later, web' } });
    fireEvent.click(within(defaults).getByRole('button', { name: 'Save defaults' }));
    await waitFor(async () =>
      expect((await world.clipSettings.load()).defaults).toEqual({
        spaceId: 'space1',
        typeKey: 'bookmark',
        collectionId: 'coll1',
        tagNames: ['web', 'later'],
      }),
    );
  });

  it('adds, orders, edits and removes site rules; refuses a bad pattern', async () => {
    const { world } = setup();
    const rules = await screen.findByRole('region', { name: 'Site rules' });
    // A rule must choose something (here a tag); one that chooses nothing is refused (below).
    const add = (pattern: string) => {
      fireEvent.input(within(rules).getByLabelText('Site or address'), { target: { value: pattern } });
      fireEvent.input(within(rules).getByLabelText('Tags'), { target: { value: 'web' } });
      fireEvent.click(within(rules).getByRole('button', { name: 'Add rule' }));
    };
    add('ex*ample.com');
    expect((await within(rules).findByRole('alert')).textContent).toMatch(/wildcard/i);
    add('*.example.com');
    await within(rules).findByRole('article', { name: 'Rule for *.example.com' });
    add('https://example.com/blog/');
    await within(rules).findByRole('article', { name: 'Rule for https://example.com/blog/' });

    const blog = within(rules).getByRole('article', { name: 'Rule for https://example.com/blog/' });
    fireEvent.click(within(blog).getByRole('button', { name: 'Move up' }));
    await waitFor(() =>
      expect(within(rules).getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
        'Rule for https://example.com/blog/',
        'Rule for *.example.com',
      ]),
    );
    expect((await world.clipSettings.load()).siteRules.map((r) => r.pattern)).toEqual([
      'https://example.com/blog/',
      '*.example.com',
    ]);

    const wildcard = within(rules).getByRole('article', { name: 'Rule for *.example.com' });
    fireEvent.click(within(wildcard).getByRole('button', { name: 'Edit rule' }));
    fireEvent.input(within(wildcard).getByLabelText('Tags'), { target: { value: 'news' } });
    fireEvent.click(within(wildcard).getByRole('button', { name: 'Save rule' }));
    await waitFor(async () => expect((await world.clipSettings.load()).siteRules[1]?.tagNames).toEqual(['news']));

    await within(rules).findByText(/tags news$/);
    fireEvent.click(within(blog).getByRole('button', { name: 'Remove rule' }));
    await waitFor(async () => expect((await world.clipSettings.load()).siteRules).toHaveLength(1));
  });
});

describe('options page: a site rule that chooses nothing', () => {
  const NOTHING = 'Choose a space, a type, a collection or tags for this rule: a rule that chooses nothing changes nothing.';

  it('is refused with a message beside it saying what to choose; nothing is stored; choosing a tag then adds it', async () => {
    const { world } = setup();
    const rules = await screen.findByRole('region', { name: 'Site rules' });
    fireEvent.input(within(rules).getByLabelText('Site or address'), { target: { value: 'news.example.com' } });
    fireEvent.click(within(rules).getByRole('button', { name: 'Add rule' }));
    const alert = await within(rules).findByRole('alert');
    expect(alert.textContent).toBe(NOTHING);
    // Beside the rule being added: in its own form, with the fields it names.
    const form = alert.closest('form')!;
    expect(within(form).getByRole('button', { name: 'Add rule' })).toBeTruthy();
    expect(within(form).getByLabelText('Tags')).toBeTruthy();
    expect((within(form).getByLabelText('Site or address') as HTMLInputElement).value).toBe('news.example.com');
    expect((await world.clipSettings.load()).siteRules).toEqual([]);
    expect(within(rules).queryByRole('article')).toBeNull();

    fireEvent.input(within(form).getByLabelText('Tags'), { target: { value: 'news' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    await within(rules).findByRole('article', { name: 'Rule for news.example.com' });
    expect((await world.clipSettings.load()).siteRules.map((r) => [r.pattern, r.tagNames])).toEqual([['news.example.com', ['news']]]);
    expect(within(rules).queryByRole('alert')).toBeNull();
  });

  it('editing a rule until it chooses nothing is refused in that rule’s card, and the stored rule stays', async () => {
    const { world } = setup();
    const rules = await screen.findByRole('region', { name: 'Site rules' });
    fireEvent.input(within(rules).getByLabelText('Site or address'), { target: { value: 'example.org' } });
    fireEvent.input(within(rules).getByLabelText('Tags'), { target: { value: 'later' } });
    fireEvent.click(within(rules).getByRole('button', { name: 'Add rule' }));
    const card = await within(rules).findByRole('article', { name: 'Rule for example.org' });
    fireEvent.click(within(card).getByRole('button', { name: 'Edit rule' }));
    fireEvent.input(within(card).getByLabelText('Tags'), { target: { value: ' , ' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save rule' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(NOTHING);
    expect((await world.clipSettings.load()).siteRules.map((r) => r.tagNames)).toEqual([['later']]);
  });
});

describe('options page: export and import', () => {
  it('exports without keys and refuses a bad file without changing anything', async () => {
    const { world, download } = setup();
    await world.background.call('connections.saveKey', { connectionId: 'desktop', apiKey: 'desktop-key-0001' });
    const backup = await screen.findByRole('region', { name: 'Export and import' });
    fireEvent.click(within(backup).getByRole('button', { name: 'Export settings' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const [name, text] = download.mock.calls[0]!;
    expect(name).toMatch(/^clip-to-anytype-settings-\d{4}-\d{2}-\d{2}\.json$/);
    expect(text).not.toContain('desktop-key-0001');

    const before = await world.settings.loadConnections();
    const input = within(backup).getByLabelText('Import settings file') as HTMLInputElement;
    const pick = (content: string) => {
      Object.defineProperty(input, 'files', { value: [new File([content], 's.json')], configurable: true });
      fireEvent.change(input);
    };
    pick('{"format":"something-else"}');
    expect((await within(backup).findByRole('alert')).textContent).toBe('This is not a Clip to Anytype settings file.');
    expect(await world.settings.loadConnections()).toEqual(before);

    const edited = JSON.parse(text) as { connections: { connections: { name: string }[] } };
    edited.connections.connections[0]!.name = 'Imported Desktop';
    pick(JSON.stringify(edited));
    await waitFor(() => expect(within(backup).getByRole('status').textContent).toBe('Imported: 1 connection, the defaults, 0 site rules.'));
    expect(await screen.findByRole('article', { name: 'Imported Desktop' })).toBeTruthy();
    expect(await world.vault.load('desktop')).toBe('desktop-key-0001');

    // One bad rule: the rest is imported, and the page says which part was left out and why.
    const withBadRule = { ...edited, clip: { siteRules: [{ id: 'ok', pattern: 'ok.example' }, { id: 'bad', pattern: ' ' }] } };
    pick(JSON.stringify(withBadRule));
    await waitFor(() => expect(within(backup).getByRole('status').textContent).toContain('Imported: 1 connection, the defaults, 1 site rule.'));
    const left = within(backup).getByRole('list', { name: 'Not imported:' });
    expect(within(left).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'rule 2: pattern: Enter a site, e.g. example.com or *.example.com',
    ]);
  });
});
