/** Stand-ins for the clip form's tests: storage areas, the background's answers, localStorage. */
import type { BackgroundClient } from '../../../lib/protocol/client';

export function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => ({ [key]: data[key] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (key: string) => void delete data[key],
  };
}

export function fakeBackground(calls: { type: string; payload: unknown }[]): BackgroundClient {
  const answers: Record<string, unknown> = {
    'spaces.list': [
      { id: 's1', name: 'Work' },
      { id: 's2', name: 'Research' },
    ],
    'types.list': [
      { id: 't-note', key: 'note', name: 'Note' },
      { id: 't-page', key: 'page', name: 'Page' },
      { id: 't-bm', key: 'bookmark', name: 'Bookmark' },
    ],
    'collections.list': [{ id: 'c1', name: 'Reading list' }],
    'tags.list': [{ id: 'g1', name: 'ai' }],
    'templates.list': [],
    'clip.preview': { url: 'https://e.example/a', title: 'Page title', markdown: 'Hello', size: { words: 1, images: 0, inlinedImages: 0 } },
    'clip.existing': null,
    'clip.submit': { clientId: 'x', state: 'done', spaceId: 's2', objectId: 'o1', openUrl: 'anytype://object?objectId=o1&spaceId=s2' },
  };
  return {
    async call(type, payload) {
      calls.push({ type, payload });
      return answers[type] as never;
    },
  };
}

/** localStorage as the popup snapshot uses it; `refuseWrites` acts like a full or refused store. */
export class MapStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly refuseWrites = false) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}
