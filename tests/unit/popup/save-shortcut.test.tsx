import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipForm } from '../../../components/clip/ClipForm';
import { blankClipFormState, type ClipFormController, type ClipFormState } from '../../../lib/popup/clip-form';

afterEach(cleanup);

const READY: ClipFormState = {
  ...blankClipFormState(),
  loading: false,
  spaces: [{ id: 's1', name: 'Work' }],
  spaceId: 's1',
  types: [{ id: 't1', key: 'page', name: 'Page' }],
  typeKey: 'page',
};

function draw(state: ClipFormState) {
  const save = vi.fn(async () => {});
  const controller = new Proxy({ save }, { get: (target, name) => (name === 'save' ? target.save : () => {}) }) as unknown as ClipFormController;
  render(<ClipForm state={state} controller={controller} />);
  return save;
}

describe('Ctrl/Cmd+Enter saves from any field', () => {
  it.each([
    ['Title', 'textbox'],
    ['Note', 'textbox'],
    ['Tags', 'combobox'],
    ['Space', 'combobox'],
  ] as const)('from %s, with Ctrl or Cmd; plain Enter in the note does not', (name, role) => {
    const save = draw(READY);
    const field = screen.getByRole(role, { name });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    fireEvent.keyDown(field, { key: 'Enter', metaKey: true });
    expect(save).toHaveBeenCalledTimes(2);
    if (name === 'Note') {
      fireEvent.keyDown(field, { key: 'Enter' });
      expect(save).toHaveBeenCalledTimes(2);
    }
  });

  it('does nothing while Save is disabled (the reason stays beside it)', () => {
    const save = draw({ ...READY, typeKey: undefined });
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), { key: 'Enter', ctrlKey: true });
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByText('Choose a type first.')).toBeTruthy();
  });
});
