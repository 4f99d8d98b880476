// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { explainFailed } from '../../../lib/popup/failed-view';

const known = {
  spaces: [
    { id: 's1', name: 'Work' },
    { id: 's2', name: 'Research' },
  ],
  bySpace: { s1: { types: [], collections: [{ id: 'c1', name: 'Reading list' }], tags: [] } },
};
const clip = (over: Record<string, unknown>) => ({
  clientId: '6f1d2c1e-0000-4000-8000-000000000001',
  name: 'A story',
  sourceUrl: 'https://a.example/',
  message: 'Anytype could not find that item. It may have been deleted; refresh and try again.',
  ...over,
});

describe('a failed clip whose target is gone', () => {
  const now = { spaces: async () => [{ id: 's1', name: 'Work' }], collections: async () => [{ id: 'c7', name: 'Other' }] };

  it('names the space that is no longer in Anytype', async () => {
    const [gone] = await explainFailed([clip({ spaceId: 's2' })], known, now);
    expect(gone?.message).toMatch(/^The space “Research” is no longer in Anytype/);
  });

  it('names the collection that is no longer in its space', async () => {
    const [gone] = await explainFailed([clip({ spaceId: 's1', collectionId: 'c1' })], known, now);
    expect(gone?.message).toMatch(/^The collection “Reading list” is no longer in “Work”/);
  });

  it('says so without a name it never saw, and leaves clips whose target is there as Anytype said', async () => {
    const [unnamed, there] = await explainFailed(
      [clip({ spaceId: 'sX' }), clip({ spaceId: 's1', collectionId: 'c7', message: 'Anytype did not accept what was sent.' })],
      known,
      now,
    );
    expect(unnamed?.message).toMatch(/^The space this clip was for is no longer in Anytype/);
    expect(there?.message).toBe('Anytype did not accept what was sent.');
  });

  it('keeps Anytype’s words when Anytype cannot say what it has', async () => {
    const down = { spaces: async () => Promise.reject(new Error('offline')), collections: async () => [] };
    const list = [clip({ spaceId: 's2' })];
    expect(await explainFailed(list, known, down)).toEqual(list);
  });
});
