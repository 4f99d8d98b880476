import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { type ClipSettingsState, parseTagList } from '../../lib/options/clip-settings-controller';
import type { ClipPreset } from '../../lib/settings/site-rules';
import { SelectField } from '../clip/SelectField';

interface TargetFieldsProps {
  idPrefix: string;
  value: ClipPreset;
  lists: Pick<ClipSettingsState, 'spaces' | 'typesBySpace' | 'collectionsBySpace'>;
  onChange(value: ClipPreset): void;
  onSpaceChosen(spaceId: string): void;
}

type Option = { value: string; label: string };

/** Keeps a stored choice visible even when the list it comes from could not be loaded. */
function withCurrent(options: Option[], current: string | undefined): Option[] {
  if (!current || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: i18n.t('options.target.notLoaded', { value: current }) }];
}

/** Space, type, collection and tags: where a clip goes. */
export function TargetFields({ idPrefix, value, lists, onChange, onSpaceChosen }: TargetFieldsProps) {
  const [tagsText, setTagsText] = useState(value.tagNames.join(', '));
  useEffect(() => setTagsText(value.tagNames.join(', ')), [value.tagNames.join('\n')]);
  const spaceId = value.spaceId;
  const types = spaceId ? (lists.typesBySpace[spaceId] ?? []) : [];
  const collections = spaceId ? (lists.collectionsBySpace[spaceId] ?? []) : [];
  return (
    <>
      <SelectField
        id={`${idPrefix}-space`}
        label={i18n.t('clip.space')}
        value={spaceId}
        emptyLabel={i18n.t('options.target.lastUsedSpace')}
        options={withCurrent(lists.spaces.map((s) => ({ value: s.id, label: s.name || i18n.t('clip.untitledSpace') })), spaceId)}
        onChange={(next) => {
          // Type and collection belong to a space: a new space starts without them.
          onChange({ ...value, spaceId: next, typeKey: undefined, collectionId: undefined });
          if (next) onSpaceChosen(next);
        }}
      />
      <SelectField
        id={`${idPrefix}-type`}
        label={i18n.t('clip.type')}
        value={value.typeKey}
        emptyLabel={i18n.t('options.target.lastUsedType')}
        disabled={!spaceId}
        options={withCurrent(types.map((t) => ({ value: t.key, label: t.name || t.key })), value.typeKey)}
        onChange={(next) => onChange({ ...value, typeKey: next })}
      />
      <SelectField
        id={`${idPrefix}-collection`}
        label={i18n.t('clip.collection')}
        value={value.collectionId}
        emptyLabel={i18n.t('options.target.noCollection')}
        disabled={!spaceId}
        options={withCurrent(collections.map((c) => ({ value: c.id, label: c.name })), value.collectionId)}
        onChange={(next) => onChange({ ...value, collectionId: next })}
      />
      <div class="field">
        <label for={`${idPrefix}-tags`}>{i18n.t('tags.label')}</label>
        <input
          id={`${idPrefix}-tags`}
          value={tagsText}
          placeholder={i18n.t('options.target.tagsPlaceholder')}
          aria-describedby={`${idPrefix}-tags-hint`}
          onInput={(event) => {
            setTagsText(event.currentTarget.value);
            onChange({ ...value, tagNames: parseTagList(event.currentTarget.value) });
          }}
        />
        <p id={`${idPrefix}-tags-hint`} class="note">
          {i18n.t('options.target.tagsHint')}
        </p>
      </div>
    </>
  );
}
