import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedPanel } from '../../../components/panel/SavedPanel';
import type { BackgroundClient } from '../../../lib/protocol/client';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const chosenTags = () =>
  screen.queryByRole('list', { name: 'Chosen tags' }) ? screen.getAllByRole('listitem').map((item) => item.querySelector('.tag-name')?.textContent) : [];

const init = {
  heading: 'Saved to Research · Page',
  spaceId: 'space1',
  openUrl: 'anytype://object?objectId=o1&spaceId=space1',
  tagNames: ['later'],
};

function fakeBackground(initialTags: string[] = init.tagNames) {
  const calls: { type: string; payload: unknown }[] = [];
  let tags = [...initialTags];
  const background: BackgroundClient = {
    async call(type, payload) {
      calls.push({ type, payload });
      if (type === 'collections.list') return [{ id: 'c1', name: 'Reading <b>list</b>' }] as never;
      if (type === 'clip.amend') {
        const change = payload as { tagNames?: string[]; removeTagNames?: string[] };
        tags = [...tags, ...(change.tagNames ?? [])].filter((name) => !change.removeTagNames?.includes(name));
        return { tagNames: tags } as never;
      }
      throw new Error(type);
    },
  };
  return { background, calls };
}

describe('in-page saved panel', () => {
  it('is a region named "Saved to Anytype" that says where the clip went and links to it', async () => {
    const { background } = fakeBackground();
    render(<SavedPanel init={init} background={background} onClose={() => {}} />);
    const region = screen.getByRole('region', { name: 'Saved to Anytype' });
    expect(region.textContent).toContain('Saved to Research · Page');
    expect(screen.getByRole('link', { name: 'Open in Anytype' }).getAttribute('href')).toBe(init.openUrl);
    // Names from Anytype are text, not markup.
    expect(await screen.findByRole('option', { name: 'Reading <b>list</b>' })).toBeTruthy();
  });

  it('adds a tag and picks a collection through the typed protocol', async () => {
    const { background, calls } = fakeBackground();
    render(<SavedPanel init={init} background={background} onClose={() => {}} />);
    fireEvent.input(screen.getByLabelText('Tags'), { target: { value: 'ai' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(chosenTags()).toEqual(['later', 'ai']));
    await screen.findByRole('option', { name: 'Reading <b>list</b>' });
    fireEvent.change(screen.getByLabelText('Collection'), { target: { value: 'c1' } });
    await waitFor(() => expect(calls.filter((c) => c.type === 'clip.amend')).toHaveLength(2));
    expect(calls.filter((c) => c.type === 'clip.amend').map((c) => c.payload)).toEqual([
      { tagNames: ['ai'] },
      { collectionId: 'c1' },
    ]);
  });

  it('closes itself when left alone', async () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    render(<SavedPanel init={init} background={fakeBackground().background} onClose={onClose} idleMs={1000} />);
    vi.advanceTimersByTime(1200);
    expect(onClose).toHaveBeenCalled();
  });

  it('stays while the person is in it: focus, pointer or a half-typed tag, each alone; closes once they move away', () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    render(<SavedPanel init={init} background={fakeBackground().background} onClose={onClose} idleMs={1000} />);
    const region = screen.getByRole('region', { name: 'Saved to Anytype' });
    const field = screen.getByLabelText('Tags');
    // Pointer in, focus in the field, pointer out: still editing.
    fireEvent.pointerEnter(region);
    fireEvent.focusIn(field);
    fireEvent.pointerLeave(region);
    vi.advanceTimersByTime(5000);
    expect(onClose).not.toHaveBeenCalled();
    // Focus moving to the panel's own button is not leaving.
    fireEvent.focusOut(field, { relatedTarget: screen.getByRole('button', { name: 'Add tag' }) });
    vi.advanceTimersByTime(5000);
    expect(onClose).not.toHaveBeenCalled();
    // Focus gone but a tag half typed: it waits for the person.
    fireEvent.input(field, { target: { value: 'half' } });
    fireEvent.focusOut(field, { relatedTarget: null });
    vi.advanceTimersByTime(5000);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: '' } });
    vi.advanceTimersByTime(1200);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape, from inside the panel or from the page', () => {
    for (const from of ['field', 'page'] as const) {
      const onClose = vi.fn();
      render(<SavedPanel init={init} background={fakeBackground().background} onClose={onClose} />);
      fireEvent.keyDown(from === 'field' ? screen.getByLabelText('Tags') : document.body, { key: 'Escape' });
      fireEvent.keyDown(document.body, { key: 'Enter' });
      expect(onClose, from).toHaveBeenCalledTimes(1);
      cleanup();
    }
  });

  it('removes a tag through the typed protocol', async () => {
    const { background, calls } = fakeBackground(['later', 'ai']);
    render(<SavedPanel init={{ ...init, tagNames: ['later', 'ai'] }} background={background} onClose={() => {}} />);
    expect(chosenTags()).toEqual(['later', 'ai']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag later' }));
    await waitFor(() => expect(chosenTags()).toEqual(['ai']));
    expect(calls.filter((c) => c.type === 'clip.amend').map((c) => c.payload)).toEqual([{ removeTagNames: ['later'] }]);
  });

  it('keeps a long heading whole for reading (its title) and its buttons on one line', () => {
    const heading = `Saved to ${'A very long space name '.repeat(8)}· Page`;
    render(<SavedPanel init={{ ...init, heading }} background={fakeBackground().background} onClose={() => {}} />);
    expect(screen.getByText(heading).getAttribute('title')).toBe(heading);
  });
});
