// @vitest-environment node
/**
 * The boundary under generated input: 10,000 messages from generated senders (our pages, our
 * content scripts with and without the panel's capability, other extensions, no sender,
 * sub-frames, opaque origins, about:/data:/file:/blob:/javascript: and lookalike extension URLs)
 * through the real router, handlers, connection service, panel grants and clip amender. The only
 * fakes are the key vault and the Anytype client, which record what they were asked.
 *
 * For every sender that is not one of our pages: no key is read, stored or forgotten (no pairing,
 * no disconnect), no connection setting changes, and the client is asked nothing outside the
 * panel's allowlist for its own tab: the collections of its clip's space, and the tag and
 * collection changes of that one clip. A content script without its tab's capability, and every
 * sender the classifier refuses, causes nothing at all.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { createClipAmender } from '../../../lib/background/clip-amend';
import { createConnectionService } from '../../../lib/background/connection-service';
import { createHandlers, type HandlerServices } from '../../../lib/background/handlers';
import { createPanelGrants } from '../../../lib/background/panel-grants';
import { createRecentClips } from '../../../lib/background/recent-clips';
import { MESSAGE_TYPES, type MessageType, messages } from '../../../lib/protocol/messages';
import { createRedactor } from '../../../lib/protocol/redact';
import { createRouter } from '../../../lib/protocol/router';
import type { MessageSenderLike } from '../../../lib/protocol/senders';
import { memorySession, OTHER_SPACE, OTHER_TAB, PANEL_SPACE, PANEL_TAB, SELF, VALID_PAYLOADS } from './boundary-fixtures';

const KEY = 'sk-fuzz-secret-key-0123456789';
const RUNS = 10_000;
const BASE = 'chrome-extension://ourextensionid/';

/** The clip each tab's panel shows (both tabs have one, so "its own tab" is what is tested). */
const PANELS = {
  [PANEL_TAB]: { spaceId: PANEL_SPACE, objectId: 'bafyreiobjectseven', capability: `cap-seven-${'a'.repeat(28)}` },
  [OTHER_TAB]: { spaceId: OTHER_SPACE, objectId: 'bafyreiobjecteight', capability: `cap-eight-${'b'.repeat(28)}` },
} as const;

/** The HTTP request each client method makes, for the printed tally. */
const ROUTES: Record<string, string> = {
  'spaces.list': 'GET /v1/spaces',
  'types.list': 'GET /v1/spaces/{space}/types',
  'properties.list': 'GET /v1/spaces/{space}/properties',
  'tags.list': 'GET /v1/spaces/{space}/properties/{property}/tags',
  'tags.create': 'POST /v1/spaces/{space}/properties/{property}/tags',
  'search.inSpace': 'POST /v1/spaces/{space}/search',
  'objects.update': 'PATCH /v1/spaces/{space}/objects/{object}',
  'lists.addObjects': 'POST /v1/spaces/{space}/lists/{list}/objects',
  'templates.list': 'GET /v1/spaces/{space}/types/{type}/templates',
};

interface Request {
  method: string;
  args: unknown[];
}

/** May the panel of `tabId` make this request? Only about its own clip, in its own space. */
function panelMayAsk(tabId: number, { method, args }: Request): boolean {
  const own = PANELS[tabId as keyof typeof PANELS];
  if (!own || args[0] !== own.spaceId) return false;
  switch (method) {
    case 'search.inSpace':
      return JSON.stringify(args[1]) === JSON.stringify({ types: ['collection'] });
    case 'properties.list':
    case 'tags.list':
    case 'tags.create':
      return true;
    case 'objects.update':
      return args[1] === own.objectId;
    case 'lists.addObjects':
      return JSON.stringify(args[2]) === JSON.stringify([own.objectId]);
    default:
      return false;
  }
}

/**
 * What each generated sender is, decided here from the generated fields and not by classifySender,
 * so that a mistake in the classifier shows up as a violation instead of moving the goalposts.
 */
function isOurPage(sender: MessageSenderLike | undefined): boolean {
  return sender?.id === SELF.id && typeof sender.url === 'string' && sender.url.startsWith(BASE) && sender.origin !== 'null';
}
function panelTab(sender: MessageSenderLike | undefined, capability: string | undefined): number | undefined {
  if (sender?.id !== SELF.id || sender.origin === 'null' || sender.frameId !== 0) return undefined;
  if (!/^https?:\/\//.test(sender.url ?? '')) return undefined;
  const tabId = sender.tab?.id;
  const own = PANELS[tabId as keyof typeof PANELS];
  return own !== undefined && capability === own.capability ? tabId : undefined;
}

async function world() {
  const requests: Request[] = [];
  const vault = { loads: 0, saves: 0, forgets: 0 };
  const settingsWrites: unknown[] = [];
  const answers: Record<string, () => unknown> = {
    'spaces.list': () => [{ id: PANEL_SPACE, name: 'Research', isChat: false }],
    'search.inSpace': () => ({ data: [{ id: 'bafyreicollection', name: 'Reading list' }] }),
    'properties.list': () => [{ id: 'bafyreitagproperty', key: 'tag', name: 'Tag', format: 'multi_select' }],
    'tags.list': () => [{ id: 'bafyreitag', name: 'later' }],
    'tags.create': () => ({ id: 'bafyreinewtag', name: 'new' }),
  };
  const client = new Proxy({} as AnytypeClient, {
    get: (_target, group: string) =>
      new Proxy(
        {},
        {
          get: (_g, name: string) =>
            async (...args: unknown[]) => {
              const method = `${group}.${name}`;
              requests.push({ method, args });
              return answers[method]?.() ?? [];
            },
        },
      ),
  });
  const connections = createConnectionService({
    loadSettings: async () => ({
      activeId: 'desktop',
      connections: [{ id: 'desktop', name: 'Anytype Desktop', baseUrl: 'http://127.0.0.1:31009' }],
    }),
    vault: {
      load: async () => {
        vault.loads++;
        return KEY;
      },
      save: async () => void vault.saves++,
      forget: async () => void vault.forgets++,
    },
    makeClient: () => client,
  });
  const session = memorySession();
  const recent = createRecentClips(session);
  let next = 0;
  const order = [PANELS[PANEL_TAB].capability, PANELS[OTHER_TAB].capability];
  const grants = createPanelGrants(session, { newCapability: () => order[next++] ?? 'unused' });
  for (const tabId of [PANEL_TAB, OTHER_TAB] as const) {
    const panel = PANELS[tabId];
    await recent.set(tabId, { spaceId: panel.spaceId, objectId: panel.objectId, tagNames: [] });
    await grants.issue(tabId, panel.spaceId);
  }
  const services = {
    connections,
    queue: {
      summary: async () => ({ pending: 0, sending: 0, failed: 0, paused: null }),
      failed: async () => [],
      retry: async () => undefined,
      discard: async () => undefined,
      process: async () => undefined,
    },
    clips: {
      preview: async () => Promise.reject(new Error('no tab in this test')),
      submit: async () => Promise.reject(new Error('no tab in this test')),
      existing: async () => null,
      clipTab: async () => Promise.reject(new Error('no tab in this test')),
    },
    amend: createClipAmender({ client: () => connections.client(), recent }),
    options: {
      connections,
      settings: {
        loadConnections: async () => ({
          activeId: 'desktop',
          connections: [{ id: 'desktop', name: 'Anytype Desktop', baseUrl: 'http://127.0.0.1:31009' }],
        }),
        saveConnections: async (value: unknown) => void settingsWrites.push(value),
      },
      clipSettings: {
        load: async () => ({ defaults: { tagNames: [] }, siteRules: [] }),
        save: async (value: unknown) => {
          settingsWrites.push(value);
          return value;
        },
      },
    },
  } as unknown as HandlerServices;
  const router = createRouter({
    self: SELF,
    handlers: createHandlers(services),
    admitPanel: grants.admit,
    redact: createRedactor(() => connections.secrets()),
  });
  return { router, requests, vault, settingsWrites };
}

const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });
const odd = fc.constantFrom(
  'about:blank',
  'about:srcdoc',
  'data:text/html,<script>1</script>',
  'file:///etc/passwd',
  'blob:https://example.com/0b7e-11',
  'javascript:alert(1)',
  'chrome://settings/',
  'view-source:https://example.com/',
  'chrome-extension://otherextension/popup.html',
  'chrome-extension://ourextensionidx/popup.html',
  'chrome-extension://ourextensionid.evil.example/popup.html',
  `https://evil.example/?${BASE}popup.html`,
  'moz-extension://ourextensionid/popup.html',
  '',
);
const tabArb = fc.oneof(fc.constantFrom(PANEL_TAB, OTHER_TAB), fc.integer({ min: -2, max: 20 }));
const capabilityArb = fc.oneof(
  fc.constant(undefined),
  fc.constant(PANELS[PANEL_TAB].capability),
  fc.constant(PANELS[OTHER_TAB].capability),
  fc.constant(''),
  fc.string({ maxLength: 60 }),
);
interface Generated {
  kind: string;
  sender: MessageSenderLike | undefined;
  capability?: string;
}
const withCapability = (arb: fc.Arbitrary<Omit<Generated, 'capability'>>): fc.Arbitrary<Generated> =>
  fc.tuple(arb, capabilityArb).map(([generated, capability]) => ({ ...generated, capability }));
const senderArb: fc.Arbitrary<Generated> = fc.oneof(
  // The panel itself: its tab's capability, from its tab's top frame (the allowed path, so it runs often).
  fc
    .record({ tab: fc.constantFrom(PANEL_TAB, OTHER_TAB), url: webUrl })
    .map(({ tab, url }) => ({
      kind: 'panel',
      sender: { id: SELF.id, url, tab: { id: tab, url }, frameId: 0 },
      capability: PANELS[tab as keyof typeof PANELS].capability,
    })),
  ...[
  fc.constant({ kind: 'no sender', sender: undefined }),
  fc.record({ kind: fc.constant('our page'), sender: fc.record({ id: fc.constant(SELF.id), url: fc.constantFrom(`${BASE}popup.html`, `${BASE}options.html?tabId=3`) }) }),
  fc
    .record({ tab: tabArb, url: webUrl })
    .map(({ tab, url }) => ({ kind: 'web page tab', sender: { id: SELF.id, url, tab: { id: tab, url }, frameId: 0 } })),
  fc
    .record({ id: fc.oneof(fc.constant('otherextension'), fc.string()), url: fc.oneof(webUrl, odd), tab: tabArb })
    .filter(({ id }) => id !== SELF.id)
    .map(({ id, url, tab }) => ({ kind: 'other extension', sender: { id, url, tab: { id: tab }, frameId: 0 } })),
  fc
    .record({ tab: tabArb, url: webUrl, frameId: fc.integer({ min: 1, max: 9 }) })
    .map(({ tab, url, frameId }) => ({ kind: 'sub-frame', sender: { id: SELF.id, url, tab: { id: tab }, frameId } })),
  fc
    .record({ tab: tabArb, url: webUrl })
    .map(({ tab, url }) => ({ kind: 'opaque origin', sender: { id: SELF.id, url, origin: 'null', tab: { id: tab }, frameId: 0 } })),
  fc
    .record({ tab: tabArb, url: odd })
    .map(({ tab, url }) => ({ kind: 'odd URL', sender: { id: SELF.id, url, tab: { id: tab }, frameId: 0 } })),
  fc
    .record({
      id: fc.option(fc.oneof(fc.constant(SELF.id), fc.string()), { nil: undefined }),
      url: fc.option(fc.oneof(webUrl, odd, fc.string()), { nil: undefined }),
      origin: fc.option(fc.oneof(fc.constant('null'), webUrl), { nil: undefined }),
      frameId: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
      tab: fc.option(fc.record({ id: fc.option(tabArb, { nil: undefined }) }), { nil: undefined }),
    })
    .map((sender) => ({ kind: 'any shape', sender: sender as MessageSenderLike })),
  ].map(withCapability),
);

const spaceArb = fc.oneof(fc.constantFrom(PANEL_SPACE, OTHER_SPACE, '../', '%2e%2e', 'a/b', '..', 'x'.repeat(300)), fc.string());
const panelPayloadArb = fc.oneof(
  fc.record({ spaceId: spaceArb }),
  fc.record(
    {
      tagNames: fc.array(fc.oneof(fc.constant('later'), fc.string({ maxLength: 30 })), { maxLength: 4 }),
      collectionId: fc.oneof(fc.constant('bafyreicollection'), fc.string()),
    },
    { requiredKeys: [] },
  ),
);
const payloadArb = (type: MessageType) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(VALID_PAYLOADS[type]) },
    {
      weight: 4,
      arbitrary: fc
        .record(
          {
            spaceId: spaceArb,
            tabId: tabArb,
            tagNames: fc.array(fc.string({ maxLength: 30 }), { maxLength: 4 }),
            collectionId: fc.oneof(fc.constant('bafyreicollection'), fc.string()),
            apiKey: fc.string({ minLength: 8, maxLength: 40 }),
          },
          { requiredKeys: [] },
        )
        .map((extra) => ({ ...(VALID_PAYLOADS[type] as object), ...extra })),
    },
    { weight: 1, arbitrary: fc.anything() },
    // The panel's own two shapes, with generated values, so its allowed paths run in full.
    { weight: type === 'clip.amend' || type === 'collections.list' ? 4 : 0, arbitrary: panelPayloadArb },
  );
const messageArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .oneof(fc.constantFrom(...MESSAGE_TYPES), fc.constantFrom<MessageType>('collections.list', 'clip.amend'))
      .chain((type) => fc.record({ type: fc.constant(type), payload: payloadArb(type) })),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.string(), payload: fc.anything() }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe('the message boundary under 10,000 generated messages and senders', () => {
  it('gives no sender but our pages a key read, a pairing, a disconnect or a request outside the panel allowlist', async () => {
    const tally = new Map<string, number>();
    const bySender = new Map<string, { runs: number; requests: number }>();
    let panelRuns = 0;
    await fc.assert(
      fc.asyncProperty(senderArb, messageArb, async ({ kind, sender, capability }, message) => {
        const w = await world();
        const envelope =
          capability !== undefined && message !== null && typeof message === 'object' && !Array.isArray(message)
            ? { ...(message as object), capability }
            : message;
        const answer = await w.router(envelope, sender);
        expect(typeof answer.ok).toBe('boolean');
        expect(JSON.stringify(answer) ?? '').not.toContain(KEY);

        const ourPage = isOurPage(sender);
        const tabId = panelTab(sender, capability);
        const seen = bySender.get(kind) ?? { runs: 0, requests: 0 };
        bySender.set(kind, { runs: seen.runs + 1, requests: seen.requests + w.requests.length });
        for (const request of w.requests) {
          const route = ROUTES[request.method] ?? request.method;
          const label = `${ourPage ? 'our pages' : 'panel'}: ${route}`;
          tally.set(label, (tally.get(label) ?? 0) + 1);
        }
        if (ourPage) return;

        expect(w.vault.saves + w.vault.forgets, 'pairing or disconnect').toBe(0);
        expect(w.settingsWrites).toEqual([]);
        if (tabId === undefined) {
          // Refused before any handler: nothing asked of the client, the key never even read.
          expect(w.requests).toEqual([]);
          expect(w.vault.loads).toBe(0);
          expect(answer.ok).toBe(false);
          return;
        }
        panelRuns += 1;
        for (const request of w.requests) expect(panelMayAsk(tabId, request), JSON.stringify(request)).toBe(true);
        // The key is read only inside the background, to sign one of those requests.
        if (w.requests.length === 0) expect(w.vault.loads).toBe(0);
        const type = (message as { type?: string } | null | undefined)?.type;
        if (answer.ok) expect(['collections.list', 'clip.amend']).toContain(type);
      }),
      { numRuns: RUNS, seed: 20261207 },
    );
    const lines = [...tally].sort(([a], [b]) => a.localeCompare(b)).map(([label, n]) => `  ${String(n).padStart(5)}  ${label}`);
    const senders = [...bySender].map(([kind, s]) => `  ${kind}: ${s.runs} runs, ${s.requests} client requests`);
    console.log(
      [`boundary fuzz: ${RUNS} runs, ${panelRuns} from a panel holding its tab's capability`, ...senders, 'requests the fake client saw:', ...lines].join('\n'),
    );
    // The generator reached every kind of sender, and the allowed paths really ran.
    expect([...bySender.keys()].sort()).toEqual(
      ['any shape', 'no sender', 'odd URL', 'opaque origin', 'other extension', 'our page', 'panel', 'sub-frame', 'web page tab'].sort(),
    );
    expect(panelRuns).toBeGreaterThan(100);
    expect([...tally.keys()].some((label) => label.startsWith('panel: POST /v1/spaces/{space}/search'))).toBe(true);
    expect([...tally.keys()].some((label) => label.startsWith('panel: PATCH'))).toBe(true);
    expect([...tally.keys()].some((label) => label.startsWith('panel: POST /v1/spaces/{space}/lists'))).toBe(true);
    expect([...tally.keys()].some((label) => label.startsWith('our pages: GET /v1/spaces'))).toBe(true);
  }, 120_000);

  it('the messages a panel may send are exactly the two the allowlist above covers', () => {
    const panelTypes = MESSAGE_TYPES.filter((type) => (messages[type].senders as readonly string[]).includes('panel'));
    expect(panelTypes).toEqual(['collections.list', 'clip.amend']);
  });
});
