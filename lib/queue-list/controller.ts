/**
 * The queue list's controller: loads what waits, failed or could not be read, and carries out the
 * person's actions through the protocol. The page gives it the clipboard, the download and the
 * timers, so it is tested without a browser.
 */
import { i18n } from '#i18n';
import { type BackgroundClient, BackgroundError } from '../protocol/client';
import { markdownFile, quarantineFile, quarantineMarkdownFile } from './files';
import { createUndoShelf, type ShelfItem, type Timers } from './undo-shelf';
import type { QueueList } from './view-model';

export interface QueueListDeps {
  background: BackgroundClient;
  copyText(text: string): Promise<void>;
  download(name: string, text: string): void;
  timers: Timers;
}

export interface QueueListState {
  list?: QueueList;
  /** Clips discarded a moment ago that can still be put back. */
  shelf: ShelfItem[];
  /** What the last action did, for a status line. */
  info?: string;
  error?: string;
}

export interface QueueListController {
  state(): QueueListState;
  refresh(): Promise<void>;
  retry(clientId: string, title: string): Promise<void>;
  copy(clientId: string, title: string): Promise<void>;
  exportClip(clientId: string, title: string): Promise<void>;
  discard(clientId: string, title: string): Promise<void>;
  undo(clientId: string, title: string): Promise<void>;
  retarget(clientId: string, title: string, target: { spaceId: string; typeKey: string; collectionId?: string }): Promise<boolean>;
  /** Offers the entry as a file: its Markdown as stored, or all of it as JSON. */
  exportQuarantined(index: number, format?: 'md' | 'json'): void;
  /** Discards one unreadable entry (the list's own: its place and time must still match). */
  discardQuarantined(index: number, title: string): Promise<void>;
  clearQuarantine(): Promise<void>;
  dispose(): void;
}

const messageOf = (error: unknown) => (error instanceof BackgroundError ? error.message : i18n.t('app.genericError'));

export function createQueueListController(deps: QueueListDeps, onChange: (state: QueueListState) => void): QueueListController {
  let state: QueueListState = { shelf: [] };
  const set = (next: Partial<QueueListState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  const shelf = createUndoShelf(deps.timers, (items) => set({ shelf: items }));

  async function refresh(): Promise<void> {
    try {
      set({ list: await deps.background.call('queue.list', {}) });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  }

  /** One action: its answer's words in the status line, or its refusal as the error, then a fresh list. */
  async function act(run: () => Promise<string | undefined>): Promise<boolean> {
    try {
      const info = await run();
      set({ info, error: undefined });
      return true;
    } catch (error) {
      set({ info: undefined, error: messageOf(error) });
      return false;
    } finally {
      await refresh();
    }
  }

  const clipText = (clientId: string) => deps.background.call('queue.clip', { clientId });

  return {
    state: () => state,
    refresh,
    retry: async (clientId, name) => {
      await act(async () => {
        await deps.background.call('queue.retry', { clientId });
        return i18n.t('queuelist.retried', { name });
      });
    },
    copy: async (clientId, name) => {
      await act(async () => {
        const clip = await clipText(clientId);
        try {
          await deps.copyText(clip.markdown);
        } catch {
          throw new BackgroundError('copy_refused', i18n.t('queuelist.copyFailed'));
        }
        return i18n.t('queuelist.copied', { name });
      });
    },
    exportClip: async (clientId, name) => {
      await act(async () => {
        const file = markdownFile(await clipText(clientId));
        deps.download(file.name, file.text);
        return i18n.t('queuelist.exported', { name });
      });
    },
    discard: async (clientId, name) => {
      await act(async () => {
        await deps.background.call('queue.discard', { clientId });
        shelf.put({ clientId, title: name });
        return i18n.t('queuelist.discarded', { name });
      });
    },
    undo: async (clientId, name) => {
      shelf.take(clientId);
      await act(async () => {
        await deps.background.call('queue.undoDiscard', { clientId });
        return i18n.t('queuelist.restored', { name });
      });
    },
    retarget: (clientId, name, target) =>
      act(async () => {
        await deps.background.call('queue.retarget', { clientId, ...target });
        return i18n.t('queuelist.retargeted', { name });
      }),
    exportQuarantined: (index, format = 'json') => {
      const entry = state.list?.quarantined[index];
      if (entry === undefined) return;
      const file = format === 'md' ? quarantineMarkdownFile(entry) : quarantineFile(entry);
      if (file === undefined) return;
      deps.download(file.name, file.text);
      set({ info: i18n.t('queuelist.quarantine.exported', { name: entry.title ?? entry.address ?? file.name }), error: undefined });
    },
    discardQuarantined: async (index, name) => {
      const entry = state.list?.quarantined[index];
      if (entry === undefined) return;
      await act(async () => {
        await deps.background.call('queue.discardQuarantined', { index, at: entry.at });
        return i18n.t('queuelist.quarantine.discarded', { name });
      });
    },
    clearQuarantine: async () => {
      await act(async () => {
        await deps.background.call('queue.clearQuarantine', {});
        return i18n.t('queuelist.quarantine.cleared');
      });
    },
    dispose: () => shelf.clear(),
  };
}
