/** In-memory shapes of the sandbox vault (internal; the wire shapes live in serialize.ts). */
import type { StoredValue } from './types';

export type PropertyFormat =
  | 'text'
  | 'number'
  | 'select'
  | 'multi_select'
  | 'date'
  | 'files'
  | 'checkbox'
  | 'url'
  | 'email'
  | 'phone'
  | 'objects';

export type Icon =
  | { format: 'emoji'; emoji: string }
  | { format: 'icon'; name: string; color: string }
  | { format: 'file'; file: string };

export interface VProperty {
  id: string;
  key: string;
  name: string;
  format: PropertyFormat;
  /** Set by Anytype itself (dates, creator); the API refuses to write them. */
  readOnly: boolean;
}

export interface VTag {
  id: string;
  key: string;
  name: string;
  color: string;
  propertyKey: string;
}

export interface VType {
  id: string;
  key: string;
  name: string;
  plural_name: string;
  layout: 'basic' | 'profile' | 'action' | 'note' | 'bookmark' | 'set' | 'collection' | 'participant';
  icon: Icon;
  /** Keys of the properties linked to the type. */
  propertyKeys: string[];
  archived: boolean;
}

export interface VObject {
  id: string;
  spaceId: string;
  typeKey: string;
  name: string;
  markdown: string;
  icon: Icon | null;
  properties: Record<string, StoredValue>;
  /** Collections this object was added to. */
  lists: string[];
  /** Members, when this object is a collection. */
  listItems: string[];
  templateId: string | null;
  archived: boolean;
  createdAt: number;
  modifiedAt: number;
  /** Part of the bundled vault rather than made through the API. */
  seeded: boolean;
  /** A template object: listed under its type's templates, hidden from lists and search. */
  isTemplate: boolean;
}

export interface VSpace {
  id: string;
  name: string;
  description: string;
  kind: 'anytype.space' | 'anytype.chatspace';
  icon: Icon;
  types: VType[];
  properties: VProperty[];
  tags: VTag[];
  objects: Map<string, VObject>;
  /** The one view every collection has. */
  viewId: string;
}
