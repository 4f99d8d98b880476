/**
 * Built-in type keys the extension names itself (every other type comes from the space's own
 * list). A link clip is always a bookmark, and the popup's Bookmark mode offers this type.
 */
export const BOOKMARK_TYPE_KEY = 'bookmark';
