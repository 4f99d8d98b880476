import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClipForm } from '../../../components/clip/ClipForm';
import { blankClipFormState, type ClipFormController, type ClipFormState } from '../../../lib/popup/clip-form';
import { POPUP_MARKS } from '../../../lib/popup/timing-marks';

const controller = {} as ClipFormController; // nothing is clicked here

function formState(change: Partial<ClipFormState>): ClipFormState {
  return { ...blankClipFormState(), loading: false, spaces: [{ id: 'space-1', name: 'Personal' }], ...change };
}

const ready = { spaceId: 'space-1', types: [{ id: 't1', key: 'page', name: 'Page' }], typeKey: 'page' };

const marks = () => performance.getEntriesByName(POPUP_MARKS.saveUsable, 'mark');

beforeEach(() => performance.clearMarks(POPUP_MARKS.saveUsable));
afterEach(cleanup);

describe('the popup-save-usable mark (what the bench times the toolbar popup by)', () => {
  it('is left when Save is first enabled, not before, and only once', async () => {
    const settled = () => new Promise<void>((resolve) => queueMicrotask(resolve));
    const { rerender } = render(<ClipForm state={formState({ loading: true })} controller={controller} />);
    const save = screen.getByRole('button', { name: 'Save to Anytype' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    rerender(<ClipForm state={formState({ loading: false })} controller={controller} />);
    await settled();
    expect(marks()).toHaveLength(0); // no space chosen yet: Save stays disabled
    rerender(<ClipForm state={formState({ spaceId: 'space-1' })} controller={controller} />);
    await settled();
    expect(marks()).toHaveLength(0); // no type yet: Save stays disabled
    rerender(<ClipForm state={formState(ready)} controller={controller} />);
    expect((save as HTMLButtonElement).disabled).toBe(false);
    expect(marks()).toHaveLength(0); // the task that drew it has not finished yet
    await settled();
    expect(marks()).toHaveLength(1);
    const first = marks()[0]!.startTime;
    rerender(<ClipForm state={formState({ ...ready, saving: true })} controller={controller} />);
    rerender(<ClipForm state={formState(ready)} controller={controller} />);
    await settled();
    expect(marks().map((m) => m.startTime)).toEqual([first]);
  });
});
