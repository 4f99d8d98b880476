import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { ClipSettingsController, ClipSettingsState } from '../../lib/options/clip-settings-controller';
import type { ClipPreset } from '../../lib/settings/site-rules';
import { TargetFields } from './TargetFields';

interface DefaultsSectionProps {
  state: ClipSettingsState;
  controller: ClipSettingsController;
}

export function DefaultsSection({ state, controller }: DefaultsSectionProps) {
  const [draft, setDraft] = useState<ClipPreset>(state.settings.defaults);
  useEffect(() => setDraft(state.settings.defaults), [state.settings.defaults]);
  return (
    <section aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">{i18n.t('options.defaults.heading')}</h2>
      <p class="note">{i18n.t('options.defaults.intro')}</p>
      {state.spacesError && <p class="note">{i18n.t('options.defaults.spacesError', { message: state.spacesError })}</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void controller.saveDefaults(draft);
        }}
      >
        <TargetFields
          idPrefix="defaults"
          value={draft}
          lists={state}
          onChange={setDraft}
          onSpaceChosen={(spaceId) => void controller.loadSpace(spaceId)}
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={state.busy}>
            {i18n.t('options.defaults.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
