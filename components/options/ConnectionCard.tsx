import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import type { ConnectionsController, ConnectionView } from '../../lib/options/connections-controller';
import { ConnectionForm } from './ConnectionForm';
import { KeyForm } from './KeyForm';

interface ConnectionCardProps {
  connection: ConnectionView;
  controller: ConnectionsController;
  busy: boolean;
  /** Removing the last connection is refused, so the button is not offered. */
  removable: boolean;
  onRemove(id: string): void;
}

type Panel = 'none' | 'edit' | 'key';

export function ConnectionCard({ connection: c, controller, busy, removable, onRemove }: ConnectionCardProps) {
  const [panel, setPanel] = useState<Panel>('none');
  const headingId = `connection-${c.id}-name`;
  // Buttons that disappear after their action (Make active, Disconnect) and panels that close
  // would drop keyboard focus to the page: it moves to a button that is always there instead.
  const checkButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const keyButton = useRef<HTMLButtonElement>(null);
  const close = (button: HTMLButtonElement | null) => {
    setPanel('none');
    button?.focus();
  };
  return (
    <article class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{c.name}</h3>
      <p class="card-meta">
        <span>{c.baseUrl}</span>
        {c.active && <span class="badge">{i18n.t('options.card.active')}</span>}
        <span>{c.hasKey ? i18n.t('options.card.keyKept') : i18n.t('options.card.noKey')}</span>
      </p>
      {c.status && (
        <p class={c.status.ok ? 'connected' : 'alert'} aria-live="polite">
          {c.status.text}
        </p>
      )}
      {c.status?.detail && <p class="note key-detail">{c.status.detail}</p>}
      {c.access === false && (
        <div class="access">
          <p class="alert">{i18n.t('options.card.noAccess', { url: c.baseUrl })}</p>
          {/* The request runs inside this click: browsers only prompt for a user gesture. */}
          <button type="button" class="primary" onClick={() => void controller.grantAccess(c.id)}>
            {i18n.t('access.grant')}
          </button>
        </div>
      )}
      <div class="actions">
        {!c.active && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void controller.activate(c.id).then((problem) => {
              if (!problem) checkButton.current?.focus();
            })}
          >
            {i18n.t('options.card.makeActive')}
          </button>
        )}
        <button type="button" ref={checkButton} onClick={() => void controller.check(c.id)}>
          {i18n.t('options.card.check')}
        </button>
        <button type="button" ref={editButton} aria-expanded={panel === 'edit'} onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}>
          {i18n.t('options.card.edit')}
        </button>
        <button type="button" ref={keyButton} aria-expanded={panel === 'key'} onClick={() => setPanel(panel === 'key' ? 'none' : 'key')}>
          {i18n.t('options.card.pasteKey')}
        </button>
        {c.hasKey && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void controller.forgetKey(c.id).then((problem) => {
              if (!problem) keyButton.current?.focus();
            })}
          >
            {i18n.t('pairing.connected.disconnect')}
          </button>
        )}
        {removable && (
          <button type="button" class="danger" disabled={busy} onClick={() => onRemove(c.id)}>
            {i18n.t('options.card.remove')}
          </button>
        )}
      </div>
      {panel === 'edit' && (
        <ConnectionForm
          idPrefix={`connection-${c.id}-edit`}
          initial={{ name: c.name, endpoint: c.baseUrl }}
          submitLabel={i18n.t('options.card.save')}
          onSubmit={async (draft) => {
            const problem = await controller.save({ id: c.id, ...draft });
            if (!problem) close(editButton.current);
            return problem;
          }}
          onCancel={() => close(editButton.current)}
        />
      )}
      {panel === 'key' && (
        <KeyForm
          idPrefix={`connection-${c.id}`}
          onSubmit={(apiKey) => controller.saveKey(c.id, apiKey)}
          onCancel={() => close(keyButton.current)}
        />
      )}
    </article>
  );
}
