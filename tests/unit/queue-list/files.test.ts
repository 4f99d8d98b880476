/**
 * Export keeps everything: a quarantined entry's file holds the stored entry exactly as it was
 * (whatever it was), and a clip's file is its Markdown as it was to be sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readQuarantined } from '../../../lib/queue';
import { fileNameFor, markdownFile, QUARANTINE_FILE_FORMAT, quarantineFile } from '../../../lib/queue-list/files';
import { createUndoShelf, UNDO_OFFER_MS } from '../../../lib/queue-list/undo-shelf';
import { DEFAULT_LIMITS } from '../../../lib/queue/policy';

describe('quarantine export', () => {
  it('round-trips the stored entry, whatever it holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), fc.nat({ max: 4_102_444_800_000 }), (raw, reason, at) => {
        const file = quarantineFile(readQuarantined({ raw, reason, at }));
        const back = JSON.parse(file.text);
        expect(back.format).toBe(QUARANTINE_FILE_FORMAT);
        expect(back.reason).toBe(reason);
        expect(back.stored).toEqual(JSON.parse(JSON.stringify(raw)));
        expect(file.name).toMatch(/^[\p{L}\p{N}-]+\.json$/u);
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('keeps a stored clip’s title and text readable in the file', () => {
    const raw = { clientId: 'x', payload: { name: 'Tide pools', markdown: '# Tide pools\n\nSmall worlds.' }, sourceUrl: 'https://a.example/' };
    const file = quarantineFile(readQuarantined({ raw, reason: 'invalid clip: status', at: 0 }));
    expect(JSON.parse(file.text).stored).toEqual(raw);
    expect(file.name).toBe('set-aside-tide-pools.json');
  });
});

describe('markdown export', () => {
  it('is the clip’s Markdown exactly, under a file name that is never a path', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, markdown) => {
        const file = markdownFile({ name, markdown });
        expect(file.text).toBe(markdown);
        expect(file.name).toMatch(/^[\p{L}\p{N}-]+\.md$/u);
        expect(file.name).not.toContain('/');
      }),
      { seed: 3, numRuns: 300 },
    );
    expect(fileNameFor('Ça va? ../../etc', 'md')).toBe('ca-va-etc.md');
    expect(fileNameFor('', 'md')).toBe('clip.md');
  });
});

describe('undo shelf', () => {
  function fakeTimers() {
    let next = 0;
    const pending = new Map<number, { run: () => void; at: number }>();
    let now = 0;
    return {
      timers: {
        set: (run: () => void, ms: number) => {
          next += 1;
          pending.set(next, { run, at: now + ms });
          return next;
        },
        clear: (handle: unknown) => void pending.delete(handle as number),
      },
      advance(ms: number) {
        now += ms;
        for (const [id, t] of [...pending]) if (t.at <= now) {
          pending.delete(id);
          t.run();
        }
      },
    };
  }

  it('offers each discarded clip for its few seconds, and Undo takes it off at once', () => {
    const clock = fakeTimers();
    const seen: string[][] = [];
    const shelf = createUndoShelf(clock.timers, (items) => seen.push(items.map((i) => i.clientId)), 8_000);
    shelf.put({ clientId: 'a', title: 'A' });
    clock.advance(3_000);
    shelf.put({ clientId: 'b', title: 'B' });
    expect(shelf.items().map((i) => i.clientId)).toEqual(['a', 'b']);
    clock.advance(5_000);
    expect(shelf.items().map((i) => i.clientId)).toEqual(['b']);
    expect(shelf.take('b')).toBe(true);
    expect(shelf.take('b')).toBe(false);
    clock.advance(60_000);
    expect(seen.at(-1)).toEqual([]);
  });
});

describe('the undo offer and the background agree', () => {
  it('the page never offers Undo for longer than the background keeps a discarded clip', () => {
    expect(UNDO_OFFER_MS).toBeLessThan(DEFAULT_LIMITS.undoDiscardMs);
  });
});
