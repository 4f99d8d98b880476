/**
 * Page metadata from what publishers declare: JSON-LD (schema.org Article and kin, including
 * @graph), Open Graph, Twitter cards, Highwire `citation_*` (scholarly pages), plain meta tags.
 * Every value is returned as plain text (whitespace collapsed) or an absolute http(s) URL.
 */
import { cleanCredit, cleanName, visibleByline } from './metadata-byline';
import { calendarDay } from './metadata-date';
import { headlineTitle } from './metadata-title';
import { baseUrlOf, safeImageUrl, safeLinkUrl } from './url';
import { readVideoPage } from './video';

export interface PageMetadata {
  title: string;
  authors: string[];
  /** The page's own calendar day, `YYYY-MM-DD` (metadata-date.ts), when a readable date was declared. */
  published?: string;
  siteName?: string;
  description?: string;
  canonicalUrl: string;
  coverImage?: string;
  language?: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|LiveBlogPosting|Posting|SocialMediaPosting|WebPage|Recipe|HowTo)$/;

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function meta(doc: Document, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const el of Array.from(doc.querySelectorAll('meta'))) {
      const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      if (name?.toLowerCase() === key) {
        const v = clean(el.getAttribute('content'));
        if (v) return v;
      }
    }
  }
  return undefined;
}

function metaAll(doc: Document, key: string): string[] {
  return Array.from(doc.querySelectorAll('meta'))
    .filter((el) => (el.getAttribute('property') ?? el.getAttribute('name'))?.toLowerCase() === key)
    .map((el) => clean(el.getAttribute('content')))
    .filter((v): v is string => v !== undefined);
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** All JSON-LD objects of the page, flattening arrays and @graph. Broken blocks are skipped. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json | undefined) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // Publishers ship invalid JSON-LD often enough; the other sources still apply.
    }
  }
  return out;
}

/** JSON-LD authors that schema.org marks as organizations: a credit, not a person. */
function organizationNames(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap(organizationNames);
  if (isObject(v) && types(v).some((t) => /Organization$/.test(t))) return names(v.name ?? null);
  return [];
}

function names(v: Json | undefined): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  if (isObject(v)) return names(v.name ?? null);
  const n = clean(v);
  return n ? [n] : [];
}

function imageUrl(v: Json | undefined): string | undefined {
  if (Array.isArray(v)) return imageUrl(v[0]);
  if (isObject(v)) return imageUrl(v.url ?? v.contentUrl ?? null);
  return clean(v);
}

function uniqueAuthors(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    // Meta author fields often hold URLs (profile pages) rather than names.
    if (/^https?:\/\//i.test(raw)) continue;
    const name = cleanName(raw);
    const key = name?.toLowerCase();
    if (name && key && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The publication time shown with the article: marked as such, else the first one after the headline. */
function bylineTime(doc: Document): string | undefined {
  const marked = doc.querySelector('time[itemprop~="datePublished"], time[pubdate], [itemprop~="datePublished"][content]');
  const value = marked?.getAttribute('datetime') ?? marked?.getAttribute('content');
  if (value) return clean(value);
  const h1 = doc.querySelector('main h1, article h1') ?? doc.querySelector('h1');
  const times = Array.from(doc.querySelectorAll('time[datetime]')).filter((t) => !t.closest('nav,footer,aside,[class*="comment" i]'));
  const after = h1 ? times.find((t) => h1.compareDocumentPosition(t) & 4 /* FOLLOWING */) : undefined;
  return clean((after ?? times[0])?.getAttribute('datetime'));
}

/**
 * People first, wherever they are named: the declared authors, else the byline the page shows
 * (it is read, not told, so it comes second). A newsroom's credit ("HNN Staff", the publisher
 * declared as the author) only when no person is named: it is what the page says in print.
 */
function rankedAuthors(declared: string[], organizations: string[], doc: Document, siteName: string | undefined): string[] {
  const notSite = (name: string) => !siteName || compact(name) !== compact(siteName);
  const people = uniqueAuthors(declared).filter(notSite);
  if (people.length) return people;
  const shown = visibleByline(doc);
  const shownPeople = uniqueAuthors(shown.people).filter(notSite);
  if (shownPeople.length) return shownPeople;
  if (shown.credit) return [shown.credit];
  const credit = [...declared, ...organizations].filter((raw) => !/^https?:\/\//i.test(raw)).map(cleanCredit).find((c) => c !== undefined);
  return credit ? [credit] : [];
}

export function extractMetadata(doc: Document, pageUrl: string): PageMetadata {
  const base = baseUrlOf(doc, pageUrl);
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => types(o).some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) ?? ld.find((o) => types(o).includes('WebPage'));
  const str = (key: string) => (article ? clean(article[key]) : undefined);

  const siteName =
    meta(doc, 'og:site_name', 'citation_journal_title', 'application-name') ??
    (article && isObject(article.publisher) ? clean(article.publisher.name) : undefined);

  const host = hostOf(pageUrl);
  const declaredTitles = [
    meta(doc, 'citation_title'),
    str('headline'),
    meta(doc, 'og:title'),
    meta(doc, 'twitter:title'),
    clean(doc.title),
    str('name'),
  ].filter((t): t is string => t !== undefined);
  const title = headlineTitle(doc, declaredTitles, [siteName, host, host.split('.').slice(-2, -1)[0]].filter((n): n is string => !!n));

  const organizations = article ? organizationNames(article.author ?? null) : [];
  const declared = [
    ...metaAll(doc, 'citation_author'),
    ...(article ? names(article.author ?? null).filter((n) => !organizations.includes(n)) : []),
    ...metaAll(doc, 'author'),
    ...metaAll(doc, 'article:author'),
    ...metaAll(doc, 'parsely-author'),
    ...metaAll(doc, 'sailthru.author'),
    ...metaAll(doc, 'dc.creator'),
  ];
  const authors = rankedAuthors(declared, organizations, doc, siteName);
  const published = calendarDay(
    meta(doc, 'citation_publication_date', 'citation_date', 'article:published_time') ??
      str('datePublished') ??
      meta(doc, 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued', 'pubdate', 'publishdate', 'parsely-pub-date', 'sailthru.date') ??
      bylineTime(doc),
  );

  const description = meta(doc, 'description', 'og:description', 'twitter:description') ?? str('description');

  const canonicalRaw = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url');
  const canonical = safeLinkUrl(canonicalRaw, base);
  const canonicalUrl = canonical && /^https?:/i.test(canonical) ? canonical : pageUrl;

  const coverImage = safeImageUrl(
    meta(doc, 'og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ??
      (article ? imageUrl(article.image ?? null) : undefined),
    base,
  );

  const language =
    clean(doc.documentElement.getAttribute('lang')) ?? meta(doc, 'og:locale', 'citation_language', 'content-language', 'dc.language');

  // A watch page's head may still describe the first video after in-page navigation (video.ts).
  const video = readVideoPage(doc, pageUrl);
  if (video) {
    return {
      title: video.title ?? title,
      authors: video.channel ? [video.channel] : [],
      ...(video.published ? { published: video.published } : {}),
      siteName: siteName ?? 'YouTube',
      ...(video.description ? { description: video.description } : {}),
      canonicalUrl: video.watchUrl,
      ...(video.thumbnail ? { coverImage: video.thumbnail } : {}),
      ...(language ? { language: language.replace('_', '-') } : {}),
    };
  }

  return {
    title,
    authors,
    ...(published ? { published } : {}),
    ...(siteName ? { siteName } : {}),
    ...(description ? { description } : {}),
    canonicalUrl,
    ...(coverImage ? { coverImage } : {}),
    ...(language ? { language: language.replace('_', '-') } : {}),
  };
}
