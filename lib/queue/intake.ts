/**
 * Admitting a clip: shape, size and room checks, each refusal with a message the person can act on.
 * Nothing is ever evicted to make room.
 */
import { i18n } from '#i18n';
import * as v from 'valibot';
import { inlinedImageChars, MAX_INLINED_CHARS } from '../clip/inline-budget';
import { formatBytes, type QueueLimits, utf8Length } from './policy';
import { isOpen } from './state';
import { findJob } from './transitions';
import { type ClipJob, type EnqueueInput, EnqueueInputSchema, QueueError, type QueueState } from './types';

export type AdmittedClip = v.InferOutput<typeof EnqueueInputSchema>;

/** Checks what can be checked before touching storage. */
export function admitClip(input: EnqueueInput, limits: QueueLimits): AdmittedClip {
  const parsed = v.safeParse(EnqueueInputSchema, input);
  if (!parsed.success) {
    throw new QueueError('invalid', i18n.t('queue.errors.invalid', { problem: parsed.issues[0]?.message ?? i18n.t('queue.errors.invalidInput') }));
  }
  const { markdown } = parsed.output.payload;
  // Inlined images have their own budget, set where they are inlined; only the text counts here.
  const images = inlinedImageChars(markdown);
  const bytes = utf8Length(markdown) - images;
  if (images > MAX_INLINED_CHARS) throw new QueueError('too_large', i18n.t('queue.errors.tooManyImages'));
  if (bytes > limits.maxMarkdownBytes) {
    throw new QueueError(
      'too_large',
      i18n.t('queue.errors.tooLarge', { size: formatBytes(bytes), limit: formatBytes(limits.maxMarkdownBytes) }),
    );
  }
  return parsed.output;
}

/** Adds the clip to a draft state, or returns the job already stored under its clientId. */
export function addClip(
  draft: QueueState,
  clip: AdmittedClip,
  limits: QueueLimits,
  now: number,
  uuid: () => string,
): ClipJob {
  const existing = clip.clientId === undefined ? undefined : findJob(draft, clip.clientId);
  if (existing !== undefined) return existing; // the same submit again: one clip, not two
  const open = draft.jobs.filter(isOpen).length;
  if (open >= limits.maxOpenJobs) {
    throw new QueueError(
      'queue_full',
      i18n.t('queue.errors.queueFull', { count: String(open) }),
    );
  }
  const job: ClipJob = {
    clientId: clip.clientId ?? uuid(),
    createdAt: now,
    target: clip.target,
    payload: clip.payload,
    sourceUrl: clip.sourceUrl,
    status: 'pending',
    attempts: 0,
  };
  draft.jobs.push(job);
  return job;
}
