import { i18n } from '#i18n';
import type { MessageOutput } from '../../lib/protocol/messages';

type Existing = NonNullable<MessageOutput<'clip.existing'>>;
type Result = MessageOutput<'clip.submit'>;

/** The notice's id: Save again is described by it. */
export const EXISTING_NOTICE_ID = 'existing-notice';

/** The page is already in this space: said with a link to that object (lib/popup: clip.existing). */
export function ExistingNotice({ existing }: { existing: Existing }) {
  return (
    <p id={EXISTING_NOTICE_ID} class="note existing">
      {i18n.t('clip.existing', { name: existing.name || i18n.t('clip.untitled') })}{' '}
      <a href={existing.openUrl} target="_blank" rel="noreferrer">
        {i18n.t('clip.openExisting')}
      </a>
    </p>
  );
}

/** What a Save that is not settled (the success card shows those) says: not saved, and why. */
export function SaveResult({ result }: { result: Result }) {
  if (result.state === 'done') {
    return (
      <p role="status" class="connected">
        {i18n.t('clip.saved')}{' '}
        {result.openUrl && (
          <a href={result.openUrl} target="_blank" rel="noreferrer">
            {i18n.t('clip.open')}
          </a>
        )}
      </p>
    );
  }
  if (result.state === 'queued') {
    return (
      <p role="status" class="note">
        {i18n.t('clip.queued', { message: result.message ?? '' })}
      </p>
    );
  }
  return (
    <p role="alert" class="alert">
      {i18n.t('clip.notSaved', { message: result.message ?? '' })}
    </p>
  );
}
