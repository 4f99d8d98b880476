/**
 * What Copy and Export give: a clip's Markdown as it was to be sent, and a quarantined entry as
 * JSON that holds the entry exactly as it was stored (so nothing of the person's is lost in it).
 */
import type { MessageOutput } from '../protocol/messages';

type Quarantined = MessageOutput<'queue.quarantined'>[number];

/** A file name from a clip's title: letters, digits and dashes, never empty, never a path. */
export function fileNameFor(title: string, extension: 'md' | 'json'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return `${slug || 'clip'}.${extension}`;
}

export function markdownFile(clip: { name: string; markdown: string }): { name: string; text: string } {
  return { name: fileNameFor(clip.name, 'md'), text: clip.markdown };
}

/** A quarantined entry's Markdown, exactly as stored, or undefined when it holds none. */
export function quarantineMarkdownFile(entry: Quarantined): { name: string; text: string } | undefined {
  if (entry.markdown === undefined) return undefined;
  return { name: fileNameFor(entry.title ?? entry.address ?? 'clip', 'md'), text: entry.markdown };
}

export const QUARANTINE_FILE_FORMAT = 'clip-to-anytype/quarantined-clip';

/** The entry as stored (parsed back from the background's JSON), with why it was set aside. */
export function quarantineFile(entry: Quarantined): { name: string; text: string } {
  let stored: unknown;
  try {
    stored = JSON.parse(entry.raw);
  } catch {
    stored = entry.raw;
  }
  const body = { format: QUARANTINE_FILE_FORMAT, reason: entry.reason, setAsideAt: new Date(entry.at).toISOString(), stored };
  return { name: fileNameFor(`set-aside-${entry.title ?? entry.address ?? 'clip'}`, 'json'), text: `${JSON.stringify(body, null, 2)}\n` };
}
