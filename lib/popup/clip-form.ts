/**
 * The popup's clip form: what is loaded when, what is remembered, and what Save sends. The state
 * transitions themselves are lib/popup/clip-reducer.ts; components only render the state and call
 * these actions.
 */
import { i18n } from '#i18n';
import { BackgroundError } from '../protocol/client';
import type { PageMode } from '../capture/schema';
import type { ClipPrefs } from '../settings/clip-prefs';
import { matchSiteRule, type SiteRule } from '../settings/site-rules';
import type { CachedLists, ClipFormDeps, ClipFormStart, ClipFormState, SpaceLists } from './clip-form-types';
import { listsPatch, pickSpace, ruleHintFor, ruleTagNames } from './form-choices';
import { blankClipFormState, type ClipAction, reduceClipForm } from './clip-reducer';
import { ownType } from './mode-type';

export type { CachedLists, ClipFormDeps, ClipFormState, ListCache, SiteContext, SpaceLists } from './clip-form-types';
export { blankClipFormState } from './clip-reducer';

type Item = { id: string; name: string };

const usedStarts = new WeakSet<NonNullable<ClipFormDeps['start']>>();

export function createClipFormController(deps: ClipFormDeps, onChange: (state: ClipFormState) => void) {
  let state = blankClipFormState();
  let quiet = false;
  const dispatch = (action: ClipAction) => {
    const next = reduceClipForm(state, action);
    if (next === state) return;
    state = next;
    if (!quiet) onChange(state);
  };
  const set = (patch: Partial<ClipFormState>) => dispatch({ type: 'patch', patch });
  const call = deps.background.call.bind(deps.background);
  const newClientId = deps.newClientId ?? (() => crypto.randomUUID());
  // One id per clip: Save pressed twice, or re-sent after a lost answer, is still one clip; only
  // "Clip again" after a success card starts another.
  let clientId = newClientId();
  const codeOf = (error: unknown) => (error instanceof BackgroundError ? error.code : undefined);
  const messageOf = (error: unknown) =>
    error instanceof BackgroundError ? error.message : i18n.t('app.genericError');
  /** Anytype is not running: the form goes on from the lists seen last time, and Save queues the clip. */
  const unreachable = (error: unknown) => error instanceof BackgroundError && error.code === 'offline';

  let cached: CachedLists | undefined;
  // What the person picked: answers that arrive later (lists, the site rule) never change it.
  const chosen = { mode: false, space: false, type: false, collection: false, tags: false };
  let prefs: ClipPrefs | undefined;
  let rules: readonly SiteRule[] = [];
  let rule: SiteRule | undefined;
  /** Whether the page's address is known, so `rule` is the rule for it (or there is none). */
  let ruleSettled = false;
  /** The templates of the type chosen last; the form is usable without them (no template is a choice). */
  let templatesLoading: Promise<void> = Promise.resolve();
  /** The site rules as read from storage: settled at once unless the form was drawn from a guess. */
  let rulesRead: Promise<unknown> = Promise.resolve();
  /** The tab to clip, when the form was drawn before the browser said which it is. */
  let tabArrival: Promise<number | undefined> | undefined;

  async function loadPreview(): Promise<void> {
    if (state.tabId === undefined) return;
    const mode = state.mode;
    try {
      // Also starts the capture Save will send (the background keeps it), so Save need not read the page.
      const preview = await call('clip.preview', { tabId: state.tabId, mode });
      if (state.mode !== mode) return; // another mode was chosen meanwhile; its own preview follows
      set({ preview, previewError: undefined, title: state.title || preview.title });
      if (!ruleSettled) void rulesRead.then(() => (ruleSettled ? undefined : applyLateRule(preview.url)));
      void checkExisting();
    } catch (error) {
      if (state.mode !== mode) return;
      if (error instanceof BackgroundError && error.code === 'cannot_capture') return pageUnreadable(mode);
      set({ preview: undefined, previewError: messageOf(error) });
    }
  }

  /**
   * The browser will not let the extension read this page. A web page is still worth a bookmark
   * (the background makes it from the tab's address and title); a browser page is not.
   */
  async function pageUnreadable(mode: PageMode): Promise<void> {
    const url = (await deps.site?.promise.catch(() => undefined))?.url ?? '';
    if (!/^https?:\/\//i.test(url) || mode === 'bookmark') {
      return set({ preview: undefined, pageLimit: 'none', previewError: i18n.t('clip.limits.none') });
    }
    set({ pageLimit: 'bookmarkOnly', previewError: undefined });
    await changeMode('bookmark');
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

  async function loadTemplates(): Promise<void> {
    const { spaceId, typeKey } = state;
    const type = state.types.find((t) => t.key === typeKey);
    if (!spaceId || !type) return;
    // Answers can arrive out of order: only the type still chosen gets its templates.
    const stillChosen = () => state.spaceId === spaceId && state.typeKey === typeKey;
    try {
      const templates = await call('templates.list', { spaceId, typeId: type.id });
      if (stillChosen()) set({ templates });
    } catch {
      if (stillChosen()) set({ templates: [] });
    }
  }

  async function changeType(typeKey: string | undefined): Promise<void> {
    dispatch({ type: 'type', typeKey });
    await loadTemplates();
  }

  /** A new mode, and its preview; Bookmark mode may change the type (lib/popup/mode-type.ts), whose templates follow. */
  async function changeMode(mode: PageMode): Promise<void> {
    const typeBefore = state.typeKey;
    dispatch({ type: 'mode', mode });
    if (state.typeKey !== typeBefore) templatesLoading = loadTemplates();
    await Promise.all([loadPreview(), templatesLoading]);
  }

  /** The state for a space's lists (lib/popup/form-choices: listsPatch), with what the person picked. */
  function withLists(spaceId: string, lists: SpaceLists, remembered: ClipPrefs): { next: Partial<ClipFormState>; reload: boolean } {
    return listsPatch(state, { type: chosen.type, collection: chosen.collection }, spaceId, lists, remembered, rule);
  }

  function applyLists(spaceId: string, lists: SpaceLists, remembered: ClipPrefs): void {
    const { next, reload } = withLists(spaceId, lists, remembered);
    set(next);
    if (reload) templatesLoading = loadTemplates();
  }

  const ruleTags = (): Partial<ClipFormState> => (rule && !chosen.tags ? { tagNames: ruleTagNames(rule) } : {});
  const ruleHint = (spaces: readonly Item[]) => ruleHintFor(rule, spaces);

  /**
   * The rule for an address learnt only from the preview: it fills what the person has not
   * picked. Having picked a type or collection ties them to the space they are in.
   */
  async function applyLateRule(url: string): Promise<void> {
    ruleSettled = true;
    rule = matchSiteRule(rules, url);
    if (!rule) return;
    set({ ...ruleTags(), siteRule: ruleHint(state.spaces) });
    const settled = chosen.space || chosen.type || chosen.collection;
    const ruleSpace = state.spaces.some((s) => s.id === rule?.spaceId) ? rule.spaceId : undefined;
    if (!settled && ruleSpace && ruleSpace !== state.spaceId) return loadSpace(ruleSpace);
    // Lists still loading take the rule into account when they arrive.
    if (!state.spaceId || state.types.length === 0) return;
    const remembered = prefs ?? (await deps.prefs.load());
    applyLists(state.spaceId, { types: state.types, collections: state.collections, tags: state.tags }, remembered);
  }

  async function loadSpace(spaceId: string): Promise<void> {
    const fromCache = cached?.bySpace[spaceId];
    // The same space again (fresh lists as the form opens) keeps what is shown and picked meanwhile.
    const emptied = { types: [], collections: [], tags: [], templates: [], collectionId: undefined };
    set({ spaceId, ...(spaceId === state.spaceId ? {} : emptied), existing: undefined, typesEmpty: undefined });
    const remembered = prefs ?? (await deps.prefs.load().catch(() => undefined));
    try {
      if (!remembered) throw new Error('choices unreadable');
      if (fromCache) applyLists(spaceId, fromCache, remembered);
      if (state.offline && fromCache) return; // nobody to ask: the lists seen last time stand
      const [listed, collections, tags] = await Promise.all([
        call('types.list', { spaceId }),
        call('collections.list', { spaceId }).catch(() => []),
        call('tags.list', { spaceId }).catch(() => []),
      ]);
      // Every space has types; an empty list is a passing state of Anytype (a space still
      // loading): asked once more, and if it stays empty the form says so and offers Try again.
      const types = listed.length > 0 ? listed : await call('types.list', { spaceId });
      if (state.spaceId !== spaceId) return;
      if (types.length === 0) {
        set({ typesEmpty: true });
        if (fromCache) return; // the types seen last time stand meanwhile
      }
      applyLists(spaceId, { types, collections, tags }, remembered);
      cached = { spaces: state.spaces, bySpace: { ...cached?.bySpace, [spaceId]: { types, collections, tags } } };
      void deps.cache?.save(cached).catch(() => undefined);
      void checkExisting();
    } catch (error) {
      if (!unreachable(error)) return set({ error: messageOf(error), errorCode: codeOf(error), errorFrom: 'load' });
      set(fromCache ? { offline: true } : { offline: true, error: i18n.t('clip.offlineUnknownSpace'), errorCode: 'offline', errorFrom: 'load' });
    }
  }

  function startMode(): PageMode {
    return deps.selection?.arrived && deps.selection.value ? 'selection' : 'article';
  }

  /** The page's selection, once known, decides the mode unless the person has picked one. */
  async function settleSelection(): Promise<void> {
    if (!deps.selection || deps.selection.arrived || chosen.mode) return;
    const selected = await deps.selection.promise.catch(() => false);
    if (selected && !chosen.mode) dispatch({ type: 'mode', mode: 'selection' });
  }

  /** Last time's choices and lists, applied without asking anyone: usable at once when the lists are cached. */
  function begin(start: ClipFormStart): void {
    prefs = start.prefs;
    cached = start.lists;
    rules = start.site?.rules ?? [];
    if (start.site?.url !== undefined) {
      rule = matchSiteRule(rules, start.site.url);
      ruleSettled = true;
    }
    // A mode is this page's: Selection when the page has one, else Article; one the person
    // picked while the form was loading wins. Last page's mode does not follow them here.
    set({ tabId: start.tabId, ...(chosen.mode ? {} : { mode: startMode() }), ...ruleTags() });
    const spaceId = cached && pickSpace(cached.spaces, start.prefs, rule);
    const lists = spaceId ? cached?.bySpace[spaceId] : undefined;
    if (!cached || !spaceId || !lists) return;
    // The templates are asked for with the fresh lists (init); the form does not wait for them.
    set({
      spaces: cached.spaces,
      spaceId,
      ...withLists(spaceId, lists, start.prefs).next,
      siteRule: ruleHint(cached.spaces),
      loading: false,
    });
  }

  // A form made later in the same popup (after a new pairing) reads afresh.
  const early = deps.start && !usedStarts.has(deps.start) ? deps.start : undefined;
  if (early) usedStarts.add(early);
  // Quietly: the component has not rendered yet and takes this as its first state.
  let begun = false;
  /** Drawn from the last popup's snapshot (`start.guess`): storage's answers are still to come. */
  let guessed = false;
  const siteArrived = !deps.site || deps.site.arrived;
  const guess = early?.guess;
  if (early?.prefs.arrived && early.lists.arrived && early.tabId.arrived && early.prefs.value && siteArrived) {
    quiet = true;
    begin({ prefs: early.prefs.value, lists: early.lists.value, tabId: early.tabId.value, site: deps.site?.value });
    quiet = false;
    begun = true;
  } else if (early && guess && early.lists.value && (siteArrived || !guess.siteRules)) {
    quiet = true;
    begin({ prefs: guess.prefs, lists: early.lists.value, tabId: early.tabId.value, site: deps.site?.value });
    quiet = false;
    begun = guessed = true;
  }

  /**
   * The form was drawn from a guess; now what storage says. Where it differs (another window
   * remembered other choices, a site rule now applies) the form starts again from the truth,
   * unless the person has already picked something: their picks stand.
   */
  async function settleGuess(truePrefs: Promise<ClipPrefs>): Promise<void> {
    const [loaded, site] = await Promise.all([truePrefs, deps.site?.promise.catch(() => undefined)]);
    const ruleNow = site?.url === undefined ? undefined : matchSiteRule(site.rules, site.url);
    const sameChoices = JSON.stringify(loaded) === JSON.stringify(prefs);
    const picked = Object.values(chosen).some(Boolean);
    if ((sameChoices && !ruleNow) || picked) {
      prefs = loaded;
      rules = site?.rules ?? [];
      // A rule fills only what the person has not picked (as for an address the preview learns).
      if (site?.url !== undefined) await applyLateRule(site.url);
      return;
    }
    const drawnMode = state.mode;
    begin({ prefs: loaded, lists: cached, tabId: state.tabId, site });
    if (state.mode !== drawnMode) void loadPreview();
  }

  /**
   * The spaces Anytype has now, or, while it is not running, those seen last time: the form
   * stays usable and Save keeps the clip until Anytype is back.
   */
  async function listSpaces(): Promise<Item[]> {
    try {
      const spaces = await call('spaces.list', {});
      if (state.offline) set({ offline: false });
      return spaces;
    } catch (error) {
      if (!unreachable(error)) throw error;
      if (!cached?.spaces.length) throw new BackgroundError('offline', i18n.t('clip.offlineNoLists'));
      set({ offline: true });
      return cached.spaces;
    }
  }

  const api = {
    get state() {
      return state;
    },

    async init(tab: number | undefined | Promise<number | undefined>): Promise<void> {
      try {
        if (!begun) {
          set({ loading: true });
          // All at once: the tab, last time's choices and last time's lists are each a trip to the browser.
          const [tabId, loaded, lists, site] = await Promise.all([
            early?.tabId.promise ?? tab,
            early?.prefs.promise ?? deps.prefs.load(),
            (early?.lists.promise ?? deps.cache?.load())?.catch(() => undefined),
            deps.site?.promise.catch(() => undefined),
          ]);
          begin({ prefs: loaded, lists, tabId, site });
        }
        const wasGuess = guessed;
        begun = guessed = false;
        if (state.tabId === undefined) {
          tabArrival = early?.tabId.promise ?? Promise.resolve(tab);
          set({ tabId: await tabArrival });
        }
        // Asked as the popup started, so this is seldom a wait: the preview must read the right mode.
        if (deps.selection && !deps.selection.arrived && !chosen.mode) await settleSelection();
        // The preview reads the page (and starts the capture Save sends); nothing here waits for it.
        const preview = loadPreview();
        rulesRead = wasGuess ? settleGuess(early?.prefs.promise ?? deps.prefs.load()) : Promise.resolve();
        const [spaces] = await Promise.all([listSpaces(), rulesRead]);
        set({ spaces, siteRule: ruleHint(spaces) });
        const remembered = prefs ?? (await deps.prefs.load());
        const kept = chosen.space && spaces.some((s) => s.id === state.spaceId);
        const spaceId = kept ? state.spaceId : pickSpace(spaces, remembered, rule);
        if (spaceId) await loadSpace(spaceId);
        set({ loading: false });
        await Promise.all([preview, templatesLoading]);
      } catch (error) {
        set({ error: messageOf(error), errorCode: codeOf(error), errorFrom: 'load' });
      } finally {
        set({ loading: false });
      }
    },

    /** The action offered with an error: Save again, or read the lists again. */
    async retry(): Promise<void> {
      if (state.errorFrom === 'save') return api.save();
      set({ error: undefined, errorCode: undefined, errorFrom: undefined });
      if (state.spaceId && state.spaces.length > 0) {
        if (state.offline) await listSpaces().catch(() => undefined);
        return loadSpace(state.spaceId);
      }
      begun = true;
      return api.init(state.tabId);
    },

    /** After a success card: the same page as another clip, with the same choices. */
    clipAgain(): void {
      clientId = newClientId();
      dispatch({ type: 'clipAgain' });
      void checkExisting();
    },

    /** The person's choice of space; a type picked carries over where the space has it, a collection cannot. */
    selectSpace(spaceId: string): Promise<void> {
      if (spaceId !== state.spaceId) chosen.collection = false;
      chosen.space = true;
      return loadSpace(spaceId);
    },
    selectType(typeKey: string | undefined): Promise<void> {
      chosen.type = true;
      return changeType(typeKey);
    },
    setTitle: (title: string) => dispatch({ type: 'title', title }),
    setNote: (note: string) => dispatch({ type: 'note', note }),
    setCollection(collectionId: string | undefined) {
      chosen.collection = true;
      dispatch({ type: 'collection', collectionId });
    },
    setTemplate: (templateId: string | undefined) => dispatch({ type: 'template', templateId }),
    async setMode(mode: PageMode) {
      chosen.mode = true;
      await changeMode(mode);
    },
    addTag(name: string) {
      const before = state;
      dispatch({ type: 'addTag', name });
      if (state !== before) chosen.tags = true;
    },
    removeTag(name: string) {
      chosen.tags = true;
      dispatch({ type: 'removeTag', name });
    },

    async save(): Promise<void> {
      if (state.saving || state.pageLimit === 'none') return;
      if (!state.spaceId || !state.typeKey) return set({ error: i18n.t('clip.chooseTarget') });
      dispatch({ type: 'saveStarted' });
      try {
        // Drawn before the browser said which tab this is (it says within a few ms).
        if (state.tabId === undefined && tabArrival) set({ tabId: await tabArrival });
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
        dispatch({ type: 'saveFinished', result });
        // Where a rule sent the clip is the rule's doing: the next page starts from the person's own choices.
        const ruleDecided = state.siteRule !== undefined && !chosen.space && !chosen.type && !chosen.collection;
        if (!ruleDecided) {
          // The person's own type: the bookmark type Bookmark mode stood in with is that mode's, not theirs.
          await deps.prefs.remember({
            spaceId: state.spaceId,
            typeKey: ownType(state) ?? state.typeKey,
            collectionId: state.collectionId,
            mode: state.mode,
          });
        }
        prefs = undefined; // a space chosen next reads what was just remembered
      } catch (error) {
        dispatch({ type: 'saveFailed', error: messageOf(error), errorCode: codeOf(error) });
      } finally {
        set({ saving: false });
      }
    },
  };
  return api;
}

export type ClipFormController = ReturnType<typeof createClipFormController>;
