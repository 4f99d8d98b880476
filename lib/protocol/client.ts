/**
 * The popup's (and a content script's) side of the protocol: typed calls whose failures come
 * back as a `BackgroundError` carrying the code and the message the background chose.
 */
import { i18n } from '#i18n';
import type { Answer, MessageInput, MessageOutput, MessageType } from './messages';

export type SendMessage = (message: unknown) => Promise<unknown>;

export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

export interface BackgroundClient {
  call<K extends MessageType>(type: K, payload: MessageInput<K>): Promise<MessageOutput<K>>;
}

/** `capability`: the in-page panel's, given to it by the background; extension pages have none. */
export function createBackgroundClient(send: SendMessage, capability?: string): BackgroundClient {
  return {
    async call(type, payload) {
      let answer: Answer<unknown> | undefined;
      try {
        const envelope = capability === undefined ? { type, payload } : { type, payload, capability };
        answer = (await send(envelope)) as Answer<unknown> | undefined;
      } catch {
        throw new BackgroundError('no_background', i18n.t('protocol.restarting'));
      }
      if (!answer || typeof answer !== 'object') {
        throw new BackgroundError('no_background', i18n.t('protocol.restarting'));
      }
      if (!answer.ok) throw new BackgroundError(answer.code, answer.message);
      return answer.data as never;
    },
  };
}
