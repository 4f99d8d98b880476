/**
 * A stored item that can change shape between versions of the extension (the same idea as WXT's
 * `storage.defineItem` with `version` and `migrations`, over the small StorageAreaLike so it runs in
 * unit tests), read entry by entry: one entry that cannot be read (a bad site rule, say) is set aside
 * alone, with its raw text kept so the person can be told and can export it, and the rest stands.
 *
 * The value stays under its own key, in the shape the code uses, so other readers of that key see
 * no wrapper; the version and what was set aside live beside it under `<key>$` (WXT's spelling).
 * A value stored before versions existed reads as version 1.
 */
import * as v from 'valibot';
import type { StorageAreaLike } from '../keys/vault';

/** One entry that could not be read, kept as it was stored. */
export interface SetAsideEntry {
  /** What it was, for the notice: 'siteRule', 'defaults', 'connection'… */
  what: string;
  /** The stored entry as JSON text (cut at MAX_RAW_CHARS). */
  raw: string;
  /** Why it could not be read (the schema's words, never the entry's content). */
  problem: string;
  at: number;
}

export interface Dropped {
  what: string;
  raw: unknown;
  problem: string;
}

export interface ItemRead<T> {
  value: T;
  /** Every entry set aside so far and not yet dismissed, this read's included. */
  setAside: SetAsideEntry[];
}

export interface VersionedItemSpec<T> {
  key: string;
  /** The version this build writes. */
  version: number;
  /** `migrations[n]` turns what version n-1 stored into version n's shape. */
  migrations?: Record<number, (stored: unknown) => unknown>;
  /** Reads a value of the current version entry by entry; what it cannot read comes back in `dropped`. */
  read(stored: unknown): { value: T; dropped: Dropped[] };
  /** Validates a value before it is written (throws when it is not one). */
  check(value: T): T;
  fallback(): T;
}

export const MAX_RAW_CHARS = 20_000;
export const MAX_SET_ASIDE = 50;

export const SetAsideEntrySchema = v.object({
  what: v.string(),
  raw: v.string(),
  problem: v.string(),
  at: v.number(),
});
const MetaSchema = v.object({
  v: v.pipe(v.number(), v.integer(), v.minValue(1)),
  setAside: v.optional(v.array(SetAsideEntrySchema), []),
});
type Meta = v.InferOutput<typeof MetaSchema>;

export function metaKeyOf(key: string): string {
  return `${key}$`;
}

function rawText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_RAW_CHARS ? text.slice(0, MAX_RAW_CHARS) : text;
}

/** The first issue of a failed parse, as its path and message. */
export function problemOf(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'unreadable';
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Reads a list entry by entry: each entry that fails the schema is dropped alone. */
export function readEntries<S extends v.GenericSchema>(
  schema: S,
  stored: unknown,
  what: string,
): { entries: v.InferOutput<S>[]; dropped: Dropped[] } {
  if (stored === undefined) return { entries: [], dropped: [] };
  if (!Array.isArray(stored)) return { entries: [], dropped: [{ what, raw: stored, problem: 'not a list' }] };
  const entries: v.InferOutput<S>[] = [];
  const dropped: Dropped[] = [];
  for (const entry of stored) {
    const parsed = v.safeParse(schema, entry);
    if (parsed.success) entries.push(parsed.output);
    else dropped.push({ what, raw: entry, problem: problemOf(parsed.issues) });
  }
  return { entries, dropped };
}

/** Reads one part: when it fails the schema, it is dropped and its fallback stands. */
export function readPart<S extends v.GenericSchema>(
  schema: S,
  stored: unknown,
  what: string,
  fallback: () => v.InferOutput<S>,
): { part: v.InferOutput<S>; dropped: Dropped[] } {
  if (stored === undefined) return { part: fallback(), dropped: [] };
  const parsed = v.safeParse(schema, stored);
  if (parsed.success) return { part: parsed.output, dropped: [] };
  return { part: fallback(), dropped: [{ what, raw: stored, problem: problemOf(parsed.issues) }] };
}

export function defineVersionedItem<T>(area: StorageAreaLike, spec: VersionedItemSpec<T>, now: () => number = Date.now) {
  const metaKey = metaKeyOf(spec.key);

  async function readMeta(): Promise<Meta | undefined> {
    const parsed = v.safeParse(MetaSchema, (await area.get(metaKey))[metaKey]);
    return parsed.success ? parsed.output : undefined;
  }

  /** Runs the migrations from `from` to the current version; a migration that throws sets the whole value aside. */
  function migrate(stored: unknown, from: number): { value: unknown; dropped: Dropped[] } {
    let value = stored;
    for (let n = from + 1; n <= spec.version; n++) {
      const step = spec.migrations?.[n];
      if (!step) continue;
      try {
        value = step(value);
      } catch {
        return { value: undefined, dropped: [{ what: spec.key, raw: stored, problem: `could not be upgraded to version ${n}` }] };
      }
    }
    return { value, dropped: [] };
  }

  function keep(meta: Meta | undefined, dropped: Dropped[]): SetAsideEntry[] {
    const at = now();
    const added = dropped.map((d) => ({ what: d.what, raw: rawText(d.raw), problem: d.problem, at }));
    return [...(meta?.setAside ?? []), ...added].slice(-MAX_SET_ASIDE);
  }

  return {
    key: spec.key,
    metaKey,

    /**
     * The value in the current shape. An older shape is upgraded and written back, once; what could
     * not be read is set aside and the rest written back without it, so it is reported once, not on
     * every read. A value written by a newer build is read as it is and never written over here.
     */
    async read(): Promise<ItemRead<T>> {
      // Both at once: the popup reads its choices on the way to its first form.
      const [stored, meta] = await Promise.all([area.get(spec.key).then((got) => got[spec.key]), readMeta()]);
      if (stored === undefined) return { value: spec.fallback(), setAside: meta?.setAside ?? [] };
      const from = meta?.v ?? 1;
      if (from > spec.version) {
        return { value: spec.read(stored).value, setAside: meta?.setAside ?? [] };
      }
      const migrated = migrate(stored, from);
      const { value, dropped } = migrated.dropped.length
        ? { value: spec.fallback(), dropped: migrated.dropped }
        : spec.read(migrated.value);
      if (from === spec.version && dropped.length === 0 && meta !== undefined) return { value, setAside: meta.setAside };
      const setAside = keep(meta, dropped);
      await area.set({ [spec.key]: value, [metaKey]: { v: spec.version, setAside } satisfies Meta });
      return { value, setAside };
    },

    /** Checks and writes a value of the current shape; what was set aside before stays until dismissed. */
    async write(value: T): Promise<T> {
      const valid = spec.check(value);
      const meta = await readMeta();
      await area.set({ [spec.key]: valid, [metaKey]: { v: spec.version, setAside: meta?.setAside ?? [] } satisfies Meta });
      return valid;
    },

    /** The person has seen (or exported) what was set aside. */
    async dismissSetAside(): Promise<void> {
      const meta = await readMeta();
      if (meta?.setAside.length) await area.set({ [metaKey]: { v: meta.v, setAside: [] } satisfies Meta });
    },
  };
}

export type VersionedItem<T> = ReturnType<typeof defineVersionedItem<T>>;
