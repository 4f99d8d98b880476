/**
 * Footnotes: a reference in the text ("<sup><a href="#fn1">1</a></sup>", Wikipedia's "[1]") that
 * points at a note inside the clipped content. Anytype's paste path keeps headings, lists, tables,
 * code and quotes and nothing else it was not told about (FACTS.md): nothing says it reads
 * `[^1]` footnotes, and an unread `[^1]: …` line would be shown as that text, with the note cut
 * from its number. So the notes become a numbered list at the end, after a rule, and each
 * reference a superscript number, plain text that survives any reader.
 */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/** A reference's text: a number, maybe in brackets. */
const REFERENCE_TEXT = /^\[?\d{1,4}\]?$/;

/** What a note's way back to its reference looks like, besides pointing at it. */
const BACKLINK_TEXT = /^(?:(?:[↩↑^⤴]|\uFE0E|\uFE0F|\s)+|back)$/iu;

export interface Footnotes {
  /** Reference link → its note's number. */
  readonly references: ReadonlyMap<Element, number>;
  /** The notes in the order first referenced (number = index + 1). */
  readonly notes: readonly Element[];
  /** Links and markers inside notes that lead back to the text: not written. */
  readonly backlinks: ReadonlySet<Element>;
}

/** A reference kept through extraction (see markFootnotes): the id of its note. */
export const NOTE_REF_ATTR = 'data-clip-noteref';

function targetId(link: Element): string | undefined {
  const marked = link.getAttribute(NOTE_REF_ATTR);
  if (marked) return marked;
  const href = link.getAttribute('href') ?? '';
  if (!href.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** Finds references whose notes are inside `root`; none when the page has no such pairs (most pages). */
export function findFootnotes(root: Element | DocumentFragment): Footnotes {
  const references = new Map<Element, number>();
  const notes: Element[] = [];
  const backlinks = new Set<Element>();
  const links = Array.from(root.querySelectorAll(`a[href^="#"], sup[${NOTE_REF_ATTR}]`));
  if (links.length === 0) return { references, notes, backlinks };
  const byId = new Map<string, Element>();
  for (const el of Array.from(root.querySelectorAll('[id]'))) if (!byId.has(el.id)) byId.set(el.id, el);
  const numberOf = new Map<Element, number>();
  const referenceIds = new Set<string>();
  for (const link of links) {
    if (!REFERENCE_TEXT.test((link.textContent ?? '').trim())) continue;
    const id = targetId(link);
    const target = id ? byId.get(id) : undefined;
    if (!target || target.contains(link)) continue;
    // The note is the list item (or block) the reference points at.
    const note = target.closest('li') ?? target;
    if (note.contains(link)) continue;
    let n = numberOf.get(note);
    if (n === undefined) {
      notes.push(note);
      n = notes.length;
      numberOf.set(note, n);
    }
    references.set(link, n);
    if (link.id) referenceIds.add(link.id);
    const holder = link.parentElement;
    if (holder?.id) referenceIds.add(holder.id);
  }
  for (const note of notes) {
    for (const el of Array.from(note.querySelectorAll('a[href^="#"], .mw-cite-backlink, [role="doc-backlink"]'))) {
      const id = el.localName === 'a' ? targetId(el) : undefined;
      if (
        (id && referenceIds.has(id)) ||
        el.getAttribute('role') === 'doc-backlink' ||
        el.classList.contains('mw-cite-backlink') ||
        BACKLINK_TEXT.test((el.textContent ?? '').trim())
      ) {
        backlinks.add(el);
      }
    }
  }
  return { references, notes, backlinks };
}

/**
 * Before extraction (copy.ts): each reference whose note is under `root` becomes a bare
 * `<sup data-clip-noteref="id">n</sup>`. As a link of one digit it looks like an icon or a
 * counter, which the clean-up drops; as a superscript it is text the extractors keep.
 */
export function markFootnotes(root: Element): void {
  const { references } = findFootnotes(root);
  for (const link of references.keys()) {
    const id = targetId(link);
    if (!id || link.localName !== 'a') continue;
    const sup = link.ownerDocument.createElement('sup');
    sup.setAttribute(NOTE_REF_ATTR, id);
    sup.textContent = (link.textContent ?? '').trim();
    const holder = link.parentElement;
    // "<sup><a>1</a></sup>": the page's superscript goes with its link.
    if (holder?.localName === 'sup' && holder.childNodes.length === 1) holder.replaceWith(sup);
    else link.replaceWith(sup);
  }
}
