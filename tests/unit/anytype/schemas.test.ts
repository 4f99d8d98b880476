// @vitest-environment node
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/anytype';
import { ObjectSchema, ObjectTypeSchema, SpaceSchema, TagSchema } from '../../../lib/anytype/schemas';
import { SERVED_SPEC_V047_PATH } from '../../sandbox/spec-schemas';
import { API_KEY, fakeFetch, OBJECT_ID, SPACE_ID } from './fake-fetch';

describe('lenient space parsing', () => {
  it.each([
    ['anytype.space', false],
    ['anytype.chatspace', true],
    ['anytype.onetoone', true],
    ['space', false], // builds before Desktop 0.55
    ['chat', true], // builds before Desktop 0.55
    ['anytype.techspace', false],
    ['something.new', false],
    [undefined, false],
  ])('object %j → isChat %s', (object, isChat) => {
    const space = v.parse(SpaceSchema, { id: SPACE_ID, name: 'Mine', object, unknown_new_field: 1 });
    expect(space.isChat).toBe(isChat);
    expect(space.id).toBe(SPACE_ID);
    expect(space.name).toBe('Mine');
  });

  it('reads null or missing names as empty strings', () => {
    expect(v.parse(SpaceSchema, { id: 'x', name: null }).name).toBe('');
    expect(v.parse(SpaceSchema, { id: 'x' }).name).toBe('');
    expect(v.parse(TagSchema, { id: 't', name: null, color: 'new-color' }).color).toBe('new-color');
  });

  it('still requires an id', () => {
    expect(v.safeParse(SpaceSchema, { name: 'no id' }).success).toBe(false);
    expect(v.safeParse(ObjectSchema, { id: 5 }).success).toBe(false);
  });

  it('lists chat spaces with isChat through the client', async () => {
    const fake = fakeFetch(() => ({
      body: {
        data: [
          { id: 'a', name: 'Work', object: 'anytype.space' },
          { id: 'b', name: 'Chat', object: 'anytype.chatspace' },
          { id: 'c', name: 'Old', object: 'space' },
        ],
        pagination: { total: 3, offset: 0, limit: 100, has_more: false },
      },
    }));
    const spaces = await createClient({ apiKey: API_KEY, fetch: fake.fetch }).spaces.list();
    expect(spaces.filter((s) => !s.isChat).map((s) => s.name)).toEqual(['Work', 'Old']);
  });
});

describe('objects and types', () => {
  it('parses an object with a deleted type, null properties and property values', () => {
    const obj = v.parse(ObjectSchema, {
      id: OBJECT_ID,
      name: 'N',
      type: null,
      icon: null,
      properties: [
        { key: 'source', format: 'url', url: 'https://example.com' },
        { key: 'tag', format: 'multi_select', multi_select: [{ id: 't1', name: 'a', color: 'red' }] },
        { key: 'status', format: 'select', select: null },
        { key: 'new_format', format: 'hologram', hologram: 'x' },
      ],
    });
    expect(obj.type).toBeNull();
    expect(obj.properties.find((p) => p.key === 'source')?.url).toBe('https://example.com');
    expect(obj.properties.find((p) => p.key === 'tag')?.multi_select?.[0]?.id).toBe('t1');
    expect(v.parse(ObjectSchema, { id: OBJECT_ID, properties: null }).properties).toEqual([]);
  });

  it('parses a type with unknown icon and layout values', () => {
    const type = v.parse(ObjectTypeSchema, {
      id: 'bafyreitype',
      key: 'page',
      name: 'Page',
      layout: 'chat',
      icon: { format: 'icon', name: 'document', color: 'gold' },
      properties: null,
    });
    expect(type.properties).toEqual([]);
    expect(type.layout).toBe('chat');
  });

  it('accepts the examples an older Desktop serves in its own description', () => {
    const doc = JSON.parse(
      readFileSync(SERVED_SPEC_V047_PATH, 'utf8'),
    ) as { components: { schemas: Record<string, { properties: Record<string, { example?: unknown }> }> } };
    const exampleOf = (name: string) =>
      Object.fromEntries(Object.entries(doc.components.schemas[name]!.properties).map(([k, p]) => [k, p.example]));
    const space = v.parse(SpaceSchema, exampleOf('Space'));
    expect(space.isChat).toBe(false);
    expect(v.parse(TagSchema, exampleOf('Tag')).id).toBeTruthy();
  });
});
