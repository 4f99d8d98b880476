/**
 * Which existing tags the tag field offers for what is typed, and whether what is typed would be
 * a new tag. Pure, so the field's rules are tested without a DOM.
 */

/** Suggestions offered at once: enough to pick from, few enough to build in a frame. */
export const MAX_OFFERED = 8;

const norm = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Existing tags not yet chosen whose name holds the draft; names that start with it first. */
export function tagMatches(draft: string, suggestions: readonly string[], selected: readonly string[]): string[] {
  const wanted = norm(draft);
  const taken = new Set(selected.map(norm));
  const open = suggestions.filter((name) => !taken.has(norm(name)));
  if (!wanted) return open.slice(0, MAX_OFFERED);
  const starts = open.filter((name) => norm(name).startsWith(wanted));
  const holds = open.filter((name) => !norm(name).startsWith(wanted) && norm(name).includes(wanted));
  return [...starts, ...holds].slice(0, MAX_OFFERED);
}

/** The existing tag this name means (any case), else undefined: the name would be a new tag. */
export function existingTag(name: string, suggestions: readonly string[]): string | undefined {
  const wanted = norm(name);
  return wanted ? suggestions.find((tag) => norm(tag) === wanted) : undefined;
}

/** Whether adding `draft` would make a new tag (not blank, not an existing tag, not chosen already). */
export function isNewTag(draft: string, suggestions: readonly string[], selected: readonly string[]): boolean {
  const wanted = norm(draft);
  return wanted !== '' && existingTag(draft, suggestions) === undefined && !selected.some((name) => norm(name) === wanted);
}
