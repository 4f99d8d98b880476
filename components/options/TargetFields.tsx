import { useEffect, useState } from 'preact/hooks';
import { type ClipSettingsState, parseTagList } from '../../lib/options/clip-settings-controller';
import type { ClipTarget } from '../../lib/settings/site-rules';
import { SelectField } from '../clip/SelectField';

interface TargetFieldsProps {
  idPrefix: string;
  value: ClipTarget;
  lists: Pick<ClipSettingsState, 'spaces' | 'typesBySpace' | 'collectionsBySpace'>;
  onChange(value: ClipTarget): void;
  onSpaceChosen(spaceId: string): void;
}

type Option = { value: string; label: string };

/** Keeps a stored choice visible even when the list it comes from could not be loaded. */
function withCurrent(options: Option[], current: string | undefined): Option[] {
  if (!current || options.some((o) => o.value === current)) return options;
  return [...options, { value: current, label: `${current} (not loaded)` }];
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
        label="Space"
        value={spaceId}
        emptyLabel="Last used space"
        options={withCurrent(lists.spaces.map((s) => ({ value: s.id, label: s.name || 'Untitled space' })), spaceId)}
        onChange={(next) => {
          // Type and collection belong to a space: a new space starts without them.
          onChange({ ...value, spaceId: next, typeKey: undefined, collectionId: undefined });
          if (next) onSpaceChosen(next);
        }}
      />
      <SelectField
        id={`${idPrefix}-type`}
        label="Type"
        value={value.typeKey}
        emptyLabel="Last used type"
        disabled={!spaceId}
        options={withCurrent(types.map((t) => ({ value: t.key, label: t.name || t.key })), value.typeKey)}
        onChange={(next) => onChange({ ...value, typeKey: next })}
      />
      <SelectField
        id={`${idPrefix}-collection`}
        label="Collection"
        value={value.collectionId}
        emptyLabel="No collection"
        disabled={!spaceId}
        options={withCurrent(collections.map((c) => ({ value: c.id, label: c.name })), value.collectionId)}
        onChange={(next) => onChange({ ...value, collectionId: next })}
      />
      <div class="field">
        <label for={`${idPrefix}-tags`}>Tags</label>
        <input
          id={`${idPrefix}-tags`}
          value={tagsText}
          placeholder="news, to read"
          aria-describedby={`${idPrefix}-tags-hint`}
          onInput={(event) => {
            setTagsText(event.currentTarget.value);
            onChange({ ...value, tagNames: parseTagList(event.currentTarget.value) });
          }}
        />
        <p id={`${idPrefix}-tags-hint`} class="note">
          Separate tags with commas. New tags are created when a clip is saved.
        </p>
      </div>
    </>
  );
}
