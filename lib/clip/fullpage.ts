/**
 * Full-page mode: the whole body of a copy of the page in an inert document (inert.ts), minus what is never reading matter
 * (scripts, styles) and the site's chrome (navigation, banners, search, hidden elements).
 */
import { inertCopy } from './inert';
import { markMath } from './math';

const CHROME = [
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'nav', 'dialog', '[role="navigation"]', '[role="search"]',
  '[role="banner"]', '[role="contentinfo"]', '[hidden]', '[aria-hidden="true"]', 'body > header', 'body > footer',
].join(', ');

export function fullPageContent(doc: Document): Element {
  const clone = inertCopy(doc);
  const body = clone.body ?? clone.documentElement;
  markMath(body);
  for (const el of Array.from(body.querySelectorAll(CHROME))) el.remove();
  return body;
}
