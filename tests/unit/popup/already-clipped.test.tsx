import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipForm } from '../../../components/clip/ClipForm';
import { blankClipFormState, type ClipFormController, type ClipFormState } from '../../../lib/popup/clip-form';
import { useLocale } from '../i18n/fake-i18n';

// "Already clipped" sits right above Save, in the Save bar that stays in reach, and Save reads
// "Save again": a second object of the same page is made on purpose, never by habit.
afterEach(() => {
  cleanup();
  useLocale('en');
});

const READY: ClipFormState = {
  ...blankClipFormState(),
  loading: false,
  spaces: [{ id: 's1', name: 'Work' }],
  spaceId: 's1',
  types: [{ id: 't1', key: 'page', name: 'Page' }],
  typeKey: 'page',
  title: 'Tide pools',
};

function draw(state: ClipFormState) {
  const save = vi.fn(async () => {});
  const controller = new Proxy({ save }, { get: (target, name) => (name === 'save' ? target.save : () => {}) }) as unknown as ClipFormController;
  const view = render(<ClipForm state={state} controller={controller} />);
  return { save, view };
}

const existing = (name: string) => ({ objectId: 'o1', name, openUrl: 'anytype://object?objectId=o1&spaceId=s1' });

describe('a page already in the space', () => {
  it('has its notice and Open link directly above Save, and Save reads "Save again" (any stored name, shown as text)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (name) => {
        const { save, view } = draw({ ...READY, existing: existing(name) });
        const button = screen.getByRole('button', { name: 'Save again' });
        expect(screen.queryByRole('button', { name: 'Save to Anytype' })).toBeNull();
        const link = screen.getByRole('link', { name: 'Open the existing clip' });
        const notice = link.closest('p')!;
        expect(notice.textContent).toContain(`Already clipped to this space as “${name}”.`);
        // The page's own name is text, never markup.
        expect(notice.querySelectorAll('*')).toHaveLength(1);
        // In the Save bar, and right before the row Save is in: nothing else between them.
        const bar = button.closest('.save-bar');
        expect(bar).not.toBeNull();
        expect(bar!.contains(notice)).toBe(true);
        expect(notice.nextElementSibling?.contains(button)).toBe(true);
        expect(notice.nextElementSibling?.querySelector('input, select, textarea, a')).toBeNull();
        // The Save bar is the form's last part (it sticks to the popup's bottom): the notice is no longer in the form's middle.
        expect(view.container.querySelector('form')!.lastElementChild).toBe(bar);
        // A screen reader hears why the button says "again".
        const described = (button.getAttribute('aria-describedby') ?? '').split(' ');
        expect(described.map((id) => document.getElementById(id))).toContain(notice);
        expect(link.getAttribute('href')).toBe('anytype://object?objectId=o1&spaceId=s1');
        // Pressing it still saves: the second object is the person's choice.
        fireEvent.click(button);
        expect(save).toHaveBeenCalledTimes(1);
        cleanup();
      }),
      { seed: 222, numRuns: 25 },
    );
  });

  it('a page not in the space (or not yet known) has no notice and Save reads "Save to Anytype"', () => {
    for (const state of [{ ...READY, existing: null }, { ...READY, existing: undefined }]) {
      draw(state);
      expect(screen.getByRole('button', { name: 'Save to Anytype' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Save again' })).toBeNull();
      expect(screen.queryByRole('link', { name: 'Open the existing clip' })).toBeNull();
      cleanup();
    }
  });

  it('while saving the button says so, and a failed Save keeps "Save again" with the notice', () => {
    draw({ ...READY, existing: existing('Tide pools'), saving: true });
    expect(screen.getByRole('button', { name: 'Saving…' })).toBeTruthy();
    cleanup();
    draw({ ...READY, existing: existing('Tide pools'), error: 'Anytype reported an internal error.', errorFrom: 'save' });
    const bar = screen.getByRole('button', { name: 'Save again' }).closest('.save-bar') as HTMLElement;
    expect(within(bar).getByRole('link', { name: 'Open the existing clip' })).toBeTruthy();
  });

  it.each([
    ['de', 'Erneut speichern', 'Vorhandenen Clip öffnen'],
    ['fr', 'Enregistrer à nouveau', 'Ouvrir la capture existante'],
  ] as const)('in %s too', (locale, again, open) => {
    useLocale(locale);
    draw({ ...READY, existing: existing('Gezeiten') });
    const bar = screen.getByRole('button', { name: again }).closest('.save-bar') as HTMLElement;
    expect(within(bar).getByRole('link', { name: open })).toBeTruthy();
  });
});
