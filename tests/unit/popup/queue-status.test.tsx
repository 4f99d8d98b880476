import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueStatus } from '../../../components/queue/QueueStatus';
import type { BackgroundClient } from '../../../lib/protocol/client';
import { waitingLine } from '../../../lib/popup/queue-view';

afterEach(cleanup);

describe('queue in the popup', () => {
  it.each([
    [{ pending: 0, failed: 0, paused: false }, undefined],
    [{ pending: 2, failed: 0, paused: false, waitingReason: 'offline' as const }, /^2 clips waiting: Anytype is not running/],
    [{ pending: 1, failed: 0, paused: true }, /^1 clip waiting: .*Pair again/],
    [{ pending: 3, failed: 0, paused: false }, /^3 clips waiting; sending now/],
  ])('says %o', (summary, expected) => {
    const line = waitingLine(summary);
    if (expected === undefined) expect(line).toBeUndefined();
    else expect(line).toMatch(expected);
  });

  it('lists failed clips with Retry and Discard', async () => {
    let failed = [{ clientId: '6f1d2c1e-0000-4000-8000-000000000001', name: 'A story', sourceUrl: 'https://a.example/', message: 'Anytype did not accept this clip.' }];
    const calls: string[] = [];
    const background: BackgroundClient = {
      async call(type) {
        calls.push(type);
        if (type === 'queue.failed') return failed as never;
        if (type === 'queue.discard') failed = [];
        return { pending: 0, failed: failed.length, paused: false } as never;
      },
    };
    render(<QueueStatus background={background} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard “A story”' }));
    await waitFor(() => expect(screen.queryByText('A story')).toBeNull());
    expect(calls).toContain('queue.discard');
  });
});
