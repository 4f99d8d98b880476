import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { BackgroundClient } from '../../lib/protocol/client';
import { SelectField } from '../clip/SelectField';

interface RetargetFormProps {
  background: BackgroundClient;
  clientId: string;
  title: string;
  onSubmit(target: { spaceId: string; typeKey: string; collectionId?: string }): void;
  onCancel(): void;
}

type Item = { value: string; label: string };

/** Space, type and collection for a clip whose own are gone, listed from Anytype as it is now. */
export function RetargetForm({ background, clientId, title, onSubmit, onCancel }: RetargetFormProps) {
  const [spaces, setSpaces] = useState<Item[] | undefined>();
  const [types, setTypes] = useState<Item[]>([]);
  const [collections, setCollections] = useState<Item[]>([]);
  const [spaceId, setSpaceId] = useState<string | undefined>();
  const [typeKey, setTypeKey] = useState<string | undefined>();
  const [collectionId, setCollectionId] = useState<string | undefined>();
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    background.call('spaces.list', {}).then(
      (list) => setSpaces(list.map((s) => ({ value: s.id, label: s.name || s.id }))),
      () => setUnavailable(true),
    );
  }, [background]);

  useEffect(() => {
    setTypes([]);
    setCollections([]);
    setTypeKey(undefined);
    setCollectionId(undefined);
    if (!spaceId) return;
    background.call('types.list', { spaceId }).then(
      (list) => setTypes(list.filter((t) => t.key).map((t) => ({ value: t.key, label: t.name || t.key }))),
      () => setUnavailable(true),
    );
    background.call('collections.list', { spaceId }).then(
      (list) => setCollections(list.map((c) => ({ value: c.id, label: c.name }))),
      () => undefined, // no collection is a fine destination too
    );
  }, [background, spaceId]);

  const id = `retarget-${clientId}`;
  const heading = i18n.t('queuelist.retarget.heading', { name: title });
  return (
    <form
      class="retarget"
      aria-label={heading}
      onSubmit={(event) => {
        event.preventDefault();
        if (spaceId && typeKey) onSubmit({ spaceId, typeKey, ...(collectionId ? { collectionId } : {}) });
      }}
    >
      <p>
        <strong>{heading}</strong>
      </p>
      {unavailable && <p role="alert">{i18n.t('queuelist.retarget.unavailable')}</p>}
      <SelectField
        id={`${id}-space`}
        label={i18n.t('queuelist.retarget.space')}
        value={spaceId}
        emptyLabel={i18n.t('queuelist.retarget.pickSpace')}
        options={spaces ?? []}
        disabled={spaces === undefined}
        onChange={setSpaceId}
      />
      <SelectField
        id={`${id}-type`}
        label={i18n.t('queuelist.retarget.type')}
        value={typeKey}
        emptyLabel={i18n.t('queuelist.retarget.pickType')}
        options={types}
        disabled={!spaceId}
        onChange={setTypeKey}
      />
      <SelectField
        id={`${id}-collection`}
        label={i18n.t('queuelist.retarget.collection')}
        value={collectionId}
        emptyLabel={i18n.t('queuelist.retarget.noCollection')}
        options={collections}
        disabled={!spaceId}
        onChange={setCollectionId}
      />
      <div class="actions">
        <button type="submit" disabled={!spaceId || !typeKey}>
          {i18n.t('queuelist.retarget.send')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('queuelist.retarget.cancel')}
        </button>
      </div>
    </form>
  );
}
