import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { existingTag, isNewTag, tagMatches } from '../../lib/popup/tag-suggest';

interface TagInputProps {
  selected: string[];
  suggestions: string[];
  onAdd(name: string): void;
  onRemove(name: string): void;
}

const LIST_ID = 'clip-tag-suggestions';
const optionId = (index: number) => `clip-tag-option-${index}`;

/**
 * Existing tags are offered as you type; Enter takes the highlighted one. A new tag is made only
 * on purpose: Enter when nothing is offered, or a comma; leaving the field makes nothing. What
 * would be new says so before it is added, and a chosen tag that is new says so until Save.
 * The offers are built only while the field has focus: a vault can have hundreds of tags, and
 * each is an element the popup would build before it can draw.
 */
export function TagInput({ selected, suggestions, onAdd, onRemove }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const offered = open && draft.trim() ? tagMatches(draft, suggestions, selected) : open && active >= 0 ? tagMatches('', suggestions, selected) : [];
  const highlighted = active >= 0 ? offered[active] : undefined;

  const add = (name: string) => {
    // A name typed in another case is the existing tag, not a second one.
    if (name.trim()) onAdd(existingTag(name, suggestions) ?? name);
    setDraft('');
    setActive(-1);
  };
  const typed = (value: string) => {
    if (value.endsWith(',')) return add(value.slice(0, -1));
    setDraft(value);
    // The first offer is highlighted, so Enter takes it; with none, Enter makes the new tag.
    setActive(value.trim() && tagMatches(value, suggestions, selected).length > 0 ? 0 : -1);
  };
  const newTag = isNewTag(draft, suggestions, selected);

  return (
    <div class="field tag-field">
      <label for="clip-tags">{i18n.t('tags.label')}</label>
      {selected.length > 0 && (
        <ul class="chips" aria-label={i18n.t('tags.chosen')}>
          {selected.map((name) => (
            <li key={name}>
              {name}
              {existingTag(name, suggestions) === undefined && <span class="chip-new"> {i18n.t('tags.newMark')}</span>}
              <button type="button" class="chip-remove" aria-label={i18n.t('tags.remove', { name })} onClick={() => onRemove(name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id="clip-tags"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={offered.length > 0}
        aria-controls={LIST_ID}
        aria-activedescendant={highlighted === undefined ? undefined : optionId(active)}
        aria-describedby={newTag ? 'clip-tag-new' : undefined}
        autocomplete="off"
        value={draft}
        placeholder={i18n.t('tags.placeholder')}
        onInput={(event) => typed(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add(highlighted ?? draft);
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const count = tagMatches(draft, suggestions, selected).length;
            if (count === 0) return;
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((now) => (now < 0 ? (step > 0 ? 0 : count - 1) : (now + step + count) % count));
          } else if (event.key === 'Escape' && highlighted !== undefined) {
            // The offer is dropped, the draft kept: Enter then makes exactly what was typed.
            event.preventDefault();
            event.stopPropagation();
            setActive(-1);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <div id={LIST_ID} role="listbox" aria-label={i18n.t('tags.offered')} class="tag-offers" hidden={offered.length === 0}>
        {offered.map((name, index) => (
          <div
            key={name}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            // Before the field's blur: the click picks the tag and the field keeps focus.
            onMouseDown={(event) => {
              event.preventDefault();
              add(name);
            }}
          >
            {name}
          </div>
        ))}
      </div>
      {newTag && (
        <p id="clip-tag-new" class="note" aria-live="polite">
          {highlighted === undefined
            ? i18n.t('tags.willBeNew', { name: draft.trim() })
            : i18n.t('tags.commaForNew', { name: draft.trim(), offered: highlighted })}
        </p>
      )}
    </div>
  );
}
