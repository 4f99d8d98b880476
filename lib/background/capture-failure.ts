/**
 * The clipper reports why it failed as facts (lib/capture/schema.ts); this says it in the person's
 * language. Too large keeps its own code so the popup can suggest a selection.
 */
import { i18n } from '#i18n';
import type { CaptureFailure } from '../capture/schema';
import { MAX_PAGE_TEXT_BYTES } from '../clip/size-limits';
import { ProtocolFailure } from '../protocol/router';

const MIB = 1024 * 1024;

export function captureFailure(failure: CaptureFailure): ProtocolFailure {
  switch (failure.reason) {
    case 'too_large': {
      const size = ((failure.bytes ?? MAX_PAGE_TEXT_BYTES) / MIB).toFixed(1);
      return new ProtocolFailure('too_large', i18n.t('clipper.tooLarge', { size, limit: String(MAX_PAGE_TEXT_BYTES / MIB) }));
    }
    case 'empty':
      return new ProtocolFailure('failed', i18n.t('clipper.nothingSelected'));
    default:
      return new ProtocolFailure('failed', i18n.t('clipper.unreadable'));
  }
}
