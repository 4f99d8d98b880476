/**
 * Export and import of the settings file. The file comes from the background, which builds it
 * without keys; an imported file is read part by part in the background, which imports what it can
 * read and reports each part it refused.
 */
import type { BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import { parseSettingsFileData } from '../settings/settings-file';
import { messageOf } from './connections-controller';

export type ImportResult = { ok: true; imported: MessageOutput<'settings.import'> } | { ok: false; error: string };

export function exportFileName(now = new Date()): string {
  return `clip-to-anytype-settings-${now.toISOString().slice(0, 10)}.json`;
}

export async function exportSettingsText(background: BackgroundClient): Promise<string> {
  const file = await background.call('settings.export', {});
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Checks the text here only as far as saying at once that it is not a settings file; the parts are
 * read (and the bad ones refused, each with its place) in the background.
 */
export async function importSettingsText(background: BackgroundClient, text: string): Promise<ImportResult> {
  const checked = parseSettingsFileData(text);
  if (!checked.ok) return { ok: false, error: checked.error };
  try {
    return { ok: true, imported: await background.call('settings.import', { file: checked.data }) };
  } catch (error) {
    return { ok: false, error: messageOf(error) };
  }
}

/** Offers text as a download through a temporary link; the object URL is released after. */
export function downloadText(doc: Document, name: string, text: string): void {
  const type = name.endsWith('.md') ? 'text/markdown' : 'application/json';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
