import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedPanel } from '../../../components/panel/SavedPanel';
import type { BackgroundClient } from '../../../lib/protocol/client';

afterEach(cleanup);

const init = {
  heading: 'Saved to Research · Page',
  spaceId: 'space1',
  openUrl: 'anytype://object?objectId=o1&spaceId=space1',
  tagNames: ['later'],
};

function fakeBackground() {
  const calls: { type: string; payload: unknown }[] = [];
  const background: BackgroundClient = {
    async call(type, payload) {
      calls.push({ type, payload });
      if (type === 'collections.list') return [{ id: 'c1', name: 'Reading <b>list</b>' }] as never;
      if (type === 'clip.amend') {
        const tagNames = (payload as { tagNames?: string[] }).tagNames ?? [];
        return { tagNames: ['later', ...tagNames] } as never;
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
    await waitFor(() => expect(screen.getByText('later · ai')).toBeTruthy());
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
    vi.useRealTimers();
  });
});
