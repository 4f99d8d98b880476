/**
 * What a key may reach (builds of 2026 let the person choose while approving) and the shapes keys
 * come in. A `/v1` client can only work with a full grant: all spaces, read & write.
 */
import * as v from 'valibot';

export const PERMISSIONS = ['read', 'readwrite'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const KeyGrantSchema = v.object({
  allSpaces: v.boolean(),
  spaceIds: v.pipe(v.array(v.pipe(v.string(), v.maxLength(256))), v.maxLength(1000)),
  permission: v.picklist(PERMISSIONS),
});
export type KeyGrant = v.InferOutput<typeof KeyGrantSchema>;

/** The server's `grant` (snake case) as the extension keeps it. */
export const GrantWireSchema = v.pipe(
  v.object({
    all_spaces: v.boolean(),
    space_ids: v.optional(v.nullable(v.array(v.string())), []),
    permission: v.picklist(PERMISSIONS),
  }),
  v.transform(
    (g): KeyGrant => ({ allSpaces: g.all_spaces, spaceIds: g.space_ids ?? [], permission: g.permission }),
  ),
);

/** True when `/v1` accepts the key everywhere: anything narrower is refused on every route. */
export function isFullGrant(grant: KeyGrant): boolean {
  return grant.allSpaces && grant.permission === 'readwrite';
}

/** Keys minted by builds of 2026: `anytype_<40–60 alphanumerics>_<8 hex>`. */
export const CURRENT_KEY_PATTERN = /^anytype_[A-Za-z0-9]{40,60}_[0-9a-f]{8}$/;
/** Older keys: base64 (standard or URL-safe alphabet), still valid. */
export const LEGACY_KEY_PATTERN = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;

export type KeyFormat = 'current' | 'legacy';

/** Which form a pasted key has, or undefined when it is neither (a typo, half a key, some other text). */
export function keyFormat(key: string): KeyFormat | undefined {
  if (CURRENT_KEY_PATTERN.test(key)) return 'current';
  // A cut-off new key must not pass as a legacy one.
  if (key.startsWith('anytype_')) return undefined;
  if (LEGACY_KEY_PATTERN.test(key)) return 'legacy';
  return undefined;
}
