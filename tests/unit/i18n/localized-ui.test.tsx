import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/PopupApp';
import { createFakePairingWorld } from '../pairing/fakes';
import { useLocale } from './fake-i18n';

afterEach(() => {
  cleanup();
  useLocale('en');
});

// The same pairing walk as tests/unit/popup, found by the translated accessible names.
describe.each([
  {
    locale: 'de' as const,
    connect: 'Verbinden',
    code: 'Kopplungscode',
    pair: 'Koppeln',
    connected: 'Mit Anytype verbunden · 2 Spaces',
    disconnect: 'Trennen',
    wrongCode: /Dieser Code hat nicht funktioniert/,
  },
  {
    locale: 'fr' as const,
    connect: 'Connecter',
    code: 'Code d’association',
    pair: 'Associer',
    connected: 'Connecté à Anytype · 2 espaces',
    disconnect: 'Déconnecter',
    wrongCode: /Ce code n’a pas fonctionné/,
  },
])('popup in $locale', ({ locale, connect, code, pair, connected, disconnect, wrongCode }) => {
  it('pairs with translated names, and says a wrong code in that language', async () => {
    useLocale(locale);
    const world = createFakePairingWorld();
    render(<PopupApp deps={{ pairing: world.deps }} />);
    fireEvent.click(await screen.findByRole('button', { name: connect }));
    const field = await screen.findByRole('textbox', { name: code });
    fireEvent.input(field, { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: pair }));
    expect((await screen.findByRole('alert')).textContent).toMatch(wrongCode);
    fireEvent.input(field, { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: pair }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(connected));
    expect(screen.getByRole('button', { name: disconnect })).toBeTruthy();
    for (const english of ['Connect', 'Pair', 'Disconnect', 'Connection', 'Clip this page']) {
      expect(screen.queryByText(english)).toBeNull();
    }
  });
});
