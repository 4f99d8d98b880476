/**
 * What the injected clipper hands back to the background. It ran inside a page, so the
 * background validates it like any other untrusted input before it becomes a clip.
 */
import * as v from 'valibot';
import { i18n } from '../node-safe-i18n';
import { inlinedImageChars, MAX_INLINED_CHARS } from '../clip/inline-budget';
import { MAX_PAGE_TEXT_BYTES, textBytes } from '../clip/size-limits';

export const CLIP_MODES = ['article', 'selection', 'fullpage', 'bookmark', 'link', 'image'] as const;
export type ClipMode = (typeof CLIP_MODES)[number];
export const ClipModeSchema = v.picklist(CLIP_MODES);

/** Modes that read the page's content (the others need only its URL and metadata). */
export const PAGE_MODES = ['article', 'selection', 'fullpage', 'bookmark'] as const;
export type PageMode = (typeof PAGE_MODES)[number];
export const PageModeSchema = v.picklist(PAGE_MODES);

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalText = (max: number) => v.optional(v.pipe(v.string(), v.maxLength(max)));

/**
 * Text and inlined images are capped apart, so pictures never eat the text's allowance and vice versa.
 * The text limit is the extractor's own (lib/clip/size-limits.ts); the length check first is a cheap
 * bound, as no character takes fewer UTF-8 bytes than UTF-16 units.
 */
const MarkdownSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_PAGE_TEXT_BYTES + MAX_INLINED_CHARS),
  v.check((md) => textBytes(md) <= MAX_PAGE_TEXT_BYTES, () => i18n.t('clipper.textTooLong')),
  v.check((md) => inlinedImageChars(md) <= MAX_INLINED_CHARS, () => i18n.t('clipper.tooManyImages')),
);

export const PageMetadataSchema = v.object({
  title: optionalText(1000),
  authors: v.optional(v.array(text(300)), []),
  published: optionalText(100),
  siteName: optionalText(300),
  description: optionalText(5000),
  canonicalUrl: optionalText(4000),
  coverImage: optionalText(4000),
  language: optionalText(40),
});
export type PageMetadata = v.InferOutput<typeof PageMetadataSchema>;

export const CapturedPageSchema = v.object({
  mode: PageModeSchema,
  url: text(8000),
  title: text(1000),
  markdown: MarkdownSchema,
  metadata: PageMetadataSchema,
  /** True when selection mode found nothing selected and fell back to the article. */
  selectionEmpty: v.optional(v.boolean()),
});
export type CapturedPage = v.InferOutput<typeof CapturedPageSchema>;

/**
 * Why the clipper could not read the page, as facts: the page side has no words of its own, the
 * background says it in the person's language (lib/background/capture-failure.ts).
 */
export const CAPTURE_FAILURE_REASONS = ['too_large', 'empty', 'unreadable'] as const;
export const CaptureFailureSchema = v.object({
  ok: v.literal(false),
  reason: v.picklist(CAPTURE_FAILURE_REASONS),
  /** For too_large: the page text's UTF-8 size. */
  bytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type CaptureFailure = v.InferOutput<typeof CaptureFailureSchema>;

export type CaptureResult = { ok: true; page: CapturedPage } | CaptureFailure;
