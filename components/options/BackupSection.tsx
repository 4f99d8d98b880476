import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { importSettingsText, type ImportResult } from '../../lib/options/settings-transfer';
import type { BackgroundClient } from '../../lib/protocol/client';
import { MAX_SETTINGS_FILE_BYTES } from '../../lib/settings/settings-file';
import { importSummary } from '../../lib/settings/settings-import';
import { Alert } from '../Alert';

interface BackupSectionProps {
  background: BackgroundClient;
  exportSettings(): Promise<void>;
  onImported(imported: Extract<ImportResult, { ok: true }>['imported']): void;
}

export function BackupSection({ background, exportSettings, onImported }: BackupSectionProps) {
  const [info, setInfo] = useState('');
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<string[]>([]);
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{i18n.t('options.backup.heading')}</h2>
      <p class="note">{i18n.t('options.backup.intro')}</p>
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            setError(undefined);
            exportSettings().then(
              () => setInfo(i18n.t('options.backup.exported')),
              () => setError(i18n.t('options.backup.exportFailed')),
            );
          }}
        >
          {i18n.t('options.backup.export')}
        </button>
      </div>
      <div class="field">
        <label for="import-file">{i18n.t('options.backup.importLabel')}</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            setInfo('');
            setError(undefined);
            setRefused([]);
            // A settings file is small: a large one is refused before it is read.
            const result =
              file.size > MAX_SETTINGS_FILE_BYTES
                ? { ok: false as const, error: i18n.t('options.backup.tooLarge') }
                : await importSettingsText(background, await file.text());
            input.value = '';
            if (!result.ok) {
              setError(result.error);
              return;
            }
            onImported(result.imported);
            const summary = importSummary(result.imported.report);
            setInfo(summary.imported);
            setRefused(summary.refused);
          }}
        />
      </div>
      <div role="status" class="note">
        {info && <p>{info}</p>}
        {refused.length > 0 && (
          <>
            <p>{i18n.t('options.backup.notImported')}</p>
            <ul aria-label={i18n.t('options.backup.notImported')}>
              {refused.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <Alert message={error} />
    </section>
  );
}
