import { i18n } from '#i18n';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ClipFormState } from '../../lib/popup/clip-form';

type Result = NonNullable<ClipFormState['result']>;

/** "Research › Reading list": where the clip went, in the names the form showed. */
export function destinationOf(state: ClipFormState, result: Result): string {
  const space = state.spaces.find((s) => s.id === result.spaceId)?.name || i18n.t('clip.untitledSpace');
  const collection = state.collections.find((c) => c.id === state.collectionId)?.name;
  return collection ? `${space} › ${collection}` : space;
}

/**
 * After Save: where the clip went and the way to it, instead of a form that would make a second
 * object with one more click. Another clip of this page is a deliberate choice (Clip again).
 */
export function SuccessCard({ state, result, onClipAgain }: { state: ClipFormState; result: Result; onClipAgain(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the focus was in is gone: the card takes it, so a screen reader reads where the clip went.
  useLayoutEffect(() => heading.current?.focus(), []);
  const done = result.state === 'done';
  return (
    <section class="success-card" aria-labelledby="success-heading">
      <h2 id="success-heading" tabIndex={-1} ref={heading}>
        {done ? i18n.t('clip.success') : i18n.t('clip.keptTitle')}
      </h2>
      {done ? (
        <p role="status" class="connected">
          {i18n.t('clip.savedTo', { destination: destinationOf(state, result) })}{' '}
          {result.openUrl && (
            <a href={result.openUrl} target="_blank" rel="noreferrer">
              {i18n.t('clip.open')}
            </a>
          )}
        </p>
      ) : (
        <p role="status" class="note">
          {i18n.t('clip.queued', { message: result.message ?? '' })}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={onClipAgain}>
          {i18n.t('clip.clipAgain')}
        </button>
      </div>
    </section>
  );
}
