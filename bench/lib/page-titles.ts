/**
 * The titles a page gives itself and the headlines it shows, read from the untouched page for the
 * metadata differential (metadata-agreement.ts), on purpose without lib/clip's own title code so
 * that the judge does not share the judged one's mistakes: every declared title (Open Graph,
 * Twitter, Dublin Core, Parse.ly, citation, `<title>`, JSON-LD `headline` and an article's `name`)
 * and the text of each visible `h1`.
 */

export interface PageTitles {
  declared: string[];
  headlines: string[];
}

const TITLE_KEYS = new Set(['og:title', 'twitter:title', 'dc:title', 'dcterm:title', 'dcterms.title', 'parsely-title', 'title', 'citation_title', 'sailthru.title']);

type Json = unknown;

function jsonLdTitles(doc: Document): string[] {
  const out: string[] = [];
  const visit = (v: Json) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, Json>;
      if (typeof o.headline === 'string') out.push(o.headline);
      const type = JSON.stringify(o['@type'] ?? '');
      if (typeof o.name === 'string' && /Article|Posting|WebPage|Report/.test(type)) out.push(o.name);
      if (o['@graph']) visit(o['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Invalid JSON-LD declares nothing.
    }
  }
  return out;
}

function visible(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden="true"]')) return false;
  const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el) : true;
}

export function pageTitles(doc: Document): PageTitles {
  const declared = Array.from(doc.querySelectorAll('meta'))
    .filter((el) => TITLE_KEYS.has((el.getAttribute('property') ?? el.getAttribute('name') ?? '').toLowerCase()))
    .map((el) => el.getAttribute('content') ?? '');
  declared.push(doc.title, ...jsonLdTitles(doc));
  const headlines = Array.from(doc.querySelectorAll('h1'))
    .filter(visible)
    .map((el) => el.textContent ?? '');
  const clean = (list: string[]) => [...new Set(list.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return { declared: clean(declared), headlines: clean(headlines) };
}
