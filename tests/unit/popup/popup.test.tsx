import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/PopupApp';
import { createFakePairingWorld } from '../pairing/fakes';

afterEach(cleanup);

describe('popup pairing', () => {
  it('walks from Connect to Connected with accessible names', async () => {
    const world = createFakePairingWorld();
    render(<PopupApp deps={{ pairing: world.deps }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect' }));
    const code = await screen.findByRole('textbox', { name: 'Pairing code' });
    fireEvent.input(code, { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pair' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
    expect(screen.getByRole('status').textContent).toContain('2 spaces');
    expect(screen.getByRole('button', { name: 'Disconnect' })).toBeTruthy();
  });

  it('shows the wrong-code message as an alert and keeps the code field', async () => {
    const world = createFakePairingWorld();
    render(<PopupApp deps={{ pairing: world.deps }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Pairing code' }), { target: { value: '0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Pair' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not work/);
    expect(screen.getByRole('textbox', { name: 'Pairing code' })).toBeTruthy();
  });

  it('pairs with a pasted key', async () => {
    const world = createFakePairingWorld();
    render(<PopupApp deps={{ pairing: world.deps }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Use an API key' }));
    const input = await screen.findByLabelText('API key');
    fireEvent.input(input, { target: { value: 'key-from-settings' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Connected'));
  });

  it('renders server text as text, never as markup', async () => {
    const world = createFakePairingWorld();
    const { AnytypeError } = await import('../../../lib/anytype/errors');
    world.failChallengesWith(Object.assign(new AnytypeError('server'), { message: '<img src=x onerror=alert(1)>' }));
    const { container } = render(<PopupApp deps={{ pairing: world.deps }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('host access', () => {
  it('offers Grant access when the browser withholds 127.0.0.1, and continues once granted', async () => {
    const world = createFakePairingWorld();
    const requested: string[][] = [];
    let granted = false;
    const permissions = {
      contains: async () => granted,
      request: async ({ origins }: { origins: string[] }) => {
        requested.push(origins);
        granted = true;
        return true;
      },
    };
    render(<PopupApp deps={{ pairing: world.deps, permissions }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    expect(requested).toEqual([['http://127.0.0.1/*']]);
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
  });
});

describe('popup drawn from the snapshot', () => {
  it('shows Connected in its first render, then forgets the snapshot when the key is gone', async () => {
    const { createPopupSnapshot } = await import('../../../lib/popup/snapshot');
    const { MapStorage } = await import('./clip-form-fakes');
    const world = createFakePairingWorld({ paired: false });
    const snapshot = createPopupSnapshot(new MapStorage());
    const lastStatus = { baseUrl: 'http://127.0.0.1:31009', paired: true };
    snapshot.put({ status: lastStatus });
    render(<PopupApp deps={{ pairing: { ...world.deps, lastStatus }, snapshot }} />);
    // Before any answer: the connected view, not "Loading…".
    expect(screen.getByRole('button', { name: 'Disconnect' })).toBeTruthy();
    // The background says the key is gone (removed in Settings): the popup offers pairing and drops its guess.
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
    await waitFor(() => expect(snapshot.read()).toEqual({}));
  });
});
