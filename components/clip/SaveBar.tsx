import { i18n } from '#i18n';
import { type SaveBlocker, saveReason } from '../../lib/popup/clip-reducer';
import type { ClipFormState } from '../../lib/popup/clip-form';
import { EXISTING_NOTICE_ID, ExistingNotice } from './ClipOutcome';

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
 * again where asking again can help. When the page is already in the space, the notice with its
 * Open link sits right above Save, which reads "Save again": a second object is made on purpose.
 */
export function SaveBar({ state, onRetry }: { state: ClipFormState; onRetry(): void }) {
  const reason = saveReason(state);
  const existing = state.existing && !state.result ? state.existing : undefined;
  const label = state.saving ? i18n.t('clip.saving') : existing ? i18n.t('clip.saveAgain') : i18n.t('clip.save');
  const described = [existing ? EXISTING_NOTICE_ID : undefined, reason ? 'save-reason' : 'save-shortcut'].filter(Boolean).join(' ');
  return (
    <div class="save-bar">
      {existing && <ExistingNotice existing={existing} />}
      <div class="actions save-row">
        <button
          type="submit"
          class="primary"
          disabled={reason !== undefined}
          aria-describedby={described}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {label}
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
    </div>
  );
}
