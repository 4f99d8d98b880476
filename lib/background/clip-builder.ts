/**
 * Turns what was captured plus the person's choices into a queue entry: the object's name, its
 * markdown body and the properties it carries. Only properties that already exist in the space
 * are filled (never a dozen new ones behind the person's back), and `source` always.
 */
import { i18n } from '#i18n';
import type { CapturedPage, ClipMode, PageMetadata } from '../capture/schema';
import { destination } from '../clip/markdown';
import { inlineTextToMarkdown, textToMarkdown } from '../clip/markdown-text';
import { safeImageUrl, safeLinkUrl } from '../clip/url';
import type { EnqueueInput, PropertyEntry } from '../queue';
import { cleanTagNames } from '../settings/tag-names';

export interface ClipChoices {
  clientId?: string;
  mode: ClipMode;
  spaceId: string;
  typeKey: string;
  templateId?: string;
  collectionId?: string;
  title: string;
  note?: string;
  tagNames?: string[];
  /** Link and image modes: what was right-clicked. */
  targetUrl?: string;
}

export interface SpaceProperty {
  key: string;
  format: string;
}

export interface ClipSource {
  /** The tab's URL, as the browser reports it. */
  pageUrl: string;
  pageTitle: string;
  captured?: CapturedPage;
}

/** Metadata we may map, by property key and the format that property must have. */
const METADATA_PROPERTIES: { key: string; format: string; value(meta: PageMetadata): string | undefined }[] = [
  { key: 'description', format: 'text', value: (meta) => meta.description },
  { key: 'author', format: 'text', value: (meta) => (meta.authors.length ? meta.authors.join(', ') : undefined) },
  { key: 'published', format: 'date', value: (meta) => asDate(meta.published) },
  { key: 'site_name', format: 'text', value: (meta) => meta.siteName },
  { key: 'language', format: 'text', value: (meta) => meta.language },
];

/**
 * `properties`, when known, keeps only the metadata the space can hold; without it every candidate
 * is kept and the delivery drops what the space lacks when it sends.
 */
export function buildClip(source: ClipSource, choices: ClipChoices, properties?: readonly SpaceProperty[]): EnqueueInput {
  const sourceUrl = choices.mode === 'link' && choices.targetUrl ? choices.targetUrl : source.pageUrl;
  // A saved link is about the link, not the page it was found on.
  const fallbackName = choices.mode === 'link' ? sourceUrl : source.captured?.title || source.pageTitle || sourceUrl;
  const name = choices.title.trim() || fallbackName;
  const body = clipBody(source, choices);

  const entries: PropertyEntry[] = [{ key: 'source', url: sourceUrl }];
  const available = properties && new Map(properties.map((property) => [property.key, property.format]));
  const metadata = source.captured?.metadata;
  if (metadata && choices.mode !== 'link') {
    for (const mapping of METADATA_PROPERTIES) {
      const value = mapping.value(metadata)?.trim();
      if (!value || (available && available.get(mapping.key) !== mapping.format)) continue;
      entries.push(mapping.format === 'date' ? { key: mapping.key, date: value } : { key: mapping.key, text: value });
    }
  }

  return {
    ...(choices.clientId ? { clientId: choices.clientId } : {}),
    target: {
      spaceId: choices.spaceId,
      typeKey: choices.typeKey,
      ...(choices.templateId ? { templateId: choices.templateId } : {}),
      ...(choices.collectionId ? { collectionId: choices.collectionId } : {}),
    },
    payload: {
      name: name.slice(0, 1000),
      markdown: body,
      properties: entries,
      ...(choices.tagNames?.length ? { tagNames: cleanTagNames(choices.tagNames) } : {}),
    },
    sourceUrl,
  };
}

/**
 * Every text of the page (description, title) and the person's note (it may have been pasted
 * from a page) is escaped the way the converter escapes article text, and every URL must have a
 * scheme of LINK_SCHEMES (images: WEB_SCHEMES): no HTML and no script-bearing link reaches the vault.
 * The popup's preview asks the same body without a note (lib/background/clip-service.ts).
 */
export function clipBody(source: ClipSource, choices: Pick<ClipChoices, 'mode' | 'note' | 'targetUrl'> & { title?: string }): string {
  const parts: string[] = [];
  const note = choices.note ? textToMarkdown(choices.note) : '';
  if (note) parts.push(note.replace(/^/gm, '> ').replace(/^> $/gm, '>'));
  switch (choices.mode) {
    case 'image': {
      const image = choices.targetUrl ? safeImageUrl(choices.targetUrl, source.pageUrl) : undefined;
      if (image) parts.push(`![${inlineTextToMarkdown(choices.title ?? '')}](${destination(image)})`);
      parts.push(i18n.t('background.fromPage', { link: pageLink(source) }));
      break;
    }
    case 'link':
      parts.push(i18n.t('background.linkedFrom', { link: pageLink(source) }));
      break;
    case 'bookmark': {
      const description = source.captured?.metadata.description;
      if (description) parts.push(textToMarkdown(description));
      break;
    }
    default:
      // Written by the converter (lib/clip/markdown), which escapes text and checks each URL itself.
      if (source.captured?.markdown) parts.push(source.captured.markdown);
  }
  return parts.filter((part) => part !== '').join('\n\n');
}

/** The page as a markdown link, or only its escaped title where its URL may not be linked. */
function pageLink(source: ClipSource): string {
  const text = inlineTextToMarkdown(source.pageTitle || source.pageUrl);
  const url = safeLinkUrl(source.pageUrl, source.pageUrl);
  return url && text ? `[${text}](${destination(url)})` : text;
}

/** The page's calendar day (metadata-date.ts) goes as it is: Anytype takes date-only values, and an instant would move it to UTC's day. */
function asDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
