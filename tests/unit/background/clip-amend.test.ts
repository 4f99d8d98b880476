// @vitest-environment node
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { createClipAmender } from '../../../lib/background/clip-amend';
import { createRecentClips } from '../../../lib/background/recent-clips';
import { messages as MESSAGES } from '../../../lib/protocol/messages';
import { tagKey } from '../../../lib/settings/tag-names';

function session() {
  const data = new Map<string, unknown>();
  return {
    async get(key: string) {
      return data.has(key) ? { [key]: data.get(key) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [k, value] of Object.entries(items)) data.set(k, structuredClone(value));
    },
    async remove(key: string) {
      data.delete(key);
    },
  };
}

/** A space with a tag property: the object's tag ids as the last update set them. */
function fakeClient() {
  const tags = new Map<string, string>();
  const object = { tagIds: [] as string[] };
  const client = {
    properties: { list: async () => [{ id: 'p-tag', key: 'tag' }] },
    tags: {
      list: async () => [...tags].map(([id, name]) => ({ id, name })),
      create: async (_s: string, _p: string, { name }: { name: string }) => {
        const id = `t${tags.size}`;
        tags.set(id, name);
        return { id, name };
      },
    },
    objects: {
      update: async (_s: string, _o: string, body: { properties: { multi_select: string[] }[] }) => {
        object.tagIds = body.properties[0]!.multi_select;
      },
    },
    lists: { addObjects: async () => {} },
  };
  const namesOnObject = () => object.tagIds.map((id) => tags.get(id));
  return { client: client as unknown as AnytypeClient, namesOnObject };
}

const tagName = fc.constantFrom('later', 'Later', 'ai', 'News', ' news ', 'read', 'é');
const step = fc.oneof(
  fc.record({ tagNames: fc.array(tagName, { minLength: 1, maxLength: 3 }) }),
  fc.record({ removeTagNames: fc.array(tagName, { minLength: 1, maxLength: 2 }) }),
);

describe('amending a clip from the panel', () => {
  it('adds and removes tags: the object and the panel end with what a plain list model says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        const { client, namesOnObject } = fakeClient();
        const recent = createRecentClips(session());
        await recent.set(7, { spaceId: 's1', objectId: 'o1', tagNames: ['later'] });
        const amend = createClipAmender({ client: async () => client, recent });
        let model = ['later'];
        for (const raw of steps) {
          const input = v.parse(MESSAGES['clip.amend'].input, raw);
          const answer = await amend(7, input);
          const added = (input.tagNames ?? []).filter((n) => !model.some((m) => tagKey(m) === tagKey(n)));
          const removed = new Set((input.removeTagNames ?? []).map(tagKey));
          model = [...model, ...added].filter((n) => !removed.has(tagKey(n)));
          expect(answer.tagNames).toEqual(model);
          // Anytype's tag of the same name (any case) is reused, so the object's spelling may be the first one made.
          expect(namesOnObject().map((n) => tagKey(n ?? ''))).toEqual(model.map(tagKey));
          expect((await recent.get(7))?.tagNames).toEqual(model);
        }
      }),
      { seed: 22_7, numRuns: 150 },
    );
  });

  it('refuses an amend that changes nothing', () => {
    for (const payload of [{}, { tagNames: [] }, { removeTagNames: [] }, { tagNames: [], removeTagNames: [] }]) {
      expect(v.safeParse(MESSAGES['clip.amend'].input, payload).success, JSON.stringify(payload)).toBe(false);
    }
    expect(v.safeParse(MESSAGES['clip.amend'].input, { removeTagNames: ['later'] }).success).toBe(true);
  });
});
