// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { createQuickTargetResolver } from '../../../lib/background/quick-target';
import type { ClipPrefs } from '../../../lib/settings/clip-prefs';
import type { ClipSettings } from '../../../lib/settings/clip-settings';

const SPACES = [
  { id: 'chat-1', name: 'Team chat', isChat: true },
  { id: 'space-1', name: 'Work' },
  { id: 'space-2', name: 'Home' },
];
const settings: ClipSettings = {
  defaults: { spaceId: 'space-1', typeKey: 'bookmark', tagNames: ['web'] },
  siteRules: [{ id: 'r1', pattern: 'news.example', spaceId: 'space-2', typeKey: 'article', tagNames: ['news'] }],
};
const prefs: ClipPrefs = { spaceId: 'space-2', typeKeyBySpace: { 'space-2': 'note' }, collectionBySpace: {}, mode: 'article' };

function resolver(over: { settings?: ClipSettings; prefs?: ClipPrefs; spaces?: () => Promise<typeof SPACES> } = {}) {
  return createQuickTargetResolver({
    clipSettings: async () => over.settings ?? settings,
    prefs: async () => over.prefs ?? prefs,
    spaces: over.spaces ?? (async () => SPACES),
  });
}

describe('the quick clip target', () => {
  it('a matching site rule wins, with its tags', async () => {
    expect(await resolver()('https://news.example/today')).toEqual({
      spaceId: 'space-2',
      spaceName: 'Home',
      typeKey: 'article',
      collectionId: undefined,
      tagNames: ['news'],
    });
  });

  it('no rule matches: the defaults', async () => {
    expect(await resolver()('https://other.example/')).toMatchObject({ spaceId: 'space-1', typeKey: 'bookmark', tagNames: ['web'] });
  });

  it('nothing configured: the last choices', async () => {
    const target = await resolver({ settings: { defaults: { tagNames: [] }, siteRules: [] } })('https://other.example/');
    expect(target).toMatchObject({ spaceId: 'space-2', spaceName: 'Home', typeKey: 'note' });
  });

  it('never a chat space, whatever is configured or remembered', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.constantFrom('chat-1', 'space-1', 'space-2', 'gone'), { nil: undefined }),
        fc.option(fc.constantFrom('chat-1', 'space-1', 'gone'), { nil: undefined }),
        async (configured, remembered) => {
          const target = await resolver({
            settings: { defaults: { ...(configured ? { spaceId: configured } : {}), tagNames: [] }, siteRules: [] },
            prefs: { ...prefs, ...(remembered ? { spaceId: remembered } : { spaceId: undefined }) },
          })('https://a.example/');
          expect(target.spaceId).not.toBe('chat-1');
          expect(SPACES.some((space) => space.id === target.spaceId)).toBe(true);
        },
      ),
    );
  });

  it('Anytype not running: the configured space is trusted and the clip can still be queued', async () => {
    const offline = async () => {
      throw new AnytypeError('offline');
    };
    expect(await resolver({ spaces: offline })('https://news.example/')).toMatchObject({ spaceId: 'space-2', typeKey: 'article' });
  });

  it.each(['unauthorized', 'key_expired', 'scoped_key'] as const)('a key that needs pairing (%s): the clip is still queued, to wait for pairing', async (kind) => {
    const refused = async () => {
      throw new AnytypeError(kind);
    };
    expect(await resolver({ spaces: refused })('https://news.example/')).toMatchObject({ spaceId: 'space-2' });
  });

  it.each(['bad_request', 'origin_rejected', 'rate_limited'] as const)('any other failure (%s) is not hidden', async (kind) => {
    const failing = async () => {
      throw new AnytypeError(kind);
    };
    await expect(resolver({ spaces: failing })('https://news.example/')).rejects.toMatchObject({ kind });
  });
});
