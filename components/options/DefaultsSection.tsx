import { useEffect, useState } from 'preact/hooks';
import type { ClipSettingsController, ClipSettingsState } from '../../lib/options/clip-settings-controller';
import type { ClipTarget } from '../../lib/settings/site-rules';
import { TargetFields } from './TargetFields';

interface DefaultsSectionProps {
  state: ClipSettingsState;
  controller: ClipSettingsController;
}

export function DefaultsSection({ state, controller }: DefaultsSectionProps) {
  const [draft, setDraft] = useState<ClipTarget>(state.settings.defaults);
  useEffect(() => setDraft(state.settings.defaults), [state.settings.defaults]);
  return (
    <section aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">Quick clip defaults</h2>
      <p class="note">Used by quick clip (context menu and keyboard shortcut) when no site rule matches the page.</p>
      {state.spacesError && <p class="note">Spaces could not be loaded: {state.spacesError}</p>}
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
            Save defaults
          </button>
        </div>
      </form>
    </section>
  );
}
