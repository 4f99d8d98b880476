import { i18n } from '#i18n';
import { useRef } from 'preact/hooks';
import type { ConnectionsController, ConnectionsState } from '../../lib/options/connections-controller';
import { Alert } from '../Alert';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';

export function ConnectionsSection({ state, controller }: { state: ConnectionsState; controller: ConnectionsController }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The removed card took the focused button with it: focus returns to the section.
  const remove = (id: string) =>
    void controller.remove(id).then((problem) => {
      if (!problem) heading.current?.focus();
    });
  return (
    <section aria-labelledby="connections-heading">
      <h2 id="connections-heading" ref={heading} tabIndex={-1}>{i18n.t('options.connections.heading')}</h2>
      <p class="note">{i18n.t('options.connections.intro')}</p>
      {state.loading ? (
        <p>{i18n.t('options.connections.loading')}</p>
      ) : (
        <ul class="cards">
          {state.connections.map((connection) => (
            <li key={connection.id}>
              <ConnectionCard
                connection={connection}
                controller={controller}
                busy={state.busy}
                removable={state.connections.length > 1}
                onRemove={remove}
              />
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="note">
        {state.info ?? ''}
      </p>
      <Alert message={state.error} />
      <h3>{i18n.t('options.connections.add')}</h3>
      <ConnectionForm idPrefix="connection-new" submitLabel={i18n.t('options.connections.addButton')} onSubmit={(draft) => controller.save(draft)} />
    </section>
  );
}
