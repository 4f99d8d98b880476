import { i18n } from '#i18n';
import { useState } from 'preact/hooks';

interface TagInputProps {
  selected: string[];
  suggestions: string[];
  onAdd(name: string): void;
  onRemove(name: string): void;
}

/**
 * Existing tags are suggested as you type; a name that is new becomes a new tag when the clip is saved.
 * The suggestions are put in the page when the field is first focused, not in the first render: a
 * vault can have hundreds of tags, and each is an element the popup would build before it can draw.
 */
export function TagInput({ selected, suggestions, onAdd, onRemove }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const [suggesting, setSuggesting] = useState(false);
  const commit = () => {
    if (draft.trim()) onAdd(draft);
    setDraft('');
  };
  return (
    <div class="field">
      <label for="clip-tags">{i18n.t('tags.label')}</label>
      {selected.length > 0 && (
        <ul class="chips" aria-label={i18n.t('tags.chosen')}>
          {selected.map((name) => (
            <li key={name}>
              {name}
              <button type="button" class="chip-remove" aria-label={i18n.t('tags.remove', { name })} onClick={() => onRemove(name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id="clip-tags"
        list="clip-tag-suggestions"
        value={draft}
        placeholder={i18n.t('tags.placeholder')}
        onInput={(event) => {
          const value = event.currentTarget.value;
          if (value.endsWith(',')) {
            onAdd(value.slice(0, -1));
            setDraft('');
          } else setDraft(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
        onFocus={() => setSuggesting(true)}
        onBlur={commit}
      />
      <datalist id="clip-tag-suggestions">
        {suggesting &&
          suggestions
            .filter((name) => !selected.includes(name))
            .map((name) => <option key={name} value={name} />)}
      </datalist>
    </div>
  );
}
