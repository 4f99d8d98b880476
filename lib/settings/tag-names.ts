/**
 * How a tag name typed by a person (in the popup, a site rule, the in-page panel) becomes the name
 * that is saved, and when two names are the same tag. One rule for every place that cleans or
 * compares tag names, so "News", " news " and "news\u00a0" never become three tags.
 */
import * as v from 'valibot';

export const MAX_TAG_NAME_CHARS = 100;
export const MAX_TAGS = 50;

/**
 * The name as it is saved: composed Unicode (NFC, so "é" typed two ways is one tag), each run of
 * whitespace as one space, none at the ends.
 */
export function cleanTagName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Names with the same key are the same tag: Anytype's tag list is matched without regard to case. */
export function tagKey(name: string): string {
  return cleanTagName(name).toLowerCase();
}

/** Cleaned, empty ones dropped, each tag once (its first spelling), in the order given. */
export function cleanTagNames(names: Iterable<string>): string[] {
  const kept = new Map<string, string>();
  for (const name of names) {
    const clean = cleanTagName(name);
    if (clean !== '' && !kept.has(tagKey(clean))) kept.set(tagKey(clean), clean);
  }
  return [...kept.values()];
}

/** Tags typed into one field as "a, b, c". */
export function parseTagList(text: string): string[] {
  return cleanTagNames(text.split(','));
}

export const TagNameSchema = v.pipe(v.string(), v.transform((name: string) => cleanTagName(name)), v.minLength(1), v.maxLength(MAX_TAG_NAME_CHARS));

/** A list of tags as it is stored and sent: each name cleaned, each tag once. */
export const TagNamesSchema = v.pipe(v.array(TagNameSchema), v.maxLength(MAX_TAGS), v.transform((names: string[]) => cleanTagNames(names)));
