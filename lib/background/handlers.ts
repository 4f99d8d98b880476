/**
 * What each protocol message does, in terms of the background's services. Answers are shaped
 * here and filtered again by the router through the message's answer schema.
 */
import type { Handlers } from '../protocol/router';
import type { ConnectionService } from './connection-service';

export interface QueueView {
  summary(): Promise<{ pending: number; failed: number; paused: boolean; waitingReason?: 'offline' | 'rate_limited' | 'unauthorized' }>;
}

export interface HandlerServices {
  connections: ConnectionService;
  queue?: QueueView;
}

export function createHandlers({ connections, queue }: HandlerServices): Handlers {
  return {
    'connection.status': () => connections.status(),
    'connection.saveKey': ({ apiKey }) => connections.saveKey(apiKey),
    'connection.disconnect': () => connections.disconnect(),
    'spaces.list': async () => {
      const spaces = await (await connections.client()).spaces.list();
      return spaces.filter((space) => !space.isChat).map((space) => ({ id: space.id, name: space.name ?? '' }));
    },
    'types.list': async ({ spaceId }) => {
      const types = await (await connections.client()).types.list(spaceId);
      return types.map((type) => ({ id: type.id, key: type.key ?? '', name: type.name ?? '' }));
    },
    'queue.summary': async () => (queue ? queue.summary() : { pending: 0, failed: 0, paused: false }),
  };
}
