/**
 * What Desktop's paste path does to a markdown body, as far as a test can see it: raw HTML tags
 * are dropped (their text stays), paragraphs longer than 1,024 characters become several blocks,
 * images (inlined `data:image` ones too) stay whole, fenced code is left alone. Headings, lists, tables, quotes survive.
 */

const BLOCK_LIMIT = 1024;
const NOT_PARAGRAPH = /^\s*(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)/;

/** An image with an inline destination; Anytype makes each its own block, so its length never splits. */
const IMAGE = /(!\[(?:\\.|[^\\\]])*\]\((?:<[^>]*>|[^)\s]*)(?:\s+"(?:\\.|[^"\\])*")?\))/;

/** Splits one long paragraph line at the last space before the limit (or at the limit), images kept whole. */
function splitParagraph(line: string): string[] {
  if (line.length <= BLOCK_LIMIT || NOT_PARAGRAPH.test(line)) return [line];
  if (IMAGE.test(line)) {
    const parts = line.split(IMAGE).map((part) => part.trim()).filter((part) => part !== '');
    return parts.flatMap((part, i) => [...(i > 0 ? [''] : []), ...(IMAGE.test(part) ? [part] : splitText(part))]);
  }
  return splitText(line);
}

function splitText(line: string): string[] {
  if (line.length <= BLOCK_LIMIT) return [line];
  const parts: string[] = [];
  let rest = line;
  while (rest.length > BLOCK_LIMIT) {
    const space = rest.lastIndexOf(' ', BLOCK_LIMIT);
    const cut = space > BLOCK_LIMIT / 2 ? space : BLOCK_LIMIT;
    parts.push(rest.slice(0, cut).trimEnd(), '');
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest);
  return parts;
}

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
    if (fence === null) out.push(...splitParagraph(stripInlineCodeSafe(line)));
    else out.push(line);
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
