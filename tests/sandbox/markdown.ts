/**
 * What Desktop's paste path does to a markdown body, as far as a test can see it: raw HTML tags
 * are dropped (their text stays), fenced code is left alone. Headings, lists, tables, quotes survive.
 */

const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;

export function pasteMarkdown(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let fence: string | null = null;
  const out: string[] = [];
  for (const line of lines) {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (marker && (fence === null || fence === marker)) {
      fence = fence === null ? marker : null;
      out.push(line);
      continue;
    }
    out.push(fence === null ? stripInlineCodeSafe(line) : line);
  }
  return out.join('\n');
}

/** Removes tags outside `inline code` spans. */
function stripInlineCodeSafe(line: string): string {
  return line
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : part.replace(TAG, '')))
    .join('');
}

/** Plain-text start of the body, the way Anytype fills `snippet`. */
export function snippetOf(markdown: string): string {
  const text = markdown
    .split('\n')
    .map((l) => l.replace(/^\s*(#{1,6}\s+|[-*+]\s+|>\s?|\d+\.\s+)/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('```'))
    .join(' ');
  return text.length > 200 ? text.slice(0, 200) : text;
}
