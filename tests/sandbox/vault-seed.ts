/** The bundled vault: what a fresh Anytype account with a little content looks like. */
import { cid, hexKey, spaceId } from './ids';
import type { Icon, PropertyFormat, VObject, VProperty, VSpace, VTag, VType } from './vault-model';

/** 2025-11-01T09:00:00Z, so seeded objects sort before anything made during a test. */
const SEED_TIME = Date.UTC(2025, 10, 1, 9, 0, 0);

const PROPERTIES: [key: string, name: string, format: PropertyFormat, readOnly: boolean][] = [
  ['description', 'Description', 'text', false],
  ['source', 'Source', 'url', false],
  ['tag', 'Tag', 'multi_select', false],
  ['status', 'Status', 'select', false],
  ['done', 'Done', 'checkbox', false],
  ['due_date', 'Due date', 'date', false],
  ['email', 'Email', 'email', false],
  ['phone', 'Phone', 'phone', false],
  ['assignee', 'Assignee', 'objects', false],
  ['estimate', 'Estimate', 'number', false],
  ['created_date', 'Creation date', 'date', true],
  ['last_modified_date', 'Last modified date', 'date', true],
  ['last_opened_date', 'Last opened date', 'date', true],
  ['creator', 'Created by', 'objects', true],
];

const TAGS: [propertyKey: string, name: string, color: string][] = [
  ['tag', 'research', 'blue'],
  ['tag', 'reading-list', 'yellow'],
  ['tag', 'important', 'red'],
  ['tag', 'later', 'grey'],
  ['status', 'Not started', 'grey'],
  ['status', 'In progress', 'blue'],
  ['status', 'Done', 'lime'],
];

const TYPES: [key: string, name: string, plural: string, layout: VType['layout'], icon: string, props: string[]][] = [
  ['page', 'Page', 'Pages', 'basic', 'document', ['tag', 'description']],
  ['note', 'Note', 'Notes', 'note', 'create', ['tag']],
  ['task', 'Task', 'Tasks', 'action', 'checkbox', ['status', 'done', 'due_date', 'assignee', 'tag']],
  ['bookmark', 'Bookmark', 'Bookmarks', 'bookmark', 'bookmark', ['source', 'description', 'tag']],
  ['collection', 'Collection', 'Collections', 'collection', 'layers', ['tag', 'description']],
  ['set', 'Query', 'Queries', 'set', 'search', ['tag', 'description']],
  ['project', 'Project', 'Projects', 'basic', 'hammer', ['status', 'tag', 'description']],
  ['human', 'Human', 'Humans', 'profile', 'person', ['email', 'phone', 'tag']],
];

function namedIcon(name: string, color = 'grey'): Icon {
  return { format: 'icon', name, color };
}

function seedObject(space: VSpace, seed: string, partial: Partial<VObject> & Pick<VObject, 'typeKey' | 'name'>, n: number): VObject {
  const at = SEED_TIME + n * 60_000;
  const obj: VObject = {
    id: cid(`${space.id}:object:${seed}`),
    spaceId: space.id,
    markdown: '',
    icon: null,
    properties: {},
    lists: [],
    listItems: [],
    templateId: null,
    archived: false,
    createdAt: at,
    modifiedAt: at,
    seeded: true,
    isTemplate: false,
    ...partial,
  };
  space.objects.set(obj.id, obj);
  return obj;
}

function tagId(space: VSpace, name: string): string {
  return space.tags.find((t) => t.name === name)?.id ?? '';
}

function seedSpace(seed: string, name: string, description: string, kind: VSpace['kind'], emoji: string): VSpace {
  const id = spaceId(`space:${seed}`);
  const properties: VProperty[] = PROPERTIES.map(([key, pname, format, readOnly]) => ({
    id: cid(`${id}:property:${key}`),
    key,
    name: pname,
    format,
    readOnly,
  }));
  const tags: VTag[] = TAGS.map(([propertyKey, tname, color]) => ({
    id: cid(`${id}:tag:${propertyKey}:${tname}`),
    key: hexKey(`${id}:tag:${propertyKey}:${tname}`),
    name: tname,
    color,
    propertyKey,
  }));
  const types: VType[] = TYPES.map(([key, tname, plural, layout, icon, props]) => ({
    id: cid(`${id}:type:${key}`),
    key,
    name: tname,
    plural_name: plural,
    layout,
    icon: namedIcon(icon),
    propertyKeys: props,
    archived: false,
  }));
  return {
    id,
    name,
    description,
    kind,
    icon: { format: 'emoji', emoji },
    types,
    properties,
    tags,
    objects: new Map(),
    viewId: hexKey(`${id}:view:all`),
  };
}

function seedContent(space: VSpace, label: string): void {
  let n = 0;
  const list = seedObject(space, 'reading-list', { typeKey: 'collection', name: 'Reading list', icon: namedIcon('library', 'yellow') }, n++);
  const page = seedObject(
    space,
    'welcome',
    {
      typeKey: 'page',
      name: `Welcome to ${label}`,
      markdown: `# Welcome to ${label}\n\nThis space is part of the Clip to Anytype sandbox.\n`,
      properties: { tag: [tagId(space, 'important')], description: 'Start here' },
    },
    n++,
  );
  const bookmark = seedObject(
    space,
    'anytype-site',
    {
      typeKey: 'bookmark',
      name: 'Anytype',
      markdown: 'The everything app for those who celebrate trust & autonomy.\n',
      properties: { source: 'https://anytype.io/', description: 'Anytype home page', tag: [tagId(space, 'research')] },
    },
    n++,
  );
  seedObject(space, 'note', { typeKey: 'note', name: '', markdown: 'Remember to clip the release notes.\n' }, n++);
  list.listItems.push(page.id, bookmark.id);
  page.lists.push(list.id);
  bookmark.lists.push(list.id);
  seedObject(space, 'page-template', { typeKey: 'page', name: 'Clean page', isTemplate: true }, n++);
  seedObject(
    space,
    'bookmark-template',
    { typeKey: 'bookmark', name: 'Web clip', isTemplate: true, properties: { tag: [tagId(space, 'reading-list')] } },
    n++,
  );
}

export function seedVault(): VSpace[] {
  const personal = seedSpace('personal', 'Personal', 'My notes and clippings', 'anytype.space', '🏠');
  const research = seedSpace('research', 'Research', 'Papers, articles and sources', 'anytype.space', '🔬');
  const chat = seedSpace('chat', 'Team chat', 'A chat space', 'anytype.chatspace', '💬');
  seedContent(personal, 'Personal');
  seedContent(research, 'Research');
  return [personal, research, chat];
}
