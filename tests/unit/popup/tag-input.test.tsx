import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { TagInput } from '../../../components/clip/TagInput';

afterEach(cleanup);

function Harness({ suggestions, initial = [], added = [] }: { suggestions: string[]; initial?: string[]; added?: string[] }) {
  const [selected, setSelected] = useState(initial);
  return (
    <TagInput
      selected={selected}
      suggestions={suggestions}
      onAdd={(name) => {
        added.push(name);
        setSelected((now) => (now.includes(name.trim()) ? now : [...now, name.trim()]));
      }}
      onRemove={(name) => setSelected((now) => now.filter((n) => n !== name))}
    />
  );
}

const field = () => screen.getByRole('combobox', { name: 'Tags' }) as HTMLInputElement;
const offered = () => screen.queryAllByRole('option').map((o) => o.textContent);
const chosen = () =>
  [...(screen.queryByRole('list', { name: 'Chosen tags' })?.querySelectorAll('li') ?? [])].map((li) => li.firstChild?.textContent);

describe('TagInput', () => {
  it('offers the existing tags not yet chosen that hold what is typed, none in the first render', () => {
    render(<Harness suggestions={['news', 'science', 'newsletters', 'renewal']} initial={['science']} />);
    expect(offered()).toEqual([]);
    fireEvent.focus(field());
    fireEvent.input(field(), { target: { value: 'new' } });
    expect(offered()).toEqual(['news', 'newsletters', 'renewal']);
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
  });

  it('Enter takes the highlighted suggestion, not what was typed so far', () => {
    const added: string[] = [];
    render(<Harness suggestions={['research', 'reading']} added={added} />);
    fireEvent.focus(field());
    fireEvent.input(field(), { target: { value: 'rea' } });
    fireEvent.keyDown(field(), { key: 'ArrowDown' });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(added).toEqual(['reading']);
    expect(field().value).toBe('');
  });

  it('makes a new tag only on purpose: Enter with nothing offered, or a comma; leaving the field makes none', () => {
    const added: string[] = [];
    render(<Harness suggestions={['news']} added={added} />);
    fireEvent.focus(field());
    fireEvent.input(field(), { target: { value: 'half-typed' } });
    fireEvent.blur(field());
    expect(added).toEqual([]);
    fireEvent.focus(field());
    fireEvent.input(field(), { target: { value: 'tide pools' } });
    // Says so before it is made.
    expect(screen.getByText('“tide pools” will be a new tag: Enter or a comma adds it.')).toBeTruthy();
    fireEvent.keyDown(field(), { key: 'Enter' });
    fireEvent.input(field(), { target: { value: 'ne,' } }); // a comma keeps what was typed, though "news" is offered
    expect(added).toEqual(['tide pools', 'ne']);
    expect(chosen()).toEqual(['tide pools', 'ne']);
    // Chosen tags that do not exist yet say so until they are made (on Save).
    expect(screen.getAllByText('(new)')).toHaveLength(2);
  });

  it('a name typed in another case is the existing tag', () => {
    const added: string[] = [];
    render(<Harness suggestions={['News']} added={added} />);
    fireEvent.focus(field());
    fireEvent.input(field(), { target: { value: 'news,' } });
    expect(added).toEqual(['News']);
    expect(screen.queryByText('(new)')).toBeNull();
  });

  it('Escape drops the highlight, and Enter then adds exactly what was typed', () => {
    const added: string[] = [];
    render(<Harness suggestions={['newsletters']} added={added} />);
    fireEvent.focus(field());
    fireEvent.input(field(), { target: { value: 'news' } });
    fireEvent.keyDown(field(), { key: 'Escape' });
    fireEvent.keyDown(field(), { key: 'Enter' });
    expect(added).toEqual(['news']);
  });

  it('whatever is typed, Enter adds the highlighted offer when there is one, else the typed name', () => {
    const tags = ['alpha', 'alps', 'beta', 'Gamma ray', 'delta'];
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z ]{1,6}$/), fc.nat({ max: 3 }), (typed, downs) => {
        const added: string[] = [];
        render(<Harness suggestions={tags} added={added} />);
        try {
          fireEvent.focus(field());
          fireEvent.input(field(), { target: { value: typed } });
          for (let i = 0; i < downs; i++) fireEvent.keyDown(field(), { key: 'ArrowDown' });
          const options = screen.queryAllByRole('option');
          const highlighted = options.find((o) => o.getAttribute('aria-selected') === 'true')?.textContent;
          fireEvent.keyDown(field(), { key: 'Enter' });
          const expected = highlighted ?? (typed.trim() ? typed : undefined);
          expect(added).toEqual(expected === undefined ? [] : [expected]);
        } finally {
          cleanup();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('removes a chosen tag with its button', () => {
    render(<Harness suggestions={['news']} initial={['news', 'to read']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag news' }));
    expect(chosen()).toEqual(['to read']);
  });
});
