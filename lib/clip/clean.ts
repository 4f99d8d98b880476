/**
 * Generic clean-up around extraction. Signals only (class/id/role/aria words, link density,
 * short boilerplate phrases), nothing keyed to a site, URL or page.
 */
import { removeCaptions } from './captions';
import { descendants, hasDescendant, holdsProse, linkDensity, shortTextOf, textLength } from './dom';
import { hasNoiseName } from './noise-names';
import { removeLinkPromos } from './promos';

const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'dialog']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo']);

/** Roles and tags that are chrome wherever they appear inside an article. */
function isChrome(el: Element, tag: string, attributed: boolean): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  if (!attributed) return false;
  return CHROME_ROLES.has(el.getAttribute('role') ?? '') || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

/**
 * The article's elements in document order with their tag names, listed once for all passes: a
 * walk of the tree and a DOM call per element for its name cost more than the passes' own checks.
 * Passes skip elements an earlier pass removed (`root.contains`).
 */
interface ArticleElements {
  readonly root: Element;
  readonly list: readonly Element[];
  readonly tags: readonly string[];
  /** Whether each has any attribute: most have none, and need no class, id or role read. */
  readonly attributed: readonly boolean[];
}

function listElements(root: Element): ArticleElements {
  const list = descendants(root);
  return { root, list, tags: list.map((el) => el.localName), attributed: list.map((el) => el.hasAttributes()) };
}

/** Elements with one of `tags`, in document order, still in the tree when listed. */
function withTags({ root, list, tags }: ArticleElements, wanted: ReadonlySet<string>): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) if (wanted.has(tags[i]!) && root.contains(list[i]!)) out.push(list[i]!);
  return out;
}

/** Whether `el` or an ancestor of it has one of `tags` (what `el.closest(selector)` answers). */
function insideTag(el: Element, tags: ReadonlySet<string>): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) if (tags.has(node.localName)) return true;
  return false;
}

/** Short blocks whose whole text is one of these phrases are calls to action, not prose. */
const BOILERPLATE =
  /^(?:advertisement|advertising|advert|ad|sponsored|share(?: this(?: article| story)?)?|share on \w+|follow us.*|sign up.*newsletter.*|subscribe.*|read more.*|related(?: articles| stories| posts)?|more from .{0,40}|recommended(?: for you)?|comments?|\d+ comments?|leave a (?:comment|reply)|print|email|tweet|whatsapp|facebook|twitter|linkedin|copy link|sign in|log in|close|caption|advertisement \w+|(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy).*|more (?:news|stories|articles|from|on|business|sports|in)\b.*|(?:top|latest|trending|popular|related) (?:news|stories|posts|articles|videos)|most (?:read|popular|viewed|shared)|don'?t miss.*|image \d+ of \/? ?\d*|[_\W\d]{1,3})$/;
/** Short lines that are bylines, datelines or copyright notices rather than prose. */
const META_LINE = /^(?:by\s+[^\s\d.!?,;:][^.!?]{0,80}|(?:published|updated|posted|last updated|first published)\b.{0,100}|.{0,60}©.{0,140}|copyright\b.{0,160}|(?:tags?|tagged(?: with)?|filed under|categor(?:y|ies)|topics?)\s*:.{0,200}|\(?(?:(?:image|photo|picture|video)\s*)?(?:credits?|source|courtesy|photo|image)s?\s*:.{0,120})$/;

function signals(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('data-component') ?? ''}`;
}

const KEEP_NAMED = new Set(['figure', 'figcaption', 'pre', 'code', 'table', 'blockquote', 'h1', 'h2', 'h3', 'li']);

function removeNoiseBlocks(elements: ArticleElements): void {
  const { root, list, tags, attributed } = elements;
  // The article's whole text is collapsed only if some block has a noisy name.
  let rootLength: number | undefined;
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    // A figure or table caption inside <footer> is still content; keep blocks holding real prose.
    if (!isChrome(el, tags[i]!, attributed[i]!) || !root.contains(el) || holdsProse(el)) continue;
    el.remove();
  }
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    if (!attributed[i] || KEEP_NAMED.has(tags[i]!) || !root.contains(el)) continue;
    if (!hasNoiseName(signals(el).toLowerCase())) continue;
    // A block holding most of the text under a noisy name (e.g. class="has-share-bar" around the story) is still the story.
    rootLength ??= textLength(root);
    if (textLength(el) > 0.4 * rootLength) continue;
    el.remove();
  }
}

const BOILERPLATE_TAGS = new Set(['p', 'div', 'span', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'a']);

/** Longest text, before trailing punctuation is dropped, that is checked for boilerplate (lines are under 200). */
const LINE_MAX = 400;

function removeBoilerplate(elements: ArticleElements): void {
  const { root } = elements;
  for (const el of withTags(elements, BOILERPLATE_TAGS)) {
    if (!root.contains(el)) continue;
    const short = shortTextOf(el, LINE_MAX);
    if (short === undefined) continue;
    const text = short.replace(/[:.!›»→]+$/, '').toLowerCase();
    if ((text.length < 60 && BOILERPLATE.test(text)) || (text.length < 200 && META_LINE.test(text))) el.remove();
  }
}

const TEASER_TAGS = new Set(['div', 'section', 'aside', 'li', 'article']);
const TEASER_NOT_IN = new Set(['table', 'pre', 'p']);
const P = new Set(['p']);

/** Small link-dominated blocks (teasers: a kicker and a headline link) are never the article's prose. */
function removeTeasers(elements: ArticleElements): void {
  const { root } = elements;
  for (const el of withTags(elements, TEASER_TAGS)) {
    if (!root.contains(el) || insideTag(el, TEASER_NOT_IN)) continue;
    const len = shortTextOf(el, 300)?.length;
    if (!len) continue;
    if (linkDensity(el, len) > 0.6 && !hasDescendant(el, 'p')) el.remove();
  }
}

const TITLE_TAGS = new Set(['h1', 'h2']);
/**
 * Spaces, punctuation and symbols of ASCII, Latin-1, the General Punctuation block and CJK, as runs:
 * what a headline and the page title differ by. Spelled out rather than [^\p{L}\p{N}] with the u
 * flag, which takes about half a millisecond to compile in each page a clip runs in.
 */
const PUNCTUATION = /[\s\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u3000-\u303f\uff01-\uff0f]+/g;

/** The headline duplicates the object's title and a byline is metadata: drop them from the top. */
function removeLeadingTitle(elements: ArticleElements, title: string): void {
  const norm = (t: string) => t.toLowerCase().replace(PUNCTUATION, ' ').trim();
  const want = norm(title);
  if (!want) return;
  for (const h of withTags(elements, TITLE_TAGS).slice(0, 3)) {
    const got = norm(h.textContent ?? '');
    if (got && (want.includes(got) || got.includes(want)) && got.length > want.length * 0.5) h.remove();
  }
}

const TAIL_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'p']);

/**
 * "You may also like" / "More stories" headings start the page's tail: drop the heading and what
 * follows it when that is link lists or short teasers rather than prose.
 */
function removeTailSections(elements: ArticleElements): void {
  const { root } = elements;
  for (const h of withTags(elements, TAIL_TAGS)) {
    if (!root.contains(h)) continue;
    const text = shortTextOf(h, LINE_MAX)?.replace(/[:.!›»→…]+$/, '');
    if (text === undefined || text.length >= 60 || !TAIL_MARKER.test(text.toLowerCase())) continue;
    let next = h.nextElementSibling;
    h.remove();
    while (next) {
      const after = next.nextElementSibling;
      if (linkDensity(next) < 0.5 && textLength(next) > 200) break;
      next.remove();
      next = after;
    }
  }
}
const TAIL_MARKER = /^(?:(?:you|we think you) (?:may|might|will) (?:also )?(?:like|enjoy)|related(?: articles| stories| posts| content| links| reading)?|more (?:news|stories|articles|from|on|to read|in)\b.*|read (?:more|next|also)|see also|recommended.*|(?:top|latest|trending|popular) (?:news|stories|posts|articles)|most (?:read|popular|viewed|shared)|don'?t miss.*|also read|further reading|more like this)$/;

const LIST_TAGS = new Set(['ul', 'ol', 'div', 'section']);
const TABLE = new Set(['table']);

/** Lists and blocks made almost entirely of links (related stories, tag clouds) after the prose. */
function removeLinkLists(elements: ArticleElements): void {
  const { root } = elements;
  for (const el of withTags(elements, LIST_TAGS)) {
    if (!root.contains(el) || insideTag(el, TABLE)) continue;
    const len = shortTextOf(el, 1500)?.length;
    if (!len) continue;
    const links = descendants(el, (d) => d.localName === 'a').length;
    if (links >= 3 && linkDensity(el, len) > 0.8 && !hasDescendant(el, 'p,pre,table,figure')) el.remove();
  }
}

const DUPLICATE_TAGS = new Set(['p', 'figcaption', 'li', 'blockquote', 'h2', 'h3', 'h4', 'div', 'span']);
const BLOCKS = new Set(['p', 'div', 'li', 'figcaption']);

/** Galleries and lazy-loading repeat a caption or paragraph; keep its first occurrence. */
function removeDuplicates({ root, list, tags }: ArticleElements): void {
  const candidates: Element[] = [];
  // Elements holding a block: marked once from every block up, instead of a search under each candidate.
  const holdsBlock = new Set<Element>();
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    const tag = tags[i]!;
    if (DUPLICATE_TAGS.has(tag)) candidates.push(el);
    if (!BLOCKS.has(tag)) continue;
    for (let up = el.parentElement; up && up !== root && !holdsBlock.has(up); up = up.parentElement) holdsBlock.add(up);
  }
  // Removal only ever takes a candidate and what is under it, which come after every candidate
  // holding it: each element's own subtree is as it was when the marks were made.
  const seen = new Map<string, Element>();
  for (const el of candidates) {
    if (holdsBlock.has(el) || !root.contains(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 30) continue;
    const first = seen.get(text);
    // A <span> filling its <p> has the same text: that is nesting, not repetition.
    if (first && !first.contains(el) && !el.contains(first)) el.remove();
    else if (!first) seen.set(text, el);
  }
}

export function cleanArticle(root: Element, title = ''): void {
  const elements = listElements(root);
  removeDuplicates(elements);
  removeCaptions(root, elements.list);
  removeNoiseBlocks(elements);
  removeLinkPromos(root, withTags(elements, P));
  removeTailSections(elements);
  removeLinkLists(elements);
  removeTeasers(elements);
  removeBoilerplate(elements);
  removeLeadingTitle(elements, title);
}
