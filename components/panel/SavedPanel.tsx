import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelInit } from '../../lib/background/panel-injector';
import { BackgroundError, type BackgroundClient } from '../../lib/protocol/client';

interface SavedPanelProps {
  init: PanelInit;
  background: BackgroundClient;
  onClose(): void;
  /** Closes itself after this long without focus or pointer. */
  idleMs?: number;
}

export function SavedPanel({ init, background, onClose, idleMs = 8000 }: SavedPanelProps) {
  const [tags, setTags] = useState(init.tagNames);
  const [draft, setDraft] = useState('');
  const [collections, setCollections] = useState<{ id: string; name: string }[]>([]);
  const [collectionId, setCollectionId] = useState(init.collectionId ?? '');
  const [message, setMessage] = useState<string | undefined>();
  const [engaged, setEngaged] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

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

  const amend = async (change: { tagNames?: string[]; collectionId?: string }) => {
    try {
      const result = await background.call('clip.amend', change);
      setTags(result.tagNames);
      setMessage('Updated');
    } catch (error) {
      setMessage(error instanceof BackgroundError ? error.message : 'Could not update the clip.');
    }
  };

  return (
    <section
      class="panel"
      aria-label="Saved to Anytype"
      onFocusIn={() => setEngaged(true)}
      onFocusOut={() => setEngaged(false)}
      onPointerEnter={() => setEngaged(true)}
      onPointerLeave={() => setEngaged(false)}
    >
      <header>
        <strong>{init.heading}</strong>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
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
        <label for="panel-tags">Tags</label>
        <div class="row">
          <input id="panel-tags" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} placeholder="Add a tag" />
          <button type="submit">Add tag</button>
        </div>
      </form>
      {tags.length > 0 && <p class="tags">{tags.join(' · ')}</p>}
      <label for="panel-collection">Collection</label>
      <select
        id="panel-collection"
        value={collectionId}
        onChange={(event) => {
          const id = event.currentTarget.value;
          setCollectionId(id);
          if (id) void amend({ collectionId: id });
        }}
      >
        <option value="">None</option>
        {collections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <p class="row">
        <a href={init.openUrl} target="_blank" rel="noreferrer">
          Open in Anytype
        </a>
        {message && <span role="status">{message}</span>}
      </p>
    </section>
  );
}
