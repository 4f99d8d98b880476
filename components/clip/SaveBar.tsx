import { i18n } from '#i18n';
import { type SaveBlocker, saveReason } from '../../lib/popup/clip-reducer';
import type { ClipFormState } from '../../lib/popup/clip-form';

const REASON = {
  saving: 'clip.why.saving',
  pageLimit: 'clip.why.pageLimit',
  loading: 'clip.why.loading',
  noSpaces: 'clip.why.noSpaces',
  noSpace: 'clip.why.noSpace',
  noTypes: 'clip.why.noTypes',
  loadingTypes: 'clip.why.loadingTypes',
  noType: 'clip.why.noType',
} as const satisfies Record<SaveBlocker, string>;

export const reasonText = (blocker: SaveBlocker) => i18n.t(REASON[blocker]);

/**
 * Save, kept at the bottom of the popup (sticky) so it is in reach however long the form is; when
 * it cannot be pressed, the first reason why is beside it (and is its description), with Try
 * again where asking again can help.
 */
export function SaveBar({ state, onRetry }: { state: ClipFormState; onRetry(): void }) {
  const reason = saveReason(state);
  return (
    <div class="actions save-bar">
      <button
        type="submit"
        class="primary"
        disabled={reason !== undefined}
        aria-describedby={reason ? 'save-reason' : 'save-shortcut'}
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        {state.saving ? i18n.t('clip.saving') : i18n.t('clip.save')}
      </button>
      {reason ? (
        <span id="save-reason" class="save-reason" role="status">
          {reasonText(reason)}
        </span>
      ) : (
        <span id="save-shortcut" class="save-reason">
          {i18n.t('clip.shortcut')}
        </span>
      )}
      {reason === 'noTypes' && (
        <button type="button" onClick={onRetry}>
          {i18n.t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
