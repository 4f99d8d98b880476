/**
 * The popup's clip form as plain state transitions: what is loaded when, what is remembered,
 * and what Save sends. Components only render this state and call these actions.
 */
import { i18n } from '#i18n';
import type { PageMode } from '../capture/schema';
import { BackgroundError, type BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import type { ClipPrefsStore } from '../settings/clip-prefs';

type Item = { id: string; name: string };
type TypeItem = MessageOutput<'types.list'>[number];
type TagItem = MessageOutput<'tags.list'>[number];

export interface ClipFormState {
  loading: boolean;
  tabId?: number;
  spaces: Item[];
  types: TypeItem[];
  collections: Item[];
  tags: TagItem[];
  templates: Item[];
  spaceId?: string;
  typeKey?: string;
  templateId?: string;
  collectionId?: string;
  mode: PageMode;
  title: string;
  note: string;
  tagNames: string[];
  preview?: MessageOutput<'clip.preview'>;
  previewError?: string;
  existing?: MessageOutput<'clip.existing'>;
  saving: boolean;
  result?: MessageOutput<'clip.submit'>;
  error?: string;
}

export interface SpaceLists {
  types: TypeItem[];
  collections: Item[];
  tags: TagItem[];
}

/** Lists seen last time, so the form is usable at once while fresh ones load (session storage). */
export interface ListCache {
  load(): Promise<{ spaces: Item[]; bySpace: Record<string, SpaceLists> } | undefined>;
  save(value: { spaces: Item[]; bySpace: Record<string, SpaceLists> }): Promise<void>;
}

export interface ClipFormDeps {
  background: BackgroundClient;
  prefs: ClipPrefsStore;
  cache?: ListCache;
  newClientId?: () => string;
}

const PREFERRED_TYPES = ['page', 'bookmark', 'note'];

export function createClipFormController(deps: ClipFormDeps, onChange: (state: ClipFormState) => void) {
  let state: ClipFormState = {
    loading: true,
    spaces: [],
    types: [],
    collections: [],
    tags: [],
    templates: [],
    mode: 'article',
    title: '',
    note: '',
    tagNames: [],
    saving: false,
  };
  const set = (next: Partial<ClipFormState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  const call = deps.background.call.bind(deps.background);
  // One id for this form: Save pressed twice, or re-sent after a lost answer, is still one clip.
  const clientId = (deps.newClientId ?? (() => crypto.randomUUID()))();
  const messageOf = (error: unknown) =>
    error instanceof BackgroundError ? error.message : i18n.t('app.genericError');

  async function loadPreview(): Promise<void> {
    if (state.tabId === undefined) return;
    try {
      const preview = await call('clip.preview', { tabId: state.tabId, mode: state.mode });
      set({ preview, previewError: undefined, title: state.title || preview.title });
      void checkExisting();
    } catch (error) {
      set({ preview: undefined, previewError: messageOf(error) });
    }
  }

  async function checkExisting(): Promise<void> {
    const url = state.preview?.url;
    if (!state.spaceId || !url || !/^https?:/i.test(url)) return set({ existing: null });
    try {
      set({ existing: await call('clip.existing', { spaceId: state.spaceId, url }) });
    } catch {
      set({ existing: null });
    }
  }

  async function selectType(typeKey: string | undefined): Promise<void> {
    set({ typeKey, templateId: undefined, templates: [] });
    const type = state.types.find((t) => t.key === typeKey);
    if (!state.spaceId || !type) return;
    try {
      set({ templates: await call('templates.list', { spaceId: state.spaceId, typeId: type.id }) });
    } catch {
      set({ templates: [] });
    }
  }

  let cached: Awaited<ReturnType<ListCache['load']>>;
  let modeChosen = false;

  async function applyLists(spaceId: string, lists: SpaceLists): Promise<void> {
    const prefs = await deps.prefs.load();
    const { types, collections } = lists;
    const keep = (key: string | undefined) => (key && types.some((t) => t.key === key) ? key : undefined);
    const typeKey =
      keep(state.spaceId === spaceId ? state.typeKey : undefined) ??
      keep(prefs.typeKeyBySpace[spaceId]) ??
      PREFERRED_TYPES.map((key) => keep(key)).find(Boolean) ??
      types[0]?.key;
    const collectionId = collections.find(
      (c) => c.id === (state.collectionId ?? prefs.collectionBySpace[spaceId]),
    )?.id;
    set({ ...lists, collectionId });
    if (typeKey !== state.typeKey || state.templates.length === 0) await selectType(typeKey);
  }

  async function selectSpace(spaceId: string): Promise<void> {
    const fromCache = cached?.bySpace[spaceId];
    set({ spaceId, types: [], collections: [], tags: [], templates: [], collectionId: undefined, existing: undefined });
    try {
      if (fromCache) await applyLists(spaceId, fromCache);
      const [types, collections, tags] = await Promise.all([
        call('types.list', { spaceId }),
        call('collections.list', { spaceId }).catch(() => []),
        call('tags.list', { spaceId }).catch(() => []),
      ]);
      if (state.spaceId !== spaceId) return;
      await applyLists(spaceId, { types, collections, tags });
      cached = { spaces: state.spaces, bySpace: { ...cached?.bySpace, [spaceId]: { types, collections, tags } } };
      void deps.cache?.save(cached).catch(() => undefined);
      void checkExisting();
    } catch (error) {
      set({ error: messageOf(error) });
    }
  }

  return {
    get state() {
      return state;
    },

    async init(tabId: number | undefined): Promise<void> {
      set({ tabId, loading: true });
      try {
        const prefs = await deps.prefs.load();
        cached = await deps.cache?.load().catch(() => undefined);
        // A mode the person picked while the form was loading wins over last time's.
        if (!modeChosen) set({ mode: prefs.mode });
        // The preview reads the page; Save does not wait for it.
        const preview = loadPreview();
        const pick = (spaces: Item[]) => spaces.find((s) => s.id === prefs.spaceId)?.id ?? spaces[0]?.id;
        const cachedSpace = cached && pick(cached.spaces);
        if (cached && cachedSpace && cached.bySpace[cachedSpace]) {
          set({ spaces: cached.spaces, spaceId: cachedSpace });
          await applyLists(cachedSpace, cached.bySpace[cachedSpace]);
          set({ loading: false });
        }
        const spaces = await call('spaces.list', {});
        set({ spaces });
        const spaceId = spaces.some((s) => s.id === state.spaceId) ? state.spaceId : pick(spaces);
        if (spaceId) await selectSpace(spaceId);
        set({ loading: false });
        await preview;
      } catch (error) {
        set({ error: messageOf(error) });
      } finally {
        set({ loading: false });
      }
    },

    selectSpace,
    selectType,
    setTitle: (title: string) => set({ title }),
    setNote: (note: string) => set({ note }),
    setCollection: (collectionId: string | undefined) => set({ collectionId }),
    setTemplate: (templateId: string | undefined) => set({ templateId }),
    async setMode(mode: PageMode) {
      modeChosen = true;
      set({ mode, preview: undefined });
      await loadPreview();
    },
    addTag(name: string) {
      const clean = name.trim().replace(/\s+/g, ' ');
      if (!clean || state.tagNames.some((t) => t.toLowerCase() === clean.toLowerCase())) return;
      set({ tagNames: [...state.tagNames, clean].slice(0, 50) });
    },
    removeTag(name: string) {
      set({ tagNames: state.tagNames.filter((t) => t !== name) });
    },

    async save(): Promise<void> {
      if (state.saving) return;
      if (!state.spaceId || !state.typeKey) return set({ error: i18n.t('clip.chooseTarget') });
      set({ saving: true, error: undefined, result: undefined });
      try {
        const result = await call('clip.submit', {
          clientId,
          tabId: state.tabId,
          mode: state.mode,
          spaceId: state.spaceId,
          typeKey: state.typeKey,
          templateId: state.templateId,
          collectionId: state.collectionId,
          title: state.title,
          note: state.note || undefined,
          tagNames: state.tagNames.length ? state.tagNames : undefined,
        });
        set({ result });
        await deps.prefs.remember({
          spaceId: state.spaceId,
          typeKey: state.typeKey,
          collectionId: state.collectionId,
          mode: state.mode,
        });
      } catch (error) {
        set({ error: messageOf(error) });
      } finally {
        set({ saving: false });
      }
    },
  };
}

export type ClipFormController = ReturnType<typeof createClipFormController>;
