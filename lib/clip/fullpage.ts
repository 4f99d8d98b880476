/**
 * Full-page mode: the whole body of a clone of the page, minus what is never reading matter
 * (scripts, styles) and the site's chrome (navigation, banners, search, hidden elements).
 */
import { cloneDocument } from './dom';

const CHROME = [
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'nav', 'dialog', '[role="navigation"]', '[role="search"]',
  '[role="banner"]', '[role="contentinfo"]', '[hidden]', '[aria-hidden="true"]', 'body > header', 'body > footer',
].join(', ');

export function fullPageContent(doc: Document): Element {
  const clone = cloneDocument(doc);
  const body = clone.body ?? clone.documentElement;
  for (const el of Array.from(body.querySelectorAll(CHROME))) el.remove();
  return body;
}
