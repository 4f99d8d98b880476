import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TagInput } from '../../../components/clip/TagInput';

afterEach(cleanup);

function Harness({ suggestions, initial = [] }: { suggestions: string[]; initial?: string[] }) {
  const [selected, setSelected] = useState(initial);
  return (
    <TagInput
      selected={selected}
      suggestions={suggestions}
      onAdd={(name) => setSelected((now) => (now.includes(name.trim()) ? now : [...now, name.trim()]))}
      onRemove={(name) => setSelected((now) => now.filter((n) => n !== name))}
    />
  );
}

const suggestionValues = (container: Element) =>
  [...container.querySelectorAll('datalist#clip-tag-suggestions option')].map((o) => o.getAttribute('value'));

describe('TagInput', () => {
  it('suggests the existing tags not yet chosen, from the first focus on', () => {
    const { container } = render(<Harness suggestions={['news', 'science', 'later']} initial={['science']} />);
    const field = screen.getByRole('combobox', { name: 'Tags' });
    expect(field.getAttribute('list')).toBe('clip-tag-suggestions');
    // Not built for the first render: a vault's tags can be many.
    expect(suggestionValues(container)).toEqual([]);
    fireEvent.focus(field);
    expect(suggestionValues(container)).toEqual(['news', 'later']);
  });

  it('adds a tag on Enter or a comma, and removes it with its button', () => {
    render(<Harness suggestions={['news']} />);
    const field = screen.getByRole('combobox', { name: 'Tags' });
    fireEvent.input(field, { target: { value: 'news' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    fireEvent.input(field, { target: { value: 'to read,' } });
    const chosen = screen.getByRole('list', { name: 'Chosen tags' });
    expect([...chosen.querySelectorAll('li')].map((li) => li.firstChild?.textContent)).toEqual(['news', 'to read']);
    expect((field as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag news' }));
    expect([...screen.getByRole('list', { name: 'Chosen tags' }).querySelectorAll('li')].length).toBe(1);
  });
});
