/**
 * Generic clean-up around extraction. Signals only (class/id/role/aria words, link density,
 * short boilerplate phrases), nothing keyed to a site, URL or page.
 */
import { linkDensity, textLength } from './dom';
import { resolveUrl } from './url';

/** Before extraction: things no extractor should ever consider content, and URLs made absolute. */
export function precleanDocument(doc: Document, baseUrl: string): void {
  for (const el of Array.from(doc.querySelectorAll('script:not([type="application/ld+json"]), style, template'))) el.remove();
  // Extractors resolve URLs against the document's own base, which a detached or test document
  // may not have; resolve them here against the page's real base so every path agrees.
  for (const [selector, attr] of [['a[href]', 'href'], ['img[src]', 'src'], ['img[data-src]', 'data-src'], ['img[data-original]', 'data-original']] as const) {
    for (const el of Array.from(doc.querySelectorAll(selector))) {
      const raw = el.getAttribute(attr) ?? '';
      if (raw.startsWith('#') || /^(?:data|javascript|vbscript|mailto|tel):/i.test(raw.trim())) continue;
      const abs = resolveUrl(raw, baseUrl);
      if (abs) el.setAttribute(attr, abs);
    }
  }
}

/** Words in class/id/role/aria-label that mark non-article blocks on sites everywhere. */
const NOISE =
  /(?:^|[-_\s])(?:comments?|comment-?list|disqus|respond|related|recommended|recirc|more-?stories|read-?more|also-?read|newsletter|subscribe|signup|sign-up|share|sharing|social|follow-?us|promo|sponsor(?:ed)?|advert(?:isement)?|ads?|outbrain|taboola|paywall|breadcrumbs?|tags?|author-?bio|byline-?box|print-?only|skip-?link|toolbar|pagination|pager)(?:$|[-_\s\d])/i;
/** Roles and tags that are chrome wherever they appear inside an article. */
const CHROME = 'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"], [hidden], [aria-hidden="true"], dialog';
/** Short blocks whose whole text is one of these phrases are calls to action, not prose. */
const BOILERPLATE =
  /^(?:advertisement|advertising|ad|sponsored|share(?: this(?: article| story)?)?|share on \w+|follow us.*|sign up.*newsletter.*|subscribe.*|read more.*|related(?: articles| stories| posts)?|more from .{0,40}|recommended(?: for you)?|comments?|\d+ comments?|leave a (?:comment|reply)|print|email|tweet|whatsapp|facebook|twitter|linkedin|copy link)$/i;

function signals(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('role') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('data-component') ?? ''}`;
}

function removeNoiseBlocks(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(CHROME))) {
    // A figure or table caption inside <footer> is still content; keep blocks holding real prose.
    if (el.querySelector('p') && textLength(el) > 400 && linkDensity(el) < 0.2) continue;
    el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el) || el === root) continue;
    if (['P', 'FIGURE', 'FIGCAPTION', 'PRE', 'CODE', 'TABLE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'LI'].includes(el.tagName)) continue;
    if (!NOISE.test(signals(el))) continue;
    // Long, link-poor text under a noisy name (e.g. class="article-share-wrapper" around the story) is still the story.
    const len = textLength(el);
    if (len > 600 && linkDensity(el) < 0.25) continue;
    el.remove();
  }
}

function removeBoilerplate(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, li, a'))) {
    if (!root.contains(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/[:.!›»→]+$/, '');
    if (text.length < 60 && BOILERPLATE.test(text)) el.remove();
  }
}

/** Lists and blocks made almost entirely of links (related stories, tag clouds) after the prose. */
function removeLinkLists(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('ul, ol, div, section'))) {
    if (!root.contains(el) || el.closest('table')) continue;
    const len = textLength(el);
    if (len === 0 || len > 1500) continue;
    const links = el.querySelectorAll('a').length;
    if (links >= 3 && linkDensity(el) > 0.8 && !el.querySelector('p, pre, table, figure')) el.remove();
  }
}

/** After extraction: blocks inside the chosen content that are not the article. */
export function cleanArticle(root: Element): void {
  removeNoiseBlocks(root);
  removeLinkLists(root);
  removeBoilerplate(root);
}
