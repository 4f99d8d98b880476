/** The clip form's state and what it is made from (lib/popup/clip-form.ts has its behaviour). */
import type { ClipPrefs, ClipPrefsStore } from '../settings/clip-prefs';
import type { PageMode } from '../capture/schema';
import type { BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import type { SiteRule } from '../settings/site-rules';
import type { Early } from './early';

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
  /**
   * Bookmark mode put the space's bookmark type in the Type picker in place of `before`, the
   * type the person had, which comes back with another mode (lib/popup/mode-type.ts).
   */
  bookmarkSwap?: { before: string | undefined };
  /** The person picked a type while in Bookmark mode: it stands, Bookmark mode swaps nothing. */
  typePickedInBookmark?: boolean;
  templateId?: string;
  collectionId?: string;
  mode: PageMode;
  title: string;
  note: string;
  tagNames: string[];
  /** The pattern of the site rule that chose where this clip goes, for the form to say so. */
  siteRule?: string;
  preview?: MessageOutput<'clip.preview'>;
  previewError?: string;
  existing?: MessageOutput<'clip.existing'>;
  /**
   * Anytype did not answer (not running): the lists are those seen last time, and Save keeps the
   * clip in the extension until Anytype is back.
   */
  offline?: boolean;
  /**
   * What the browser lets the extension do with this page: a web page it may not read (a store,
   * a PDF viewer) can be kept as a bookmark only; a browser page (chrome://, about:) not at all.
   */
  pageLimit?: 'bookmarkOnly' | 'none';
  saving: boolean;
  result?: MessageOutput<'clip.submit'>;
  error?: string;
  /** The background's code for `error` (e.g. `offline`), which decides the action offered with it. */
  errorCode?: string;
  /** What failed: reading the lists (Try again reads them again) or Save (Try again saves again). */
  errorFrom?: 'load' | 'save';
  /** The space's type list came back empty, also when asked again: said so, with Try again. */
  typesEmpty?: boolean;
}

export interface SpaceLists {
  types: TypeItem[];
  collections: Item[];
  tags: TagItem[];
}

export type CachedLists = { spaces: Item[]; bySpace: Record<string, SpaceLists> };

/** Lists seen last time, so the form is usable at once while fresh ones load (kept in lib/popup/snapshot). */
export interface ListCache {
  load(): Promise<CachedLists | undefined>;
  save(value: CachedLists): Promise<void>;
}

/**
 * The per-site rules, and the page's address when the browser gave it with the tab. Without it
 * (a tab the browser does not describe) the address the preview read is matched instead.
 */
export interface SiteContext {
  rules: readonly SiteRule[];
  url?: string;
}

/** What the form starts from: last time's choices and lists, the tab, and the site rules. */
export interface ClipFormStart {
  prefs: ClipPrefs;
  lists?: CachedLists;
  tabId?: number;
  site?: SiteContext;
}

export interface ClipFormDeps {
  background: BackgroundClient;
  prefs: ClipPrefsStore;
  cache?: ListCache;
  newClientId?: () => string;
  /**
   * Reads the popup started as its script began, so the form does not wait for them one after
   * another (each is a trip to the browser); when they have all arrived by the time the form is
   * made, its first render is already complete. The first form of a popup only.
   */
  start?: {
    prefs: Early<ClipPrefs>;
    lists: Early<CachedLists | undefined>;
    tabId: Early<number | undefined>;
    /**
     * Last popup's choices and whether site rules existed then (lib/popup/snapshot): when `prefs`
     * has not arrived yet, the form draws from these with the cached lists at once, and corrects
     * itself if `prefs` and `site` disagree when they arrive. Without site rules then, the form
     * does not wait for the page's address either.
     */
    guess?: { prefs: ClipPrefs; siteRules: boolean };
  };
  /** Read as the popup starts, like `start`, and kept for every form of the popup (same tab). */
  site?: Early<SiteContext>;
  /** Whether the page has a selection (lib/popup/page-selection): the form then starts in Selection mode. */
  selection?: Early<boolean>;
}
