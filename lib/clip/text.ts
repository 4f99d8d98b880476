/**
 * Markdown → plain text, for the popup preview and the extraction benchmark. It undoes the syntax
 * our own converter writes (markdown.ts); it is not a general markdown parser.
 */
export function markdownToText(md: string): string {
  const lines: string[] = [];
  let inFence = false;
  for (const line of md.split('\n')) {
    if (/^\s*(```+|~~~+)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      lines.push(line);
      continue;
    }
    // Table delimiter rows carry no text.
    if (/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/.test(line)) continue;
    // Most lines are plain prose: they skip the replacements.
    const text = BLOCK_SYNTAX.test(line) ? stripBlock(line) : line;
    lines.push(INLINE_SYNTAX.test(text) ? stripInline(text) : text);
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What a line must start with for stripBlock to change it. */
const BLOCK_SYNTAX = /^\s*[-#>*+_|\d]/;
/** What a line must hold for stripInline to change it. */
const INLINE_SYNTAX = /[[`*_~\\&]| {2}$/;

function stripBlock(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^(\s*>)+\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
    .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, '')
    .replace(/^\s*\|(.*)\|\s*$/, (_m, cells: string) => cells.split(/(?<!\\)\|/).map((c) => c.trim()).join(' '));
}

function stripInline(text: string): string {
  return text
    // An image is not text: its alt text describes a picture the reader of plain text does not see
    // (and Readability's textContent, the benchmark's baseline, has no alt text either).
    .replace(/!\[((?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^)\s]*)(?:\s+"(?:\\.|[^"\\])*")?\)/g, '')
    .replace(/\[((?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^)\s]*)(?:\s+"(?:\\.|[^"\\])*")?\)/g, '$1')
    .replace(/(`+)(.*?)\1/g, '$2')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w\\])([*_])(?=\S)(.+?)(?<=\S)\1(?!\w)/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    // The converter writes a "<" of the page's text as "&lt;" (markdown-text.ts).
    .replace(/(?<!\\)&lt;/g, '<')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~=&])/g, '$1')
    .replace(/ {2}$/, '');
}
