/** The in-memory vault: spaces, their types, properties, tags and objects, and the writes on them. */
import { ApiError, badRequest, notFound } from './errors';
import { cid, freshSeed, hexKey } from './ids';
import { pasteMarkdown } from './markdown';
import type { StoredObject } from './types';
import { resolveProperties } from './vault-values';
import type { Icon, VObject, VSpace, VTag } from './vault-model';
import { seedVault } from './vault-seed';

export interface CreateObjectInput {
  type_key: string;
  name?: string;
  body?: string;
  icon?: Icon;
  properties?: unknown;
  template_id?: string;
}

export interface UpdateObjectInput {
  name?: string;
  markdown?: string;
  icon?: Icon;
  properties?: unknown;
  type_key?: string;
}

export class Vault {
  readonly spaces: VSpace[] = seedVault();
  private lastTime = 0;

  /** `clock` is the sandbox's (SandboxOptions.now), so created dates follow a test's fake time. */
  constructor(private readonly clock: () => number = Date.now) {}

  /** Strictly increasing, so "last modified" sorts are stable within one millisecond. */
  private now(): number {
    this.lastTime = Math.max(this.clock(), this.lastTime + 1);
    return this.lastTime;
  }

  space(id: string): VSpace {
    const s = this.spaces.find((x) => x.id === id);
    if (!s) throw notFound(`space "${id}" not found`);
    return s;
  }

  /** Live (not archived) objects; templates only when asked for. */
  liveObjects(space: VSpace, templates = false): VObject[] {
    return [...space.objects.values()].filter((o) => !o.archived && o.isTemplate === templates);
  }

  object(space: VSpace, id: string, allowArchived = false): VObject {
    const o = space.objects.get(id);
    if (!o || o.isTemplate) throw notFound(`object "${id}" not found`);
    if (o.archived && !allowArchived) throw new ApiError(410, `object "${id}" has been deleted`, { clientFault: false });
    return o;
  }

  createObject(space: VSpace, input: CreateObjectInput): VObject {
    if (!space.types.some((t) => t.key === input.type_key && !t.archived)) {
      throw badRequest(`type "${input.type_key}" does not exist in this space`);
    }
    const properties = resolveProperties(space, input.properties);
    const body = pasteMarkdown(input.body ?? '');
    // Desktop reuses a bookmark with the same source and pastes the body into it again.
    const source = properties.source;
    if (input.type_key === 'bookmark' && typeof source === 'string') {
      const existing = this.liveObjects(space).find((o) => o.typeKey === 'bookmark' && o.properties.source === source);
      if (existing) {
        existing.markdown = joinBodies(existing.markdown, body);
        Object.assign(existing.properties, properties);
        existing.modifiedAt = this.now();
        return existing;
      }
    }
    let template: VObject | undefined;
    if (input.template_id !== undefined) {
      template = space.objects.get(input.template_id);
      if (!template?.isTemplate) throw badRequest(`template "${input.template_id}" not found`);
    }
    const at = this.now();
    const obj: VObject = {
      id: cid(`${space.id}:object:${freshSeed()}`),
      spaceId: space.id,
      typeKey: input.type_key,
      name: input.name ?? '',
      markdown: joinBodies(template?.markdown ?? '', body),
      icon: input.icon ?? template?.icon ?? null,
      properties: { ...template?.properties, ...properties },
      lists: [],
      listItems: [],
      templateId: input.template_id ?? null,
      archived: false,
      createdAt: at,
      modifiedAt: at,
      seeded: false,
      isTemplate: false,
    };
    space.objects.set(obj.id, obj);
    return obj;
  }

  updateObject(space: VSpace, id: string, input: UpdateObjectInput): VObject {
    const obj = this.object(space, id);
    if (input.type_key !== undefined && !space.types.some((t) => t.key === input.type_key)) {
      throw badRequest(`type "${input.type_key}" does not exist in this space`);
    }
    const properties = resolveProperties(space, input.properties);
    if (input.name !== undefined) obj.name = input.name;
    if (input.markdown !== undefined) obj.markdown = pasteMarkdown(input.markdown);
    if (input.icon !== undefined) obj.icon = input.icon;
    if (input.type_key !== undefined) obj.typeKey = input.type_key;
    Object.assign(obj.properties, properties);
    obj.modifiedAt = this.now();
    return obj;
  }

  deleteObject(space: VSpace, id: string): VObject {
    const obj = this.object(space, id);
    obj.archived = true;
    obj.modifiedAt = this.now();
    return obj;
  }

  createTag(space: VSpace, propertyId: string, input: { name: string; color: string; key?: string }): VTag {
    const p = space.properties.find((x) => x.id === propertyId);
    if (!p) throw notFound(`property "${propertyId}" not found`);
    if (p.format !== 'select' && p.format !== 'multi_select') {
      throw badRequest(`property "${p.key}" is not a select or multi_select property`);
    }
    const seed = freshSeed();
    const tag: VTag = {
      id: cid(`${space.id}:tag:${seed}`),
      key: input.key ?? hexKey(seed),
      name: input.name,
      color: input.color,
      propertyKey: p.key,
    };
    space.tags.push(tag);
    return tag;
  }

  addToList(space: VSpace, listId: string, ids: string[]): void {
    const list = space.objects.get(listId);
    if (!list || list.archived || list.isTemplate) throw notFound(`list "${listId}" not found`);
    if (list.typeKey !== 'collection') throw badRequest(`object "${listId}" is not a collection`);
    for (const id of ids) {
      const obj = this.object(space, id);
      if (!list.listItems.includes(id)) list.listItems.push(id);
      if (!obj.lists.includes(listId)) obj.lists.push(listId);
    }
    list.modifiedAt = this.now();
  }

  /** What the API created, for tests (seeded objects and templates left out). */
  stored(spaceId?: string): StoredObject[] {
    return this.spaces
      .filter((s) => spaceId === undefined || s.id === spaceId)
      .flatMap((s) => [...s.objects.values()])
      .filter((o) => !o.seeded)
      .map((o) => ({
        id: o.id,
        space_id: o.spaceId,
        type_key: o.typeKey,
        name: o.name,
        markdown: o.markdown,
        properties: { ...o.properties },
        lists: [...o.lists],
        template_id: o.templateId,
        archived: o.archived,
      }));
  }
}

function joinBodies(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return `${a.replace(/\n+$/, '')}\n\n${b}`;
}
