import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueLine } from '../../../components/queue/QueueLine';
import { QueueList } from '../../../components/queue/QueueList';
import type { BackgroundClient } from '../../../lib/protocol/client';
import type { MessageOutput } from '../../../lib/protocol/messages';
import { namesFrom } from '../../../lib/queue-list/view-model';

afterEach(cleanup);

type Entry = MessageOutput<'queue.list'>['entries'][number];
const A = '6f1d2c1e-0000-4000-8000-00000000000a';
const B = '6f1d2c1e-0000-4000-8000-00000000000b';

/** The background as far as the list uses it: a queue of two clips and one unreadable entry. */
function fakeBackground() {
  let entries: Entry[] = [
    { clientId: A, name: 'Tide pools', sourceUrl: 'https://www.coast.example/tide', createdAt: 1, status: 'pending', spaceId: 's1', typeKey: 'page' },
    {
      clientId: B,
      name: 'Old list',
      sourceUrl: 'https://b.example/',
      createdAt: 2,
      status: 'failed',
      spaceId: 's1',
      typeKey: 'page',
      collectionId: 'gone',
      errorKind: 'not_found',
      message: 'could not find that item',
    },
  ];
  let quarantined = [
    { reason: 'invalid clip: status', at: 0, title: 'Broken one', raw: '{"payload":{"name":"Broken one"}}' },
    {
      reason: 'invalid clip: createdAt',
      at: 5,
      title: 'Kept text',
      address: 'https://kept.example/a',
      markdown: '# Kept text\n\n<b>not markup</b>',
      raw: '{"payload":{"name":"Kept text","markdown":"# Kept text"}}',
    },
  ];
  const trash = new Map<string, { entry: Entry; index: number }>();
  const calls: { type: string; payload: unknown }[] = [];
  const summary = () => ({ pending: entries.filter((e) => e.status !== 'failed').length, failed: entries.filter((e) => e.status === 'failed').length, paused: false });
  const background: BackgroundClient = {
    async call(type, payload) {
      calls.push({ type, payload });
      const id = (payload as { clientId?: string }).clientId ?? '';
      switch (type) {
        case 'queue.list':
          return { entries, paused: false, waitingReason: 'offline', quarantined } as never;
        case 'queue.summary':
          return { ...summary(), quarantined: quarantined.length } as never;
        case 'queue.clip':
          return { name: 'Tide pools', sourceUrl: '', markdown: `# ${id}\n\nSmall worlds.` } as never;
        case 'queue.discard': {
          const index = entries.findIndex((e) => e.clientId === id);
          trash.set(id, { entry: entries[index]!, index });
          entries = entries.filter((e) => e.clientId !== id);
          return summary() as never;
        }
        case 'queue.undoDiscard': {
          const held = trash.get(id)!;
          entries.splice(held.index, 0, held.entry);
          return summary() as never;
        }
        case 'queue.retarget':
          entries = entries.map((e) => (e.clientId === id ? { ...e, status: 'pending', errorKind: undefined, message: undefined } : e));
          return summary() as never;
        case 'queue.clearQuarantine':
          quarantined = [];
          return summary() as never;
        case 'queue.discardQuarantined': {
          const { index, at } = payload as { index: number; at: number };
          if (quarantined[index]?.at !== at) throw new Error('stale');
          quarantined = quarantined.filter((_, i) => i !== index);
          return summary() as never;
        }
        case 'spaces.list':
          return [{ id: 's1', name: 'Research' }, { id: 's2', name: 'Personal' }] as never;
        case 'types.list':
          return [{ id: 't', key: 'note', name: 'Note' }] as never;
        case 'collections.list':
          return [{ id: 'c2', name: 'Reading list' }] as never;
        default:
          return summary() as never;
      }
    },
  };
  return { background, calls };
}

function setup() {
  const fake = fakeBackground();
  const copied: string[] = [];
  const downloads: { name: string; text: string }[] = [];
  const timers: (() => void)[] = [];
  const deps = {
    background: fake.background,
    copyText: async (text: string) => void copied.push(text),
    download: (name: string, text: string) => void downloads.push({ name, text }),
    timers: { set: (run: () => void) => timers.push(run), clear: () => undefined },
  };
  const names = namesFrom({ spaces: [{ id: 's1', name: 'Research' }], bySpace: { s1: { types: [{ key: 'page', name: 'Page' }], collections: [] } } });
  render(<QueueList deps={deps} names={names} />);
  return { ...fake, copied, downloads, timers };
}

describe('the queue list', () => {
  it('shows each clip with its site, destination and what to do', async () => {
    setup();
    const tide = (await screen.findByText('Tide pools')).closest('li')!;
    expect(within(tide).getByText('From coast.example · To Research › Page')).toBeTruthy();
    expect(within(tide).getByText('Paused: Start Anytype.')).toBeTruthy();
    const old = screen.getByText('Old list').closest('li')!;
    expect(within(old).getByText(/^Failed: its space or collection is no longer in Anytype/)).toBeTruthy();
    expect(within(old).getByRole('button', { name: 'Choose another destination for “Old list”' })).toBeTruthy();
    expect(within(tide).getByRole('link', { name: 'Open the page of “Tide pools”' }).getAttribute('href')).toBe('https://www.coast.example/tide');
  });

  it('copies and exports the clip’s Markdown', async () => {
    const world = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Copy the Markdown of “Tide pools”' }));
    await waitFor(() => expect(world.copied).toEqual([`# ${A}\n\nSmall worlds.`]));
    fireEvent.click(screen.getByRole('button', { name: 'Export “Tide pools” as Markdown' }));
    await waitFor(() => expect(world.downloads).toEqual([{ name: 'tide-pools.md', text: `# ${A}\n\nSmall worlds.` }]));
  });

  it('discards with Undo, which puts the clip back; the offer ends with its timer', async () => {
    const world = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Discard “Tide pools”' }));
    const undo = await screen.findByRole('button', { name: 'Undo discarding “Tide pools”' });
    expect(screen.queryByText('Tide pools')).toBeNull();
    fireEvent.click(undo);
    await screen.findByText('Tide pools');
    expect(world.calls.filter((c) => c.type === 'queue.undoDiscard')).toEqual([{ type: 'queue.undoDiscard', payload: { clientId: A } }]);

    fireEvent.click(screen.getByRole('button', { name: 'Discard “Tide pools”' }));
    await screen.findByRole('button', { name: 'Undo discarding “Tide pools”' });
    for (const run of world.timers) run();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo discarding “Tide pools”' })).toBeNull());
  });

  it('sends a clip whose collection is gone to the destination chosen', async () => {
    const world = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Choose another destination for “Old list”' }));
    const form = await screen.findByRole('form', { name: 'Another destination for “Old list”' });
    const space = within(form).getByLabelText('Space') as HTMLSelectElement;
    await waitFor(() => expect(space.options.length).toBe(3));
    fireEvent.change(space, { target: { value: 's2' } });
    const type = within(form).getByLabelText('Type') as HTMLSelectElement;
    await waitFor(() => expect(type.options.length).toBe(2));
    fireEvent.change(type, { target: { value: 'note' } });
    const collection = within(form).getByLabelText('Collection') as HTMLSelectElement;
    await waitFor(() => expect(collection.options.length).toBe(2));
    fireEvent.change(collection, { target: { value: 'c2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send there' }));
    await waitFor(() =>
      expect(world.calls.find((c) => c.type === 'queue.retarget')?.payload).toEqual({ clientId: B, spaceId: 's2', typeKey: 'note', collectionId: 'c2' }),
    );
    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
  });

  it('shows unreadable entries, exports them as JSON and clears them only when asked', async () => {
    const world = setup();
    fireEvent.click(await screen.findByRole('button', { name: 'Export “Broken one” as JSON' }));
    expect(JSON.parse(world.downloads[0]!.text).stored).toEqual({ payload: { name: 'Broken one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear the unreadable entries' }));
    await waitFor(() => expect(screen.queryByText('Broken one')).toBeNull());
  });

  it('shows an unreadable entry’s address and Markdown as text, exports the Markdown as stored, discards that one alone', async () => {
    const world = setup();
    const kept = (await screen.findByText('Kept text')).closest('li')!;
    expect(within(kept).getByText('https://kept.example/a')).toBeTruthy();
    expect(kept.querySelector('pre')?.textContent).toBe('# Kept text\n\n<b>not markup</b>');
    expect(kept.querySelector('b')).toBeNull();
    // An entry without text offers no Markdown file.
    expect(screen.queryByRole('button', { name: 'Export “Broken one” as Markdown' })).toBeNull();
    fireEvent.click(within(kept).getByRole('button', { name: 'Export “Kept text” as Markdown' }));
    expect(world.downloads).toEqual([{ name: 'kept-text.md', text: '# Kept text\n\n<b>not markup</b>' }]);
    expect(await screen.findByText('Exported “Kept text”.')).toBeTruthy();
    fireEvent.click(within(kept).getByRole('button', { name: 'Discard the unreadable entry “Kept text”' }));
    await waitFor(() => expect(screen.queryByText('Kept text')).toBeNull());
    expect(world.calls.find((c) => c.type === 'queue.discardQuarantined')?.payload).toEqual({ index: 1, at: 5 });
    expect(screen.getByText('Broken one')).toBeTruthy();
    expect(await screen.findByText('The unreadable entry “Kept text” was discarded.')).toBeTruthy();
  });
});

describe('the popup’s queue line', () => {
  it('counts what waits, failed or could not be read, and links to the list', async () => {
    const world = fakeBackground();
    let opened = 0;
    render(<QueueLine background={world.background} openList={() => (opened += 1)} />);
    expect(await screen.findByText('1 waiting · 1 failed · 2 unreadable')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'See the list' }));
    expect(opened).toBe(1);
  });
});
