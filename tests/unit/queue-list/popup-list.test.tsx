/**
 * The popup's queue list: waiting and failed clips with title, site, why and when they are tried
 * again; Retry now, Open the page, Copy as Markdown and Discard with Undo; a gone space named.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupQueueList } from '../../../components/queue/PopupQueueList';
import type { BackgroundClient } from '../../../lib/protocol/client';
import type { MessageOutput } from '../../../lib/protocol/messages';
import { POPUP_LIST_LIMIT } from '../../../lib/queue-list/popup-list';
import { namesFrom } from '../../../lib/queue-list/view-model';

afterEach(cleanup);

type Entry = MessageOutput<'queue.list'>['entries'][number];
const id = (n: number) => `6f1d2c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const names = namesFrom({ spaces: [{ id: 's1', name: 'Research' }], bySpace: { s1: { types: [{ key: 'page', name: 'Page' }], collections: [] } } });

function world(entries: Entry[]) {
  const calls: { type: string; payload: unknown }[] = [];
  const trash = new Map<string, Entry>();
  const background: BackgroundClient = {
    async call(type, payload) {
      calls.push({ type, payload });
      const clientId = (payload as { clientId?: string }).clientId ?? '';
      if (type === 'queue.list') return { entries, paused: false, quarantined: [] } as never;
      if (type === 'queue.clip') return { name: 'x', sourceUrl: '', markdown: `# ${clientId}` } as never;
      if (type === 'queue.retry') entries = entries.map((e) => (e.clientId === clientId ? { ...e, status: 'pending', errorKind: undefined } : e));
      if (type === 'queue.discard') {
        trash.set(clientId, entries.find((e) => e.clientId === clientId) as Entry);
        entries = entries.filter((e) => e.clientId !== clientId);
      }
      if (type === 'queue.undoDiscard') entries = [...entries, trash.get(clientId) as Entry];
      return { pending: 0, failed: 0, paused: false } as never;
    },
  };
  const copied: string[] = [];
  const timers: (() => void)[] = [];
  const deps = {
    background,
    copyText: async (text: string) => void copied.push(text),
    timers: { set: (run: () => void) => timers.push(run), clear: () => undefined },
  };
  return { deps, calls, copied, timers };
}

const failed: Entry = {
  clientId: id(1),
  name: 'Refused clip',
  sourceUrl: 'https://www.refused.example/a',
  createdAt: 1,
  status: 'failed',
  spaceId: 's1',
  typeKey: 'page',
  errorKind: 'bad_request',
  message: 'invalid object',
};
const waiting: Entry = { ...failed, clientId: id(2), name: 'Later clip', sourceUrl: 'https://later.example/', status: 'pending', errorKind: undefined, message: undefined, nextAttemptAt: Date.now() + 150_000 };

describe('the popup’s queue list', () => {
  it('lists each clip with its site, why and when it is tried again, and only the quick actions', async () => {
    const w = world([failed, waiting]);
    render(<PopupQueueList deps={w.deps} names={names} />);
    const refused = (await screen.findByText('Refused clip')).closest('li') as HTMLElement;
    expect(within(refused).getByText(/^From refused\.example/)).toBeTruthy();
    expect(within(refused).getByText(/^Failed: Anytype refused this clip/)).toBeTruthy();
    expect(within(refused).getByText('No more tries until you choose Retry now.')).toBeTruthy();
    expect(within(refused).getByText('Anytype said: invalid object')).toBeTruthy();
    const later = screen.getByText('Later clip').closest('li') as HTMLElement;
    expect(within(later).getByText(/^Next try in 3 min\.$/)).toBeTruthy();
    expect(within(later).getByRole('link', { name: 'Open the page of “Later clip”' }).getAttribute('href')).toBe('https://later.example/');
    // Export and another destination are the options page's.
    expect(screen.queryByRole('button', { name: /^Export/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Choose another destination/ })).toBeNull();
  });

  it('Retry now sends the clip again; Copy gives its Markdown; Discard can be undone', async () => {
    const w = world([failed, waiting]);
    render(<PopupQueueList deps={w.deps} names={names} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry “Refused clip” now' }));
    await waitFor(() => expect(w.calls.some((c) => c.type === 'queue.retry')).toBe(true));
    expect(await screen.findByText('Sending “Refused clip” again.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the Markdown of “Later clip”' }));
    await waitFor(() => expect(w.copied).toEqual([`# ${id(2)}`]));
    fireEvent.click(screen.getByRole('button', { name: 'Discard “Later clip”' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo discarding “Later clip”' }));
    expect(await screen.findByText('“Later clip” is back in the queue.')).toBeTruthy();
    expect(screen.getByText('Later clip')).toBeTruthy();
  });

  it('shows the first few and says how many more the list holds', async () => {
    const many = Array.from({ length: POPUP_LIST_LIMIT + 2 }, (_, i) => ({ ...waiting, clientId: id(10 + i), name: `Clip ${i}` }));
    render(<PopupQueueList deps={world(many).deps} names={names} />);
    expect(await screen.findByText('and 2 more in the list')).toBeTruthy();
    expect(document.querySelectorAll('.queue-entry')).toHaveLength(POPUP_LIST_LIMIT);
  });

  it('names a space that is gone, in the words the popup’s lists give', async () => {
    const gone: Entry = { ...failed, errorKind: 'not_found', message: 'could not find that item' };
    const w = world([gone]);
    render(
      <PopupQueueList
        deps={w.deps}
        names={names}
        explain={async (list) => list.map((clip) => ({ ...clip, message: 'The space “Research” is no longer in Anytype.' }))}
      />,
    );
    expect(await screen.findByText('Anytype said: The space “Research” is no longer in Anytype.')).toBeTruthy();
  });

  it('shows nothing when nothing waits', async () => {
    const w = world([]);
    const { container } = render(<PopupQueueList deps={w.deps} names={names} />);
    await waitFor(() => expect(w.calls.some((c) => c.type === 'queue.list')).toBe(true));
    expect(container.textContent).toBe('');
  });
});
