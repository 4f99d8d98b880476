// @vitest-environment node
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildClip } from '../../../lib/background/clip-builder';
import { parseTagList as optionsParseTagList } from '../../../lib/options/clip-settings-controller';
import { messages as MESSAGES } from '../../../lib/protocol/messages';
import { type DeliveryClient, resolveTagIds } from '../../../lib/queue/anytype-delivery';
import { SiteRuleSchema } from '../../../lib/settings/site-rules';
import { cleanTagName, cleanTagNames, MAX_TAG_NAME_CHARS, MAX_TAGS, parseTagList, tagKey } from '../../../lib/settings/tag-names';

/** Names made of what trips clean-up: case, inner and outer whitespace of several kinds, composed and decomposed accents. */
const tagName = fc
  .array(fc.constantFrom('n', 'N', 'ews', 'É', 'e\u0301', '\u00e9', ' ', '  ', '\t', '\u00a0', '\n', 'ß', '1'), { maxLength: 8 })
  .map((parts) => parts.join(''));
const tagNames = fc.array(tagName, { maxLength: 12 });

/** A fake Anytype that records the tags it is asked to make. */
function fakeClient(existing: string[] = []) {
  const created: string[] = [];
  const client = {
    properties: { list: async () => [{ id: 'prop-tag', key: 'tag', format: 'multi_select' }] },
    tags: {
      list: async () => existing.map((name, i) => ({ id: `old-${i}`, name })),
      create: async (_space: string, _prop: string, { name }: { name: string }) => {
        created.push(name);
        return { id: `new-${created.length}`, name };
      },
    },
  } as unknown as DeliveryClient;
  return { client, created };
}

describe('tag-name clean-up', () => {
  it('a clean name is clean: no outer or doubled whitespace, composed, and cleaning again changes nothing', () => {
    fc.assert(
      fc.property(tagName, (name) => {
        const clean = cleanTagName(name);
        expect(clean).toBe(clean.trim());
        expect(clean).not.toMatch(/\s{2}|[\t\n\u00a0]/);
        expect(clean).toBe(clean.normalize('NFC'));
        expect(cleanTagName(clean)).toBe(clean);
        expect(tagKey(name)).toBe(tagKey(clean));
      }),
    );
  });

  it('a list keeps each tag once, by its first spelling, in order', () => {
    fc.assert(
      fc.property(tagNames, (names) => {
        const clean = cleanTagNames(names);
        expect(new Set(clean.map(tagKey)).size).toBe(clean.length);
        expect(clean.includes('')).toBe(false);
        const firsts = names.map(cleanTagName).filter((n, i, all) => n !== '' && all.findIndex((m) => tagKey(m) === tagKey(n)) === i);
        expect(clean).toEqual(firsts);
        expect(cleanTagNames(clean)).toEqual(clean);
      }),
    );
  });

  it('"News", " news " and "news\\u00a0" are one tag; "é" typed two ways too', () => {
    expect(cleanTagNames(['News', ' news ', 'news\u00a0', 'e\u0301t\u00e9', '\u00e9t\u00e9'])).toEqual(['News', '\u00e9t\u00e9']);
    expect(parseTagList('a, A ,, b')).toEqual(['a', 'b']);
  });

  it('the options field, site rules, the protocol, the clip builder and the delivery all keep the same tags', async () => {
    await fc.assert(
      fc.asyncProperty(tagNames, async (names) => {
        const expected = cleanTagNames(names);
        expect(optionsParseTagList(names.map((n) => n.replaceAll(',', '')).join(','))).toEqual(
          cleanTagNames(names.map((n) => n.replaceAll(',', ''))),
        );
        const rule = v.safeParse(SiteRuleSchema, { id: 'r', pattern: 'example.com', tagNames: names });
        const submit = v.safeParse(MESSAGES['clip.submit'].input, { mode: 'article', spaceId: 'space-1', typeKey: 'page', title: 't', tagNames: names });
        const amend = v.safeParse(MESSAGES['clip.amend'].input, { tagNames: names });
        // Every name that cleans to nothing is refused alike; otherwise all three store the clean list.
        const valid = names.every((n) => cleanTagName(n) !== '');
        // (An amend with no tags at all changes nothing and is refused for that.)
        for (const [parsed, accepted] of [[rule, valid], [submit, valid], [amend, valid && names.length > 0]] as const) {
          expect(parsed.success).toBe(accepted);
          if (parsed.success) expect(parsed.output.tagNames).toEqual(expected);
        }
        const clip = buildClip({ pageUrl: 'https://a.example/', pageTitle: 'A' }, { mode: 'bookmark', spaceId: 's', typeKey: 'page', title: 't', tagNames: names });
        expect(clip.payload.tagNames ?? []).toEqual(expected);
        const { client, created } = fakeClient();
        await resolveTagIds(client, 's', names);
        expect(created).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('the delivery finds an existing tag whatever its spelling, and makes none twice', async () => {
    const { client, created } = fakeClient(['news']);
    expect(await resolveTagIds(client, 's', [' News', 'NEWS\u00a0', 'Sport'])).toEqual(['old-0', 'new-1']);
    expect(created).toEqual(['Sport']);
  });

  it('limits: a name of at most 100 characters, at most 50 tags', () => {
    const input = MESSAGES['clip.amend'].input;
    expect(v.is(input, { tagNames: ['x'.repeat(MAX_TAG_NAME_CHARS)] })).toBe(true);
    expect(v.is(input, { tagNames: ['x'.repeat(MAX_TAG_NAME_CHARS + 1)] })).toBe(false);
    expect(v.is(input, { tagNames: Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`) })).toBe(false);
  });
});
