// Keyboard alone: Tab reaches every control of the pairing and clip forms in reading order, and
// Enter submits them. (Kept with the i18n tests: both check the popup as people perceive it.)
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/PopupApp';
import type { BackgroundClient } from '../../../lib/protocol/client';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { createFakePairingWorld } from '../pairing/fakes';

afterEach(cleanup);

/** The accessible name of what has focus: its label, or its own text. */
function focused(): string {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return '(nothing)';
  const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
  return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
}

async function tabOrder(user: ReturnType<typeof userEvent.setup>, steps: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < steps; i++) {
    await user.tab();
    names.push(focused());
  }
  return names;
}

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    get: async (key: string) => ({ [key]: data[key] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (key: string) => void delete data[key],
  };
}

/** A background that is paired and answers the clip form; records what Save sends. */
function clipBackground(pairing: BackgroundClient, submits: unknown[]): BackgroundClient {
  const answers: Record<string, unknown> = {
    'spaces.list': [{ id: 's1', name: 'Work' }],
    'types.list': [{ id: 't-page', key: 'page', name: 'Page' }],
    'collections.list': [{ id: 'c1', name: 'Reading list' }],
    'tags.list': [],
    'templates.list': [],
    'clip.preview': { url: 'https://e.example/a', title: 'Page title', markdown: 'Hello', size: { words: 1, images: 0, inlinedImages: 0 } },
    'clip.existing': null,
    'queue.summary': { pending: 0, sending: 0, failed: 0, done: 0, quarantined: 0, paused: null },
    'queue.failed': [],
    'clip.submit': { clientId: 'x', state: 'done', spaceId: 's1', objectId: 'o1', openUrl: 'anytype://object?objectId=o1' },
  };
  return {
    async call(type, payload) {
      if (type === 'clip.submit') submits.push(payload);
      if (type in answers) return answers[type] as never;
      return pairing.call(type, payload);
    },
  };
}

describe('popup with the keyboard alone', () => {
  it('pairs with a code: Tab to Connect, Enter, type the code (the 4th digit sends it)', async () => {
    const user = userEvent.setup();
    const world = createFakePairingWorld();
    render(<PopupApp deps={{ pairing: world.deps }} />);
    await screen.findByRole('button', { name: 'Connect' });
    expect(await tabOrder(user, 2)).toEqual(['Connect', 'Use an API key']);
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    const code = await screen.findByRole('textbox', { name: 'Pairing code' });
    code.focus();
    // Pair stays disabled (out of the Tab order) until the code has its 4 digits.
    expect(await tabOrder(user, 1)).toEqual(['Cancel']);
    await user.click(code);
    await user.keyboard('123');
    code.focus();
    expect(await tabOrder(user, 1)).toEqual(['Cancel']);
    await user.click(code);
    await user.keyboard('4');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
  });

  it('saves an API key: Tab to Use an API key, Enter, paste, Enter', async () => {
    const user = userEvent.setup();
    const world = createFakePairingWorld();
    render(<PopupApp deps={{ pairing: world.deps }} />);
    await screen.findByRole('button', { name: 'Use an API key' });
    await tabOrder(user, 2);
    expect(focused()).toBe('Use an API key');
    await user.keyboard('{Enter}');
    const key = await screen.findByLabelText('API key');
    key.focus();
    expect(await tabOrder(user, 2)).toEqual(['Save key', 'Back']);
    key.focus();
    await user.keyboard('key-from-settings{Enter}');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
  });

  it('clip form: Tab reaches every field, Enter in a tag adds it, Enter in the title saves', async () => {
    const user = userEvent.setup();
    const world = createFakePairingWorld({ paired: true });
    const submits: unknown[] = [];
    const background = clipBackground(world.deps.background, submits);
    render(
      <PopupApp
        deps={{
          pairing: { ...world.deps, background },
          clip: { background, prefs: createClipPrefsStore(memoryArea()) },
          tabId: 7,
        }}
      />,
    );
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement).value).toBe('Page title'));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Save to Anytype' }) as HTMLButtonElement).disabled).toBe(false));
    const order = await tabOrder(user, 12);
    expect(order).toEqual([
      'Title',
      'Mode',
      'Space',
      'Type',
      'Collection',
      'Tags',
      'Note',
      'Show Markdown',
      'Preview',
      'Save to Anytype',
      'Disconnect',
      '(nothing)',
    ]);
    await user.click(screen.getByRole('combobox', { name: 'Tags' }));
    await user.keyboard('reading{Enter}');
    expect(screen.getByRole('button', { name: 'Remove tag reading' })).toBeTruthy();
    await user.click(screen.getByRole('textbox', { name: 'Title' }));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Saved to Work Open in Anytype'));
    expect(submits).toHaveLength(1);
    expect(submits[0]).toMatchObject({ spaceId: 's1', typeKey: 'page', tagNames: ['reading'], title: 'Page title' });
  });
});
