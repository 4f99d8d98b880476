/**
 * storage.local as a JSON map: each set() serialises its values as the browser does (so a value
 * that would not survive storage does not survive here either) and records the bytes it wrote and
 * how long that took. Shared by the queue's unit tests and `npm run bench:queue`.
 */
import type { StorageAreaLike } from '../../lib/queue';

export interface StorageWrite {
  bytes: number;
  ms: number;
}

export class CountingArea implements StorageAreaLike {
  data = new Map<string, string>();
  writes: StorageWrite[] = [];

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, value] of Object.entries(initial)) this.data.set(k, JSON.stringify(value));
  }

  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const k of wanted) if (this.data.has(k)) out[k] = JSON.parse(this.data.get(k) as string);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const start = performance.now();
    let bytes = 0;
    for (const [k, value] of Object.entries(items)) {
      const text = JSON.stringify(value);
      bytes += k.length + text.length;
      this.data.set(k, text);
    }
    this.writes.push({ bytes, ms: performance.now() - start });
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }

  /** The keys now stored that start with `prefix`, sorted. */
  keysStartingWith(prefix: string): string[] {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
