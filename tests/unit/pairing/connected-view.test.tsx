import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectedView } from '../../../components/pairing/ConnectedView';
import { userMessage } from '../../../lib/anytype/errors';
import type { ConnectionStatus } from '../../../lib/pairing/controller';
import { keyDetail } from '../../../lib/pairing/key-detail';

afterEach(cleanup);

const BASE = { baseUrl: 'http://127.0.0.1:31009', paired: true } as const;

function draw(status: ConnectionStatus) {
  render(<ConnectedView status={status} busy={false} onDisconnect={() => {}} onReconnect={() => {}} onRecheck={() => {}} />);
}

describe('what the connection holds', () => {
  it.each([
    [{ allSpaces: true, spaceIds: [], permission: 'readwrite' as const }, 'Key: All spaces, read & write'],
    [{ allSpaces: false, spaceIds: ['a'], permission: 'read' as const }, 'Key: 1 space, read only'],
    [{ allSpaces: false, spaceIds: ['a', 'b', 'c'], permission: 'readwrite' as const }, 'Key: 3 spaces, read & write'],
  ])('grant %j reads "%s"', (grant, text) => {
    expect(keyDetail({ grant })).toBe(text);
  });

  it('says nothing when nothing is known, and the expiry when it is', () => {
    expect(keyDetail({})).toBeUndefined();
    expect(keyDetail({ grant: null })).toBeUndefined();
    expect(keyDetail({ expiresAt: Date.UTC(2027, 0, 15) })).toMatch(/^Key expires .*2027/);
    expect(keyDetail({ expiresAt: 1, expiredAt: Date.UTC(2026, 11, 7) })).toMatch(/^Key expired \(.*2026\)$/);
  });

  it('the popup shows the grant beside the connected line', () => {
    draw({ ...BASE, spaceCount: 2, grant: { allSpaces: true, spaceIds: [], permission: 'readwrite' } });
    expect(screen.getByText('Key: All spaces, read & write')).toBeTruthy();
  });

  it.each(['unauthorized', 'key_expired', 'scoped_key'] as const)('%s: the message and Connect to pair again', (kind) => {
    draw({ ...BASE, problem: { kind, message: userMessage(kind) } });
    expect(screen.getByRole('alert').textContent).toBe(userMessage(kind));
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it.each(['offline', 'rate_limited'] as const)('%s: no Connect (pairing again would not help)', (kind) => {
    draw({ ...BASE, problem: { kind, message: userMessage(kind) } });
    expect(screen.queryByRole('button', { name: 'Connect' })).toBeNull();
  });
});

describe('a connection problem comes with its action', () => {
  it.each(['offline', 'rate_limited', 'server', 'origin_rejected'] as const)('%s: a button that is the way on', (kind) => {
    let rechecked = 0;
    let opened = 0;
    render(
      <ConnectedView
        status={{ ...BASE, problem: { kind, message: userMessage(kind) } }}
        busy={false}
        onDisconnect={() => {}}
        onReconnect={() => {}}
        onRecheck={() => rechecked++}
        onSettings={() => opened++}
      />,
    );
    const name = kind === 'origin_rejected' ? 'Open settings' : 'Try again';
    screen.getByRole('button', { name }).click();
    expect([rechecked, opened]).toEqual(kind === 'origin_rejected' ? [0, 1] : [1, 0]);
  });
});
