/**
 * The worker's word that the queue changed (lib/background/badge.ts broadcasts it), for the
 * popup's queue line. A content script's runtime messages reach extension pages too, so only a
 * message from the extension itself and not from a tab counts, and only in the one known shape.
 */
import * as v from 'valibot';
import { type MessageOutput, QueueChangedSchema } from '../protocol/messages';

type Summary = MessageOutput<'queue.summary'>;

/** Tells of each change of the queue while the popup is open; returns how to stop listening. */
export type QueueChanges = (listener: (summary: Summary) => void) => () => void;

type Listener = (message: unknown, sender: { id?: string; tab?: unknown }) => undefined;

export interface RuntimeEvents {
  id: string;
  onMessage: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
}

export function queueChangesFrom(runtime: RuntimeEvents): QueueChanges {
  return (listener) => {
    const heard: Listener = (message, sender) => {
      if (sender.id !== runtime.id || sender.tab !== undefined) return undefined;
      const parsed = v.safeParse(QueueChangedSchema, message);
      if (parsed.success) listener(parsed.output.summary);
      return undefined; // never an answer: the worker answers requests, not this page
    };
    runtime.onMessage.addListener(heard);
    return () => runtime.onMessage.removeListener(heard);
  };
}
