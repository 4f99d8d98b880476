/**
 * Clips discarded a moment ago, each offered back (Undo) for a few seconds. The queue keeps the
 * clip itself (lib/queue/queue.ts, for a minute); this only decides how long the page offers it.
 * The timer is injected so tests step time instead of waiting for it.
 */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface ShelfItem {
  clientId: string;
  title: string;
}

export interface UndoShelf {
  /** Offers Undo for this clip until `ms` passes. */
  put(item: ShelfItem): void;
  /** Takes the clip off the shelf (Undo was chosen); false when it was no longer there. */
  take(clientId: string): boolean;
  items(): ShelfItem[];
  /** Ends every offer (the page is going away). */
  clear(): void;
}

// Long enough to notice and reach the button (and for a slow WebDriver click); the background keeps the clip longer (policy.undoDiscardMs).
export const UNDO_OFFER_MS = 20_000;

export function createUndoShelf(timers: Timers, onChange: (items: ShelfItem[]) => void, ms = UNDO_OFFER_MS): UndoShelf {
  const shelf = new Map<string, { item: ShelfItem; handle: unknown }>();
  const changed = () => onChange([...shelf.values()].map((s) => s.item));
  const drop = (clientId: string) => {
    const held = shelf.get(clientId);
    if (held === undefined) return false;
    timers.clear(held.handle);
    shelf.delete(clientId);
    changed();
    return true;
  };
  return {
    put(item) {
      drop(item.clientId);
      const handle = timers.set(() => drop(item.clientId), ms);
      shelf.set(item.clientId, { item, handle });
      changed();
    },
    take: drop,
    items: () => [...shelf.values()].map((s) => s.item),
    clear() {
      for (const { handle } of shelf.values()) timers.clear(handle);
      shelf.clear();
      changed();
    },
  };
}
