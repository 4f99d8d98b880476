import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelInit } from '../../lib/background/panel-injector';
import { BackgroundError, type BackgroundClient } from '../../lib/protocol/client';

interface SavedPanelProps {
  init: PanelInit;
  background: BackgroundClient;
  onClose(): void;
  /** Closes itself after this long once the person has moved away (neither focus nor pointer on it). */
  idleMs?: number;
  /** Where Escape is listened for: the page's window, so it closes the panel wherever focus is. */
  keyTarget?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export function SavedPanel({ init, background, onClose, idleMs = 8000, keyTarget = window }: SavedPanelProps) {
  const [tags, setTags] = useState(init.tagNames);
  const [draft, setDraft] = useState('');
  const [collections, setCollections] = useState<{ id: string; name: string }[]>([]);
  const [collectionId, setCollectionId] = useState(init.collectionId ?? '');
  const [message, setMessage] = useState<string | undefined>();
  // Focus and pointer apart: the pointer leaving while the person types must not start the clock.
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [pending, setPending] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const engaged = focused || hovered || draft !== '' || pending > 0;

  useEffect(() => {
    void background
      .call('collections.list', { spaceId: init.spaceId })
      .then(setCollections)
      .catch(() => setCollections([]));
  }, [background, init.spaceId]);

  useEffect(() => {
    clearTimeout(timer.current);
    if (!engaged) timer.current = setTimeout(onClose, idleMs);
    return () => clearTimeout(timer.current);
  }, [engaged, idleMs, onClose]);

  useEffect(() => {
    const onKey = (event: Event) => {
      if ((event as KeyboardEvent).key === 'Escape' && !event.defaultPrevented) onClose();
    };
    keyTarget.addEventListener('keydown', onKey);
    return () => keyTarget.removeEventListener('keydown', onKey);
  }, [keyTarget, onClose]);

  const amend = async (change: { tagNames?: string[]; removeTagNames?: string[]; collectionId?: string }) => {
    setPending((n) => n + 1);
    try {
      const result = await background.call('clip.amend', change);
      setTags(result.tagNames);
      setMessage(i18n.t('panel.updated'));
    } catch (error) {
      setMessage(error instanceof BackgroundError ? error.message : i18n.t('panel.updateFailed'));
    } finally {
      setPending((n) => n - 1);
    }
  };

  return (
    <section
      class="panel"
      // The page around the panel may be in another language than the panel's texts.
      lang={i18n.t('lang')}
      aria-label={i18n.t('panel.region')}
      onFocusIn={() => setFocused(true)}
      onFocusOut={(event) => {
        // Focus moving between the panel's own fields is not leaving it.
        const next = event.relatedTarget as Node | null;
        if (!next || !event.currentTarget.contains(next)) setFocused(false);
      }}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
    >
      <header>
        <strong class="heading" title={init.heading}>
          {init.heading}
        </strong>
        <button type="button" class="close" aria-label={i18n.t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const name = draft.trim();
          if (name) void amend({ tagNames: [name] });
          setDraft('');
        }}
      >
        <label for="panel-tags">{i18n.t('tags.label')}</label>
        <div class="row">
          <input id="panel-tags" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} placeholder={i18n.t('panel.addPlaceholder')} />
          <button type="submit">{i18n.t('panel.add')}</button>
        </div>
      </form>
      {tags.length > 0 && (
        <ul class="tags" aria-label={i18n.t('tags.chosen')}>
          {tags.map((name) => (
            <li key={name}>
              <span class="tag-name" title={name}>
                {name}
              </span>
              <button type="button" class="remove" aria-label={i18n.t('tags.remove', { name })} onClick={() => void amend({ removeTagNames: [name] })}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label for="panel-collection">{i18n.t('clip.collection')}</label>
      <select
        id="panel-collection"
        value={collectionId}
        onChange={(event) => {
          const id = event.currentTarget.value;
          setCollectionId(id);
          if (id) void amend({ collectionId: id });
        }}
      >
        <option value="">{i18n.t('common.none')}</option>
        {collections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <p class="row">
        <a href={init.openUrl} target="_blank" rel="noreferrer">
          {i18n.t('clip.open')}
        </a>
        {message && <span role="status">{message}</span>}
      </p>
    </section>
  );
}
