/**
 * The options page's quick clip settings: the default target and the ordered site rules.
 * Every change is saved at once (the background validates it again); the pickers' lists come
 * from the active connection and are loaded per space as they are needed.
 */
import { i18n } from '#i18n';
import type { BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import type { ClipSettings } from '../settings/clip-settings';
import type { ClipPreset, SiteRule } from '../settings/site-rules';
import type { SetAsideEntry } from '../settings/versioned-item';
import { messageOf } from './connections-controller';
import { type RuleDraft, ruleDraftProblem } from './rule-draft';

type Item = { id: string; name: string };
type TypeItem = MessageOutput<'types.list'>[number];

export interface ClipSettingsState {
  loading: boolean;
  settings: ClipSettings;
  spaces: Item[];
  /** Why the pickers are empty (not connected, Anytype closed…). */
  spacesError?: string;
  typesBySpace: Record<string, TypeItem[]>;
  collectionsBySpace: Record<string, Item[]>;
  busy: boolean;
  error?: string;
  info?: string;
  /** Stored entries that could not be read and were set aside (lib/settings/versioned-item.ts). */
  setAside: SetAsideEntry[];
}

export interface ClipSettingsDeps {
  background: BackgroundClient;
  newId?(): string;
}

export type { RuleDraft } from './rule-draft';

export { parseTagList } from '../settings/tag-names';

export function createClipSettingsController(deps: ClipSettingsDeps, onChange: (state: ClipSettingsState) => void) {
  let state: ClipSettingsState = {
    loading: true,
    settings: { defaults: { tagNames: [] }, siteRules: [] },
    spaces: [],
    typesBySpace: {},
    collectionsBySpace: {},
    busy: false,
    setAside: [],
  };
  const set = (next: Partial<ClipSettingsState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  const call = deps.background.call.bind(deps.background);
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function persist(settings: ClipSettings, info: string): Promise<string | undefined> {
    if (state.busy) return i18n.t('options.busy');
    set({ busy: true, error: undefined, info: undefined });
    try {
      set({ settings: await call('settings.save', settings), busy: false, info });
      return undefined;
    } catch (error) {
      const message = messageOf(error);
      set({ busy: false, error: message });
      return message;
    }
  }

  function ruleFrom(id: string, draft: RuleDraft): SiteRule {
    return {
      id,
      pattern: draft.pattern.trim(),
      spaceId: draft.spaceId,
      typeKey: draft.typeKey,
      collectionId: draft.collectionId,
      tagNames: draft.tagNames ?? [],
    };
  }

  const rules = () => state.settings.siteRules;

  return {
    async load(): Promise<void> {
      try {
        set({ settings: await call('settings.get', {}) });
        set({ setAside: await call('settings.setAside', {}) });
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    /** After the person has read the notice (and perhaps saved a copy of what was set aside). */
    async dismissSetAside(): Promise<void> {
      try {
        set({ setAside: await call('settings.dismissSetAside', {}) });
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    /** The pickers' lists, from the active connection: again whenever that connection changes. */
    async loadLists(): Promise<void> {
      set({ typesBySpace: {}, collectionsBySpace: {} });
      try {
        set({ spaces: await call('spaces.list', {}), spacesError: undefined, loading: false });
      } catch (error) {
        set({ spaces: [], spacesError: messageOf(error), loading: false });
        return;
      }
      const used = new Set([state.settings.defaults.spaceId, ...rules().map((rule) => rule.spaceId)]);
      for (const spaceId of used) if (spaceId) void this.loadSpace(spaceId);
    },

    /** Types and collections of a space, for the pickers; loaded once per space. */
    async loadSpace(spaceId: string): Promise<void> {
      if (state.typesBySpace[spaceId] || state.spacesError) return;
      try {
        const [types, collections] = await Promise.all([
          call('types.list', { spaceId }),
          call('collections.list', { spaceId }),
        ]);
        set({
          typesBySpace: { ...state.typesBySpace, [spaceId]: types },
          collectionsBySpace: { ...state.collectionsBySpace, [spaceId]: collections },
        });
      } catch (error) {
        set({ error: messageOf(error) });
      }
    },

    saveDefaults(defaults: ClipPreset): Promise<string | undefined> {
      return persist({ ...state.settings, defaults }, i18n.t('options.defaults.saved'));
    },

    addRule(draft: RuleDraft): Promise<string | undefined> {
      const problem = ruleDraftProblem(draft);
      if (problem) return Promise.resolve(problem);
      return persist({ ...state.settings, siteRules: [...rules(), ruleFrom(newId(), draft)] }, i18n.t('options.rules.added'));
    },

    updateRule(id: string, draft: RuleDraft): Promise<string | undefined> {
      const problem = ruleDraftProblem(draft);
      if (problem) return Promise.resolve(problem);
      const siteRules = rules().map((rule) => (rule.id === id ? ruleFrom(id, draft) : rule));
      return persist({ ...state.settings, siteRules }, i18n.t('options.rules.saved'));
    },

    removeRule(id: string): Promise<string | undefined> {
      return persist({ ...state.settings, siteRules: rules().filter((rule) => rule.id !== id) }, i18n.t('options.rules.removed'));
    },

    /** Moves a rule up (-1) or down (+1); order matters because the first match wins. */
    moveRule(id: string, by: -1 | 1): Promise<string | undefined> {
      const from = rules().findIndex((rule) => rule.id === id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= rules().length) return Promise.resolve(undefined);
      const siteRules = [...rules()];
      const [moved] = siteRules.splice(from, 1);
      siteRules.splice(to, 0, moved!);
      return persist({ ...state.settings, siteRules }, i18n.t(by < 0 ? 'options.rules.movedUp' : 'options.rules.movedDown'));
    },

    /** After an import. */
    adopt(settings: ClipSettings): void {
      set({ settings });
    },

    nameOf(kind: 'space' | 'collection', id: string | undefined, spaceId?: string): string | undefined {
      if (!id) return undefined;
      const list = kind === 'space' ? state.spaces : (state.collectionsBySpace[spaceId ?? ''] ?? []);
      return list.find((item) => item.id === id)?.name;
    },
  };
}

export type ClipSettingsController = ReturnType<typeof createClipSettingsController>;

/** What was set aside, as a file the person can keep: each entry as it was stored, with why it was not read. */
export function setAsideFileText(entries: readonly SetAsideEntry[]): string {
  const stored = (raw: string): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      return raw; // cut at its length limit: kept as text
    }
  };
  return JSON.stringify(
    {
      format: 'clip-to-anytype-set-aside',
      entries: entries.map((entry) => ({ what: entry.what, problem: entry.problem, at: new Date(entry.at).toISOString(), stored: stored(entry.raw) })),
    },
    null,
    2,
  );
}
