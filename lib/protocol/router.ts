/**
 * The one place a runtime message is dispatched. In order: who sent it (and, for a content
 * script, does it hold the panel's capability), is the envelope sane, is this sender allowed this
 * operation, is the payload valid; only then does a handler run.
 * It never throws: every failure is an `{ ok: false, code, message }` answer.
 */
import { i18n } from '#i18n';
import * as v from 'valibot';
import { isAnytypeError } from '../anytype/errors';
import { isQueueError, QUEUE_ANSWER_CODES } from '../queue/types';
import {
  type Answer,
  EnvelopeSchema,
  type MessageDefinition,
  type MessageType,
  type Messages,
  messages as allMessages,
} from './messages';
import {
  type AllowedSender,
  type ClassifiedSender,
  classifySender,
  type ExtensionIdentity,
  type MessageSenderLike,
  type PanelGrant,
} from './senders';

export type { AllowedSender };

export type Handlers<M extends Record<string, MessageDefinition> = Messages> = {
  [K in keyof M]: (
    input: v.InferOutput<M[K]['input']>,
    sender: AllowedSender,
  ) => Promise<v.InferInput<M[K]['output']>>;
};

/** An expected refusal a handler can raise with its own code (e.g. `not_paired`). */
export class ProtocolFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProtocolFailure';
  }
}

export interface RouterOptions<M extends Record<string, MessageDefinition>> {
  self: ExtensionIdentity;
  handlers: Handlers<M>;
  messages?: M;
  /**
   * Whether `capability` is the one the background gave to the panel it injected into tab
   * `tabId` (lib/background/panel-grants.ts), and what it covers. Without it, content scripts
   * are refused everything.
   */
  admitPanel?: (tabId: number, capability: string) => Promise<PanelGrant | undefined>;
  /** Removes secrets from anything that is logged or answered. */
  redact?: (text: string) => string;
  log?: (line: string) => void;
}

export type Router = (message: unknown, sender: MessageSenderLike | undefined) => Promise<Answer<unknown>>;

export function createRouter<M extends Record<string, MessageDefinition> = Messages>(
  options: RouterOptions<M>,
): Router {
  const definitions = (options.messages ?? allMessages) as unknown as M;
  const redact = options.redact ?? ((text: string) => text);
  const log = options.log ?? (() => {});

  /**
   * A content script is a panel only with the capability given to that tab's panel: the browser
   * vouches for the tab and frame, not for which of our scripts in that world is speaking.
   */
  async function admit(classified: ClassifiedSender, capability: string | undefined): Promise<AllowedSender | undefined> {
    if (classified.class === 'extension_page') return classified;
    if (classified.class !== 'content_script' || capability === undefined || !options.admitPanel) return undefined;
    let grant: PanelGrant | undefined;
    try {
      grant = await options.admitPanel(classified.tabId, capability);
    } catch {
      return undefined;
    }
    if (!grant) return undefined;
    return { class: 'panel', url: classified.url, tabId: classified.tabId, spaceId: grant.spaceId };
  }

  return async (message, rawSender) => {
    const classified = classifySender(rawSender, options.self);
    if (classified.class === 'refused') {
      log(`refused message: ${classified.reason}`);
      return fail('forbidden', i18n.t('protocol.forbiddenSender'));
    }
    const envelope = v.safeParse(EnvelopeSchema, message);
    if (!envelope.success) return fail('invalid_message', i18n.t('protocol.malformed'));
    const sender = await admit(classified, envelope.output.capability);
    if (!sender) {
      log('refused message: a content script without the panel capability');
      return fail('forbidden', i18n.t('protocol.forbiddenSender'));
    }
    const type = envelope.output.type;
    if (!Object.hasOwn(definitions, type)) return fail('unknown_message', i18n.t('protocol.unknown'));
    const definition = definitions[type as keyof M] as MessageDefinition;
    if (!definition.senders.includes(sender.class)) {
      log(`refused ${type} from ${sender.class}`);
      return fail('forbidden', i18n.t('protocol.forbiddenRequest'));
    }
    const input = v.safeParse(definition.input, envelope.output.payload ?? {});
    if (!input.success) return fail('invalid_message', i18n.t('protocol.invalidInput', { type }));

    try {
      const handler = options.handlers[type as keyof M] as (input: unknown, s: AllowedSender) => Promise<unknown>;
      const result = await handler(input.output, sender);
      const answer = v.safeParse(definition.output, result);
      if (!answer.success) {
        log(`handler ${type} answered outside its schema`);
        return fail('internal', i18n.t('protocol.internal'));
      }
      return { ok: true, data: answer.output };
    } catch (error) {
      if (isAnytypeError(error)) return fail(error.kind, error.message);
      // The queue's refusals are written for the person (too large, full, busy): pass them on.
      if (isQueueError(error)) return fail(QUEUE_ANSWER_CODES[error.code], error.message);
      if (error instanceof ProtocolFailure) return fail(error.code, redact(error.message));
      log(`handler ${type} failed: ${redact(error instanceof Error ? error.message : String(error))}`);
      return fail('internal', i18n.t('protocol.internal'));
    }
  };
}

function fail(code: string, message: string): Answer<never> {
  return { ok: false, code, message };
}

export type { MessageType };
