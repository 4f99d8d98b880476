import { i18n } from '#i18n';
import type { SetAsideEntry } from '../../lib/settings/versioned-item';
import { setAsideFileText } from '../../lib/options/clip-settings-controller';

interface SetAsideNoticeProps {
  entries: readonly SetAsideEntry[];
  download(name: string, text: string): void;
  onDismiss(): void;
}

/** Says which stored settings could not be read, offers them as a file, and lets the person move on. */
export function SetAsideNotice({ entries, download, onDismiss }: SetAsideNoticeProps) {
  if (entries.length === 0) return null;
  const rules = entries.filter((entry) => entry.what === 'siteRule').length;
  const other = entries.length - rules;
  return (
    <div class="notice" role="status" aria-labelledby="set-aside-text">
      <p id="set-aside-text">
        {rules > 0 && i18n.t('options.rules.unread.rules', rules)}
        {rules > 0 && other > 0 && ' '}
        {other > 0 && i18n.t('options.rules.unread.other', other)}
      </p>
      <p class="note">{i18n.t('options.rules.unread.hint')}</p>
      <div class="actions">
        <button type="button" onClick={() => download('clip-to-anytype-set-aside.json', setAsideFileText(entries))}>
          {i18n.t('options.rules.unread.saveCopy')}
        </button>
        <button type="button" onClick={onDismiss}>
          {i18n.t('options.rules.unread.dismiss')}
        </button>
      </div>
    </div>
  );
}
