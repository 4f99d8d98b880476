/**
 * The Markdown as the preview's "Markdown" view shows it: as sent, except that an inlined
 * picture's data (thousands of characters of base64) is cut to its start.
 */
const INLINED_DATA = /(\]\(data:image\/[a-z]+;base64,)([A-Za-z0-9+/]{16})[A-Za-z0-9+/]{8,}=*/g;

export function shownMarkdown(markdown: string): string {
  return markdown.replace(INLINED_DATA, (_match, head: string, start: string) => `${head}${start}…`);
}
