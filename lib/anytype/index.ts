/**
 * Typed client for Anytype Desktop's local HTTP API (version 2025-11-08).
 *
 *   const auth = createAuth();
 *   const { challengeId } = await auth.createChallenge('Clip to Anytype');
 *   const { apiKey } = await auth.createApiKey(challengeId, '1234');
 *   const anytype = createClient({ apiKey });
 *   const spaces = (await anytype.spaces.list()).filter((s) => !s.isChat);
 *
 * Every failure is an AnytypeError (./errors) whose `kind` says what the person must do.
 */
import { type ListsApi, listsApi } from './lists';
import { type ObjectsApi, objectsApi } from './objects';
import { type PropertiesApi, propertiesApi } from './properties';
import { type SearchApi, searchApi } from './search';
import { type SpacesApi, spacesApi } from './spaces';
import { type TagsApi, tagsApi } from './tags';
import { type TemplatesApi, templatesApi } from './templates';
import { createTransport } from './transport';
import { type TypesApi, typesApi } from './types';

export { type AuthClient, createAuth, PAIRING_TIMEOUT_MS } from './auth';
export {
  CURRENT_KEY_PATTERN,
  isFullGrant,
  type KeyFormat,
  type KeyGrant,
  KeyGrantSchema,
  keyFormat,
  LEGACY_KEY_PATTERN,
  type Permission,
} from './grants';
export { AnytypeError, type AnytypeErrorKind, ERROR_KINDS, isAnytypeError, userMessage } from './errors';
export { isValidId } from './ids';
export type {
  AnyObject,
  CreateObjectInput,
  CreateTagInput,
  FilterCondition,
  FilterExpression,
  FilterItem,
  Icon,
  IconInput,
  ObjectType,
  Page,
  Property,
  PropertyInput,
  PropertyValue,
  SearchInput,
  Space,
  Tag,
  TagColor,
  Template,
  UpdateObjectInput,
} from './schemas';
export { TAG_COLORS } from './schemas';
export { bySourceUrl, urlEquals } from './search';
export { colorForName } from './tags';
export { API_VERSION, DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, normalizeBaseUrl } from './transport';
export type { ListsApi, ObjectsApi, PropertiesApi, SearchApi, SpacesApi, TagsApi, TemplatesApi, TypesApi };

export interface ClientOptions {
  apiKey: string;
  /** Default http://127.0.0.1:31009 (Desktop); headless anytype-cli listens on 31012. Loopback only. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface AnytypeClient {
  /** The `Anytype-Version` header of the last response, once there was one. */
  readonly serverVersion: string | undefined;
  readonly spaces: SpacesApi;
  readonly types: TypesApi;
  readonly properties: PropertiesApi;
  readonly tags: TagsApi;
  readonly objects: ObjectsApi;
  readonly search: SearchApi;
  readonly lists: ListsApi;
  readonly templates: TemplatesApi;
}

export function createClient(opts: ClientOptions): AnytypeClient {
  if (typeof opts.apiKey !== 'string' || opts.apiKey.trim() === '' || /[\s]/.test(opts.apiKey)) {
    // Not an AnytypeError: this is a caller bug, and the message must not echo the key.
    throw new TypeError('createClient needs an API key without spaces');
  }
  const t = createTransport(opts);
  return {
    get serverVersion() {
      return t.serverVersion;
    },
    spaces: spacesApi(t),
    types: typesApi(t),
    properties: propertiesApi(t),
    tags: tagsApi(t),
    objects: objectsApi(t),
    search: searchApi(t),
    lists: listsApi(t),
    templates: templatesApi(t),
  };
}
