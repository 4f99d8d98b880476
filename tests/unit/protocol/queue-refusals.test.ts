// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { MESSAGE_TYPES } from '../../../lib/protocol/messages';
import { createRouter, type Handlers, ProtocolFailure } from '../../../lib/protocol/router';
import { isQueueError, QUEUE_ANSWER_CODES, type QueueErrorCode } from '../../../lib/queue';
import { clip, makeWorld, openQueue } from '../queue/fakes';
import { VALID_PAYLOADS } from './boundary-fixtures';

const self = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

/** Each refusal as the real queue raises it, not a hand-made error. */
async function refusals(): Promise<Record<QueueErrorCode, unknown>> {
  const world = makeWorld({ limits: { maxOpenJobs: 2, maxMarkdownBytes: 100 } });
  const queue = openQueue(world);
  const caught = async (call: () => Promise<unknown>) => call().then(() => undefined, (error: unknown) => error);
  const tooLarge = await caught(() => queue.enqueue({ ...clip(9), payload: { ...clip(9).payload, markdown: 'x'.repeat(500) } }));
  const invalid = await caught(() => queue.enqueue({ ...clip(8), sourceUrl: 42 as unknown as string }));
  const done = await queue.enqueue(clip(1));
  await queue.process();
  const busy = await caught(() => queue.retry(done.clientId));
  await queue.enqueue(clip(2));
  await queue.enqueue(clip(3));
  const full = await caught(() => queue.enqueue(clip(4)));
  const notFound = await caught(() => queue.retry('5b0c3a44-9d0e-4c55-8f3e-2a1b6c7d8e9f'));
  const refusing = makeWorld();
  refusing.store.faults = ['reject'];
  const notKept = await caught(() => openQueue(refusing).enqueue(clip(5)));
  return { too_large: tooLarge, invalid, busy, queue_full: full, not_found: notFound, not_kept: notKept };
}

describe('router: queue refusals reach the person with their own code and words', () => {
  it('maps every QueueError code, never to "internal"', async () => {
    const errors = await refusals();
    for (const [code, error] of Object.entries(errors) as [QueueErrorCode, unknown][]) {
      expect(isQueueError(error) && error.code).toBe(code);
      const handlers: Record<string, unknown> = {};
      for (const type of MESSAGE_TYPES) {
        handlers[type] = vi.fn(async () => {
          throw new ProtocolFailure('test_refusal', 'not this one');
        });
      }
      handlers['queue.retry'] = async () => {
        throw error;
      };
      const router = createRouter({ self, handlers: handlers as unknown as Handlers });
      const answer = await router({ type: 'queue.retry', payload: VALID_PAYLOADS['queue.retry'] }, popup);
      expect(answer).toEqual({ ok: false, code: QUEUE_ANSWER_CODES[code], message: (error as Error).message });
      expect(answer).not.toMatchObject({ code: 'internal' });
    }
    // Each refusal is told apart by the popup; none reads as an Anytype error kind.
    expect(new Set(Object.values(QUEUE_ANSWER_CODES)).size).toBe(Object.keys(QUEUE_ANSWER_CODES).length);
    expect(Object.values(QUEUE_ANSWER_CODES)).not.toContain('not_found');
  });

  it('says how many clips wait and where to see them when the queue is full, and to select part of a page too large', async () => {
    const errors = await refusals();
    expect((errors.queue_full as Error).message).toMatch(/^2 clips are already waiting.*Clips not yet in Anytype/);
    expect((errors.too_large as Error).message).toMatch(/selection/);
  });
});
