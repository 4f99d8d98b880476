import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type WelcomeDeps, WelcomePage } from '../../../components/welcome/WelcomePage';
import type { ProbeAnswer } from '../../../lib/welcome/anytype-check';
import { useLocale } from '../i18n/fake-i18n';

afterEach(() => {
  cleanup();
  useLocale('en');
});

const BASE = 'http://127.0.0.1:31009';

function setup(answers: ProbeAnswer['state'][]) {
  const queue = [...answers];
  const probe = vi.fn(async (): Promise<ProbeAnswer> => ({ state: queue.shift() ?? 'found', baseUrl: BASE, paired: false }));
  let shown: (() => void) | undefined;
  const deps: WelcomeDeps = {
    probe,
    openSettings: vi.fn(),
    timers: { set: () => 0, clear: () => undefined },
    visibility: {
      visible: () => true,
      onShown: (listener) => {
        shown = listener;
        return () => {
          shown = undefined;
        };
      },
    },
  };
  const view = render(<WelcomePage deps={deps} />);
  return { deps, probe, view, show: () => shown?.() };
}

describe('the welcome page', () => {
  it('says what the extension does, how to pin and pair it, the privacy promise, under named sections', async () => {
    setup(['found']);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Clip to Anytype' })).toBeTruthy();
    for (const name of ['Anytype on this computer', 'Pin the button', 'Pair with Anytype', 'Your privacy']) {
      expect(screen.getByRole('region', { name })).toBeTruthy();
    }
    const pin = screen.getByRole('region', { name: 'Pin the button' }).textContent ?? '';
    expect(pin).toMatch(/Chrome: .*pin next to Clip to Anytype/);
    expect(pin).toMatch(/Firefox: .*Pin to Toolbar/);
    const pair = screen.getByRole('region', { name: 'Pair with Anytype' }).textContent ?? '';
    expect(pair).toMatch(/approve the request from Clip to Anytype, and choose All spaces and Read & write/);
    expect(pair).toMatch(/4-digit code/);
    expect(screen.getByRole('region', { name: 'Your privacy' }).textContent).toMatch(/only to Anytype on this computer \(127\.0\.0\.1\)/);
    expect(document.title).toBe('Welcome to Clip to Anytype');
    expect(await screen.findByText(`Anytype found at ${BASE}. Pair with it as below.`)).toBeTruthy();
  });

  it('asks the background live: "Looking", then "not running" with Try again, then found', async () => {
    const { probe } = setup(['not_running', 'found']);
    expect(screen.getByRole('status').textContent).toBe('Looking for Anytype…');
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Anytype is not running: start Anytype Desktop/));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Anytype found at ${BASE}. Pair with it as below.`));
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('looks again when the page is shown again, and offers Settings when another program answers', async () => {
    const { probe, deps, show } = setup(['not_anytype', 'not_running']);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/but it is not Anytype/));
    const settings = screen.getAllByRole('button', { name: 'Open settings' });
    expect(settings.length).toBe(2);
    fireEvent.click(settings[0]!);
    expect(deps.openSettings).toHaveBeenCalledTimes(1);
    show();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Anytype is not running/));
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it.each([
    { locale: 'de' as const, title: 'Willkommen bei Clip to Anytype', found: /^Anytype gefunden unter/ },
    { locale: 'fr' as const, title: 'Bienvenue dans Clip to Anytype', found: /^Anytype trouvé à l’adresse/ },
  ])('speaks $locale, with the page language set for screen readers', async ({ locale, title, found }) => {
    useLocale(locale);
    setup(['found']);
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(found));
    expect(document.documentElement.lang).toBe(locale);
    for (const english of ['Pin the button', 'Pair with Anytype', 'Your privacy', 'Open settings']) {
      expect(screen.queryByText(english)).toBeNull();
    }
  });
});
