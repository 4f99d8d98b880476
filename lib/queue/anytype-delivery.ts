/**
 * ClipDelivery on top of the Anytype client. Typed against the narrow slice of AnytypeClient it
 * uses, so the queue does not depend on the client's internals (the real client fits this shape).
 *
 * Dedupe: every clip carries its page in the `source` url property. After an in-doubt create,
 * findExisting searches the target space for objects of the job's type with that source, then
 * keeps only one with the same name, created no earlier than the job's first send, and not owned
 * by another job of the queue. Writes go one at a time, so that is the object the in-doubt
 * create made. No marker is written into the person's note.
 */
import { AnytypeError } from '../anytype/errors';
import type { SpaceProperties, SpaceProperty } from './space-properties';
import type { ClipDelivery, ClipJob, PropertyEntry } from './types';
import { cleanTagNames, tagKey } from '../settings/tag-names';

interface TagLike {
  id: string;
  name: string;
}

interface FoundObject {
  id: string;
  name: string;
  type?: { key: string } | null;
  properties?: { key: string; url?: string | null; date?: string | null }[] | null;
}

interface SearchInputLike {
  types?: string[];
  filters?: {
    operator?: 'and' | 'or';
    conditions?: { property_key: string; condition: 'eq'; url: string }[];
  };
  sort?: { property_key?: 'created_date'; direction?: 'desc' };
}

/** The part of AnytypeClient (lib/anytype) the delivery needs. */
export interface DeliveryClient {
  properties: { list(spaceId: string): Promise<{ id: string; key: string; format?: string }[]> };
  tags: {
    list(spaceId: string, propertyId: string): Promise<TagLike[]>;
    create(spaceId: string, propertyId: string, input: { name: string }): Promise<TagLike>;
  };
  objects: {
    create(
      spaceId: string,
      input: { type_key: string; name?: string; body?: string; properties?: PropertyEntry[]; template_id?: string },
    ): Promise<{ id: string }>;
  };
  search: {
    inSpace(
      spaceId: string,
      input: SearchInputLike,
      page?: { offset?: number; limit?: number },
    ): Promise<{ data: FoundObject[]; pagination: { has_more: boolean } }>;
  };
  lists: { addObjects(spaceId: string, listId: string, objectIds: string[]): Promise<void> };
}

export interface AnytypeDeliveryOptions {
  /** Called for every job, so a new pairing (new key) is used without rebuilding the queue. */
  client: () => DeliveryClient | Promise<DeliveryClient>;
  /** Recently read property lists (see space-properties); without it every create asks first. */
  properties?: SpaceProperties;
}

/** created_date has second precision and Desktop's clock is this machine's; allow some slack. */
const CREATED_SLACK_MS = 30_000;
const SEARCH_PAGE = 100;
const SEARCH_PAGES = 5;

const normalizeName = (name: string) => name.replace(/\s+/g, ' ').trim();

function normalizeUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url.trim();
  }
}

export async function resolveTagIds(
  client: DeliveryClient,
  spaceId: string,
  names: string[],
  /** The space's properties when the caller has just read them. */
  spaceProperties?: SpaceProperty[],
): Promise<string[]> {
  const wanted = new Map(cleanTagNames(names).map((name) => [tagKey(name), name]));
  if (wanted.size === 0) return [];
  const tagProperty = (spaceProperties ?? (await client.properties.list(spaceId))).find((p) => p.key === 'tag');
  if (tagProperty === undefined) {
    throw new AnytypeError('bad_request', { serverMessage: 'the space has no "tag" property' });
  }
  const known = new Map<string, string>();
  for (const tag of await client.tags.list(spaceId, tagProperty.id)) known.set(tagKey(tag.name), tag.id);
  const ids: string[] = [];
  for (const [normalized, name] of wanted) {
    // A tag made by an earlier attempt whose create then failed is found here, not made twice.
    let id = known.get(normalized);
    if (id === undefined) {
      id = (await client.tags.create(spaceId, tagProperty.id, { name })).id;
      known.set(normalized, id);
    }
    ids.push(id);
  }
  return ids;
}

function withTagsAndSource(job: ClipJob, tagIds: string[]): PropertyEntry[] {
  const properties: PropertyEntry[] = [];
  let tagged = false;
  for (const entry of job.payload.properties) {
    if (entry.key === 'tag' && 'multi_select' in entry && tagIds.length > 0) {
      properties.push({ key: 'tag', multi_select: [...new Set([...entry.multi_select, ...tagIds])] });
      tagged = true;
    } else {
      properties.push(entry);
    }
  }
  if (!tagged && tagIds.length > 0) properties.push({ key: 'tag', multi_select: tagIds });
  // The source url is what findExisting looks the object up by.
  if (job.sourceUrl !== '' && !properties.some((p) => p.key === 'source')) {
    properties.push({ key: 'source', url: job.sourceUrl });
  }
  return properties;
}

/** Value fields whose name is the property format they need. */
const FORMAT_OF_FIELD = ['text', 'number', 'select', 'multi_select', 'date', 'files', 'checkbox', 'url', 'email', 'phone', 'objects'];
/** Always sent: `source` is how a clip is found again, `tag` was resolved against the space just now. */
const ALWAYS_SENT = new Set(['source', 'tag']);

/**
 * Metadata (author, date, description…) is sent only where the space has a property of that key
 * and format: an unknown key is a 400, and a clip must not create properties behind the person's back.
 */
function keepWhatTheSpaceHolds(entries: PropertyEntry[], space: { key: string; format?: string }[]): PropertyEntry[] {
  const formats = new Map(space.map((property) => [property.key, property.format]));
  return entries.filter((entry) => {
    if (ALWAYS_SENT.has(entry.key)) return true;
    const field = FORMAT_OF_FIELD.find((name) => name in entry);
    return formats.has(entry.key) && (formats.get(entry.key) === undefined || formats.get(entry.key) === field);
  });
}

function sourceOf(job: ClipJob): string {
  const entry = job.payload.properties.find((p) => p.key === 'source');
  if (entry !== undefined && 'url' in entry) return entry.url;
  return job.sourceUrl;
}

function isTheClip(obj: FoundObject, job: ClipJob, source: string): boolean {
  if (normalizeName(obj.name) !== normalizeName(job.payload.name)) return false;
  if (obj.type && obj.type.key !== '' && obj.type.key !== job.target.typeKey) return false;
  const props = obj.properties ?? [];
  if (source !== '') {
    const url = props.find((p) => p.key === 'source')?.url;
    if (typeof url !== 'string' || normalizeUrl(url) !== normalizeUrl(source)) return false;
  }
  const created = props.find((p) => p.key === 'created_date')?.date;
  const createdMs = typeof created === 'string' ? Date.parse(created) : Number.NaN;
  // Without a created date, name + source + type + not owned by another clip must do.
  if (!Number.isNaN(createdMs) && job.sentAt !== undefined && createdMs < job.sentAt - CREATED_SLACK_MS) return false;
  return true;
}

export function createAnytypeDelivery(options: AnytypeDeliveryOptions): Required<ClipDelivery> {
  return {
    async create(job) {
      const client = await options.client();
      const { spaceId, typeKey, templateId } = job.target;
      const tagNames = job.payload.tagNames ?? [];
      const read = () => options.properties?.fetch(client, spaceId) ?? client.properties.list(spaceId);
      // Tags need the tag property as it is now; without tags a recent list decides the metadata.
      const kept = tagNames.length === 0 ? options.properties?.kept(client, spaceId) : undefined;
      const spaceProperties = kept ?? (await read());
      const tagIds = await resolveTagIds(client, spaceId, tagNames, spaceProperties);
      const wanted = withTagsAndSource(job, tagIds);
      const send = (properties: PropertyEntry[]) =>
        client.objects.create(spaceId, {
          type_key: typeKey,
          name: job.payload.name,
          body: job.payload.markdown,
          properties,
          ...(templateId === undefined ? {} : { template_id: templateId }),
        });
      const first = keepWhatTheSpaceHolds(wanted, spaceProperties);
      try {
        return { objectId: (await send(first)).id };
      } catch (error) {
        // A 400 made nothing. If the kept list was stale (a property removed since), the space's
        // list as it is now decides, once; anything else goes to the queue as before.
        const refused = error instanceof AnytypeError && error.kind === 'bad_request' && !error.mayHaveApplied;
        if (kept === undefined || !refused) throw error;
        const again = keepWhatTheSpaceHolds(wanted, await read());
        const keys = (entries: PropertyEntry[]) => entries.map((entry) => entry.key).join('\n');
        if (keys(again) === keys(first)) throw error;
        return { objectId: (await send(again)).id };
      }
    },

    async findExisting(job, exclude) {
      const client = await options.client();
      const source = sourceOf(job);
      const input: SearchInputLike = {
        types: [job.target.typeKey],
        sort: { property_key: 'created_date', direction: 'desc' },
        ...(source === ''
          ? {}
          : { filters: { operator: 'and', conditions: [{ property_key: 'source', condition: 'eq', url: source }] } }),
      };
      for (let page = 0; page < SEARCH_PAGES; page += 1) {
        const result = await client.search.inSpace(job.target.spaceId, input, {
          offset: page * SEARCH_PAGE,
          limit: SEARCH_PAGE,
        });
        const hit = result.data.find((obj) => !exclude.has(obj.id) && isTheClip(obj, job, source));
        if (hit !== undefined) return hit.id;
        if (!result.pagination.has_more) break;
      }
      return null;
    },

    async addToCollection(job, objectId) {
      const collectionId = job.target.collectionId;
      if (collectionId === undefined) return;
      const client = await options.client();
      await client.lists.addObjects(job.target.spaceId, collectionId, [objectId]);
    },
  };
}
