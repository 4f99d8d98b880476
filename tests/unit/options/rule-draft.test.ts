import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { i18n } from '#i18n';
import { createClipSettingsController } from '../../../lib/options/clip-settings-controller';
import { choosesNothing, type RuleDraft, ruleDraftProblem } from '../../../lib/options/rule-draft';
import type { BackgroundClient } from '../../../lib/protocol/client';
import { createOptionsWorld } from './world';

// A site rule that chooses nothing (no space, type, collection or tags) would match pages and
// change nothing about their clips: the options page refuses it, says what to choose, stores nothing.
const NOTHING = i18n.t('options.rules.errors.choosesNothing');

const tagText = fc.oneof(fc.constantFrom('', ' ', '\u00a0\t', 'news', ' To Read '), fc.string({ maxLength: 12 }));
const draft: fc.Arbitrary<RuleDraft> = fc.record(
  {
    pattern: fc.constantFrom('example.com', '*.example.org', 'https://example.com/blog/', ' news.example.net '),
    spaceId: fc.constantFrom('space1', 'bafyreispace.23me69r569oi1'),
    typeKey: fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
    collectionId: fc.constant('coll1'),
    tagNames: fc.array(tagText, { maxLength: 4 }),
  },
  { requiredKeys: ['pattern', 'tagNames'] },
);

const blankTag = (name: string) => name.replace(/\s+/g, '') === '';

describe('a site rule that chooses nothing', () => {
  it('is exactly one with no space, type or collection, and no tag that is more than blanks', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const expected = !d.spaceId && !d.typeKey && !d.collectionId && d.tagNames.every(blankTag);
        expect(choosesNothing(d)).toBe(expected);
        expect(ruleDraftProblem(d)).toBe(expected ? NOTHING : undefined);
      }),
      { seed: 2203, numRuns: 500 },
    );
  });

  it('a bad pattern is named first: its own words, not the empty-rule ones', () => {
    expect(ruleDraftProblem({ pattern: 'ex*ample.com', tagNames: [] })).toMatch(/wildcard/i);
    expect(ruleDraftProblem({ pattern: '', tagNames: ['news'] })).toBe(i18n.t('options.rules.errors.empty'));
  });

  it('is refused by Add rule and Save rule with that message, and nothing is sent to be stored', async () => {
    await fc.assert(
      fc.asyncProperty(draft, async (d) => {
        const world = createOptionsWorld();
        const sent: string[] = [];
        const background: BackgroundClient = {
          call: (type, payload) => {
            sent.push(type);
            return world.background.call(type, payload);
          },
        };
        let n = 0;
        const controller = createClipSettingsController({ background, newId: () => `rule-${++n}` }, () => {});
        await controller.load();
        const refused = choosesNothing(d);
        const added = await controller.addRule(d);
        expect(added === NOTHING).toBe(refused);
        if (refused) {
          expect(sent).not.toContain('settings.save');
          expect((await world.clipSettings.load()).siteRules).toEqual([]);
        } else {
          expect(sent).toContain('settings.save');
        }

        // Editing a rule until it chooses nothing is refused too, and the stored rule stays as it was.
        await controller.addRule({ pattern: 'kept.example.com', tagNames: ['news'] });
        const before = (await world.clipSettings.load()).siteRules;
        const kept = before.find((r) => r.pattern === 'kept.example.com')!;
        const emptied = await controller.updateRule(kept.id, { pattern: kept.pattern, tagNames: [' '] });
        expect(emptied).toBe(NOTHING);
        expect((await world.clipSettings.load()).siteRules).toEqual(before);
      }),
      { seed: 2204, numRuns: 30 },
    );
  });
});
