// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQuarantined } from '../../../lib/queue';
import { clip, makeWorld, openQueue } from './fakes';

const good = {
  clientId: '5b0c3a44-9d0e-4c55-8f3e-2a1b6c7d8e91',
  createdAt: 1_700_000_000_000,
  ...clip(1),
  status: 'pending',
  attempts: 0,
};

describe('quarantined entries, as the options page lists and exports them', () => {
  it('reads the title, address and text of a job that failed validation, and keeps all of it as JSON', async () => {
    const broken = { ...good, clientId: 'not-a-uuid', payload: { ...good.payload, name: 'Kept title', markdown: '# Kept text' } };
    const world = makeWorld({ initial: { version: 1, jobs: [good, broken, 'garbage'], quarantine: [], paused: null, hold: null } });
    const queue = openQueue(world);
    const listed = (await queue.quarantined()).map(readQuarantined);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ title: 'Kept title', address: good.sourceUrl, markdown: '# Kept text' });
    expect(JSON.parse(listed[0]?.raw ?? '')).toEqual(broken);
    expect(listed[1]).toEqual({ reason: expect.any(String), at: expect.any(Number), raw: '"garbage"' });
    expect((await queue.summary()).pending).toBe(1);
    await queue.clearQuarantine();
    expect(await openQueue(world).quarantined()).toEqual([]);
  });

  it('takes only text from whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const read = readQuarantined({ raw, reason: 'r', at: 1 });
        for (const key of ['title', 'address', 'markdown'] as const) {
          if (key in read) expect(typeof read[key]).toBe('string');
        }
        expect(typeof read.raw).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('discarding one quarantined entry', () => {
  it('removes the entry named by its place and time, keeps the others, and refuses a stale name', async () => {
    const entries = [
      { raw: 'first', reason: 'r', at: 10 },
      { raw: 'second', reason: 'r', at: 20 },
      { raw: 'third', reason: 'r', at: 20 },
    ];
    const world = makeWorld({ initial: { version: 1, jobs: [good], quarantine: entries, paused: null, hold: null } });
    const queue = openQueue(world);
    await expect(queue.discardQuarantined(1, 10)).rejects.toMatchObject({ code: 'not_found' });
    await expect(queue.discardQuarantined(3, 20)).rejects.toMatchObject({ code: 'not_found' });
    await queue.discardQuarantined(1, 20);
    expect((await openQueue(world).quarantined()).map((e) => e.raw)).toEqual(['first', 'third']);
    expect((await openQueue(world).summary()).pending).toBe(1);
  });
});
