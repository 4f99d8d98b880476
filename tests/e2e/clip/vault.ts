import { expect } from 'vitest';
import { createClient } from '../../../lib/anytype';
import type { Sandbox, StoredObject } from '../../sandbox/index';
import { waitUntil } from '../harness';

/**
 * Reading back what the sandbox stored. Tags are stored as ids, so their names are read through
 * the API with the key the extension was given (GET requests: no write limit is spent).
 */
export interface VaultView {
  spaceId(name: string): Promise<string>;
  collectionId(spaceId: string, name: string): Promise<string>;
  /** Waits for the one object in the space whose source is `url`. */
  clipOf(spaceId: string, url: string): Promise<StoredObject>;
  /** Every object in the vault whose source is `url` (to prove nothing went elsewhere). */
  allWithSource(url: string): Promise<StoredObject[]>;
  tagNames(object: StoredObject): Promise<string[]>;
  /** How many tags with this name the space has (a new tag is created once, an existing one reused). */
  tagCount(spaceId: string, name: string): Promise<number>;
}

export function vaultView(sandbox: () => Sandbox, key: () => string): VaultView {
  const control = () => sandbox().control;
  const client = () => createClient({ apiKey: key(), baseUrl: sandbox().url });

  async function tags(spaceId: string) {
    const api = client();
    const property = (await api.properties.list(spaceId)).find((p) => p.key === 'tag');
    if (!property) throw new Error(`space ${spaceId} has no tag property`);
    return api.tags.list(spaceId, property.id);
  }

  return {
    async spaceId(name) {
      const space = (await control().spaces()).find((s) => s.name === name);
      if (!space) throw new Error(`no space named ${name}`);
      return space.id;
    },
    async collectionId(spaceId, name) {
      // control.objects() lists what was created during the test; the seeded vault is read through the API.
      const found = await client().search.inSpace(spaceId, { query: name, types: ['collection'] });
      const list = found.data.find((o) => o.name === name);
      if (!list) throw new Error(`no collection named ${name}`);
      return list.id;
    },
    async clipOf(spaceId, url) {
      const found = await waitUntil(`an object with source ${url} in ${spaceId}`, async () => {
        const matching = (await control().objects(spaceId)).filter((o) => o.properties.source === url);
        return matching.length > 0 ? matching : undefined;
      });
      expect(found, `objects with source ${url}`).toHaveLength(1);
      return found[0] as StoredObject;
    },
    async allWithSource(url) {
      return (await control().objects()).filter((o) => o.properties.source === url);
    },
    async tagNames(object) {
      const ids = object.properties.tag;
      if (ids === undefined || ids === null) return [];
      if (!Array.isArray(ids)) throw new Error(`tag is not a list: ${JSON.stringify(ids)}`);
      const byId = new Map((await tags(object.space_id)).map((t) => [t.id, t.name]));
      return ids.map((id) => byId.get(id) ?? `unknown tag ${id}`).sort();
    },
    async tagCount(spaceId, name) {
      return (await tags(spaceId)).filter((t) => t.name === name).length;
    },
  };
}
