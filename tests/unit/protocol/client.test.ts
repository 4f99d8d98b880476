// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { BackgroundError, createBackgroundClient } from '../../../lib/protocol/client';

const RESTARTING = 'Clip to Anytype is restarting. Try again in a moment.';

async function failure(promise: Promise<unknown>): Promise<BackgroundError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackgroundError);
    return error as BackgroundError;
  }
  throw new Error('expected the call to fail');
}

describe('the background client', () => {
  it('sends the type and payload, and no capability from an extension page', async () => {
    const send = vi.fn(async () => ({ ok: true, data: [{ id: 's1', name: 'Research' }] }));
    const client = createBackgroundClient(send);
    expect(await client.call('spaces.list', {})).toEqual([{ id: 's1', name: 'Research' }]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]).toStrictEqual([{ type: 'spaces.list', payload: {} }]);
  });

  it('adds the panel capability to every envelope when it has one', async () => {
    const send = vi.fn(async () => ({ ok: true, data: [] }));
    await createBackgroundClient(send, 'cap-123').call('spaces.list', {});
    expect(send.mock.calls[0]).toStrictEqual([{ type: 'spaces.list', payload: {}, capability: 'cap-123' }]);
  });

  it('passes on the code and message the background chose', async () => {
    const send = async () => ({ ok: false, code: 'not_paired', message: 'Pair first.' });
    const error = await failure(createBackgroundClient(send).call('spaces.list', {}));
    expect(error.code).toBe('not_paired');
    expect(error.message).toBe('Pair first.');
    expect(error.name).toBe('BackgroundError');
    expect(error).toBeInstanceOf(Error);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('Could not establish connection'))],
    ['answers nothing', async () => undefined],
    ['answers null', async () => null],
    ['answers a string', async () => 'ok'],
    ['answers a number', async () => 1],
  ])('says the background is restarting when sending %s', async (_what, send) => {
    const error = await failure(createBackgroundClient(send).call('spaces.list', {}));
    expect(error.code).toBe('no_background');
    expect(error.message).toBe(RESTARTING);
  });
});
