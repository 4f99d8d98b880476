/**
 * Author names: cleaning what publishers declare, and reading the byline the page shows when it
 * declares none (most pages that name an author in print do not in their metadata). A byline is
 * "By Jane Roe and John Doe | March 5, 2024" or "Jane Roe, Staff Writer"; the names are what is
 * left without the "By", the dates, the roles after a comma-less separator and the joiners.
 *
 * A byline that names no person but a newsroom ("By HNN Staff", "Staff Reports", "BBC News") is a
 * credit: kept only where no person is named (metadata.ts ranks them), since it still says who
 * stands behind the text.
 */

const BY = /^(?:(?:written|posted|story|words|text|reporting|published)\s+)?(?:by|von|par|por)(?:\s*:\s*|\s+|$)/i;
const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH = new RegExp(`\\b${MONTH_NAME}\\b\\.?\\s*\\d`, 'i');
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day\b/i;
/**
 * Where a byline's date or time starts: a digit, a weekday, a month before a digit (also glued to
 * the name, as text nodes run together: "Jane RoeNovember 5"), or an "Updated"/"Published" label.
 */
const DATE_START = new RegExp(`\\d|${WEEKDAY.source}|${MONTH_NAME}\\.?\\s*\\d|\\b(?:updated|published|posted|last updated)\\b`, 'i');
/** A capitalized weekday glued to the name before it: "Jeff FoustMonday, November 18". */
const GLUED_WEEKDAY = /(?<=\p{Ll})(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/u;
/** Words of a role or a job title, not of a name ("Staff Writer", "Senior Correspondent"). */
const ROLE_WORD = /\b(?:writer|reporter|correspondent|editor|editors|staff|contributor|contributing|columnist|producer|photographer|analyst|intern|senior|desk|team|newsroom)\b/i;
const NOT_A_NAME = /^(?:updated|published|posted|last updated|and|staff|admin|administrator|share|follow|more|contributor|editor|editors|opinion|news|view all|see all|email|comments?|guest|anonymous|unknown|author|authors|about the author)$/i;

/** The common part of a name and a credit: no "By", no handle or agency, not a URL, a date or a sentence. */
function trimmed(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim().replace(BY, '').replace(/^[,;:|\-–—\s]+|[,;:|\-–—\s]+$/g, '');
  // "Jane Roe @janeroe" and "Jane Roe (Reuters)": the handle or agency is not the name.
  name = name.replace(/\s+@\w+$/, '').replace(/\s*\([^)]*\)$/, '').trim();
  if (!name || name.length > 80) return undefined;
  // Markup read as text (a <noscript> image) and URLs are no names.
  if (/^https?:\/\/|@.+\.|www\.|[<>={}/\\]/i.test(name)) return undefined;
  if (/\d/.test(name) || MONTH.test(name) || WEEKDAY.test(name)) return undefined;
  if (NOT_A_NAME.test(name)) return undefined;
  if (name.split(/\s+/).length > 6) return undefined;
  if (!/\p{L}/u.test(name)) return undefined;
  return name;
}

/** One candidate name of a person, or nothing when it reads as a date, a role word, a URL or a sentence. */
export function cleanName(raw: string): string | undefined {
  const name = trimmed(raw);
  return name && !ROLE_WORD.test(name) ? name : undefined;
}

/**
 * A newsroom's credit ("HNN Staff", "Practical Horseman Editorial Staff"), or nothing: it names
 * something besides roles, so a job title alone ("Senior Reporter") is none.
 */
export function cleanCredit(raw: string): string | undefined {
  const credit = trimmed(raw);
  return credit?.split(/\s+/).some((word) => !ROLE_WORD.test(word)) ? credit : undefined;
}

/** A byline's text up to where its date starts, without the "By". */
function namesPart(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim().replace(BY, '');
  const starts = [DATE_START.exec(line)?.index, GLUED_WEEKDAY.exec(line)?.index].filter((i): i is number => i !== undefined);
  return starts.length ? line.slice(0, Math.min(...starts)) : line;
}

/** The names in a byline's text: split at the joiners, each part cleaned, dates and roles dropped. */
export function bylineNames(text: string): string[] {
  // What follows a separator is a date, a role or the outlet ("Jane Roe | Reuters", "Jane Roe — 5 March").
  const head = namesPart(text).split(/\s+[|•·–—]\s+|\s+-\s+|\n/)[0] ?? '';
  const out: string[] = [];
  for (const part of head.split(/\s*,\s*|\s+(?:and|und|et|y|e|en|och|og|&)\s+|\s*&\s*/i)) {
    const name = cleanName(part);
    if (name) out.push(name);
    // "Jane Roe, Staff Writer": a role after the first name ends the list of names.
    else if (out.length) break;
  }
  return out;
}

/** A byline that credits a newsroom rather than people: the whole line before its date or separator. */
export function bylineCredit(text: string): string | undefined {
  const head = namesPart(text).split(/\s+[|•·–—]\s+|\s+-\s+|\n/)[0] ?? '';
  return cleanCredit(head);
}

const BYLINE_SELECTOR = [
  '[rel~="author"]',
  '[itemprop~="author"]',
  '[class*="byline" i]',
  '[id*="byline" i]',
  '[class*="author" i]',
  '[data-testid*="byline" i]',
].join(',');

function shortText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * A `<footer>` is the page's own footer (not an article's, where bylines often sit) when no
 * sectioning element holds it, as HTML defines the contentinfo footer.
 */
function inPageChrome(el: Element): boolean {
  if (el.closest('nav,aside,[hidden],[aria-hidden="true"],[class*="comment" i]')) return true;
  const footer = el.closest('footer');
  return !!footer && !footer.parentElement?.closest('article,aside,main,nav,section,[role="main"],[role="article"]');
}

function leafTexts(el: Element): string[] {
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node && out.length < 20; node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

/** What an author-ish element says: an itemprop author's own name, else its text. */
function bylineText(el: Element): string {
  if (el.matches('[itemprop~="author"][itemscope]')) {
    const nameEl = el.querySelector('[itemprop~="name"]');
    const declared = nameEl?.getAttribute('content') ?? (nameEl ? shortText(nameEl) : '');
    if (declared) return declared;
  }
  return el.getAttribute('content') || shortText(el);
}

export interface VisibleByline {
  people: string[];
  credit?: string;
}

/**
 * The byline near the headline: the first author-ish element after the first h1 (or anywhere,
 * without one) that names people or, failing that, credits a newsroom. Elements that hold the
 * headline are its containers, not its byline.
 */
export function visibleByline(doc: Document): VisibleByline {
  const h1 = doc.querySelector('main h1, article h1') ?? doc.querySelector('h1');
  const candidates = Array.from(doc.querySelectorAll(BYLINE_SELECTOR)).filter((el) => !inPageChrome(el) && !(h1 && el.contains(h1)));
  const after = h1 ? candidates.filter((el) => h1.compareDocumentPosition(el) & 4 /* FOLLOWING */ || h1.contains(el)) : [];
  for (const el of [...after, ...candidates].slice(0, 30)) {
    const text = bylineText(el);
    if (!text || text.length > 200) continue;
    const people = bylineNames(text);
    if (people.length) return { people };
    // "Tom Gillespie" and "News reporter" in elements of their own read as one line; each alone, the name is one.
    const inParts = leafTexts(el).map(bylineNames).find((names) => names.length);
    if (inParts) return { people: inParts };
    const credit = bylineCredit(text);
    if (credit) return { people: [], credit };
  }
  return { people: [] };
}
