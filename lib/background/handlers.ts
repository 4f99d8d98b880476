/**
 * What each protocol message does, in terms of the background's services. Answers are shaped
 * here and filtered again by the router through the message's answer schema.
 */
import { i18n } from '#i18n';
import { type ClipJob, type ClipQueue, readQuarantined, type SpaceProperties } from '../queue';
import type { MessageInput, MessageOutput } from '../protocol/messages';
import { type Handlers, ProtocolFailure } from '../protocol/router';
import type { ClipService } from './clip-service';
import type { ConnectionService } from './connection-service';
import { createOptionsHandlers, type OptionsServices } from './options-handlers';
import { createQueueListHandlers, publicSummary, type QueueListService } from './queue-list-handlers';

export interface HandlerServices {
  connections: ConnectionService;
  queue: Pick<ClipQueue, 'summary' | 'failed' | 'retry' | 'discard' | 'process' | 'quarantined' | 'clearQuarantine' | 'discardQuarantined'> &
    QueueListService;
  clips: ClipService;
  options: OptionsServices;
  /** Where the tag list's read of a space's properties is kept for the next create. */
  properties?: SpaceProperties;
  /** Whether Anytype answers at the active connection's address (lib/background/welcome.ts). */
  probe(): Promise<MessageOutput<'anytype.probe'>>;
  /** Changes the clip last saved from a tab (the in-page panel). */
  amend(tabId: number, input: MessageInput<'clip.amend'>): Promise<MessageOutput<'clip.amend'>>;
}

export const TAG_PROPERTY_KEY = 'tag';
const COLLECTION_TYPE_KEY = 'collection';

export { publicSummary };

function failedClip(job: ClipJob): MessageOutput<'queue.failed'>[number] {
  return {
    clientId: job.clientId,
    name: job.payload.name,
    sourceUrl: job.sourceUrl,
    message: job.lastError?.message ?? i18n.t('quick.notAccepted'),
    spaceId: job.target.spaceId,
    collectionId: job.target.collectionId,
    kind: job.lastError?.kind,
  };
}

export function createHandlers({ connections, queue, clips, options, amend, properties, probe }: HandlerServices): Handlers {
  const client = () => connections.client();
  return {
    ...createOptionsHandlers(options),
    ...createQueueListHandlers(queue),
    'clip.amend': async (input, sender) => {
      // The router already allows only the panel; the tab is the browser's word, not the page's.
      if (sender.class !== 'panel') throw new ProtocolFailure('forbidden', i18n.t('background.panelOnly'));
      return amend(sender.tabId, input);
    },
    'connection.status': ({ local }) => (local ? connections.localStatus() : connections.status()),
    'anytype.probe': () => probe(),
    'connection.saveKey': ({ apiKey, grant }) => connections.saveKey(apiKey, undefined, grant),
    'connection.disconnect': () => connections.disconnect(),
    'spaces.list': async () => {
      const spaces = await (await client()).spaces.list();
      return spaces.filter((space) => !space.isChat).map((space) => ({ id: space.id, name: space.name ?? '' }));
    },
    'types.list': async ({ spaceId }) => {
      const types = await (await client()).types.list(spaceId);
      return types.map((type) => ({ id: type.id, key: type.key ?? '', name: type.name ?? '' }));
    },
    'tags.list': async ({ spaceId }) => {
      const anytype = await client();
      // The popup asks for this as it opens: the create that follows Save finds the properties kept.
      const list = await (properties ? properties.fetch(anytype, spaceId) : anytype.properties.list(spaceId));
      const tagProperty = list.find((p) => p.key === TAG_PROPERTY_KEY);
      if (!tagProperty) return [];
      const tags = await anytype.tags.list(spaceId, tagProperty.id);
      return tags.map((tag) => ({ id: tag.id, name: tag.name, color: tag.color }));
    },
    'collections.list': async ({ spaceId }, sender) => {
      // The panel offers the collections of the space its clip went to, and may read no other.
      if (sender.class === 'panel' && spaceId !== sender.spaceId) {
        throw new ProtocolFailure('forbidden', i18n.t('protocol.forbiddenRequest'));
      }
      const found = await (await client()).search.inSpace(spaceId, { types: [COLLECTION_TYPE_KEY] }, { limit: 200 });
      return found.data.map((item) => ({ id: item.id, name: item.name || i18n.t('background.untitledCollection') }));
    },
    'templates.list': async ({ spaceId, typeId }) => {
      const templates = await (await client()).templates.list(spaceId, typeId);
      return templates.map((template) => ({ id: template.id, name: template.name || i18n.t('background.untitledTemplate') }));
    },
    'clip.preview': (input, sender) => clips.preview(input, sender),
    'clip.existing': (input) => clips.existing(input),
    'clip.submit': (input, sender) => clips.submit(input, sender),
    'queue.summary': async () => {
      // The popup asks for this as it opens: a good moment to retry what waits.
      void queue.process().catch(() => undefined);
      return publicSummary(await queue.summary());
    },
    'queue.failed': async () => (await queue.failed()).map(failedClip),
    'queue.retry': async ({ clientId }) => {
      await queue.retry(clientId);
      void queue.process();
      return publicSummary(await queue.summary());
    },
    'queue.discard': async ({ clientId }) => {
      await queue.discard(clientId);
      return publicSummary(await queue.summary());
    },
    'queue.quarantined': async () => (await queue.quarantined()).map(readQuarantined),
    'queue.clearQuarantine': async () => {
      await queue.clearQuarantine();
      return publicSummary(await queue.summary());
    },
    'queue.discardQuarantined': async ({ index, at }) => {
      await queue.discardQuarantined(index, at);
      return publicSummary(await queue.summary());
    },
  };
}
