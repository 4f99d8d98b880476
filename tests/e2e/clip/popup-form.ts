import { expect } from 'vitest';
import type { PopupPage } from '../harness';
import { waitUntil } from '../harness';

/**
 * Driving the popup's clip form by the names people and screen readers see. The harness's
 * PopupPage has no "choose an option" action, so a combobox is set the way a person's choice
 * arrives: the <select> labelled so gets the option with that text and a change event.
 */

/** Pairs with a key "created in Desktop Settings › API Keys" (the quickest way in). */
export async function pairWithKey(popup: PopupPage, key: string): Promise<void> {
  await popup.clickButton('Use an API key');
  await popup.fill('textbox', 'API key', key);
  await popup.clickButton('Save key');
  await popup.waitForText('status', 'Connected');
}

/**
 * Evaluated functions are serialised into the page and cannot close over values, so the label
 * and option text are written into the function's source as JSON literals.
 */
function chooseScript(label: string, option: string): () => string {
  const source = `
    const label = Array.from(document.querySelectorAll('label')).find((l) => l.textContent.trim() === ${JSON.stringify(label)});
    const select = label ? document.getElementById(label.htmlFor) : null;
    if (!(select instanceof HTMLSelectElement)) return 'no combobox';
    if (select.disabled) return 'disabled';
    const wanted = Array.from(select.options).find((o) => o.text.trim() === ${JSON.stringify(option)});
    if (!wanted) return 'no option';
    select.value = wanted.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return 'ok';`;
  return new Function(source) as () => string;
}

/** Chooses the option with this text in the combobox with this label (waits for the option to load). */
export async function choose(popup: PopupPage, label: string, option: string): Promise<void> {
  const script = chooseScript(label, option);
  await waitUntil(`option "${option}" in combobox "${label}"`, async () =>
    (await popup.evaluate(script)) === 'ok' ? true : undefined,
  );
}

/** The text of the selected option of a combobox (PopupPage.valueOf gives its value, an id). */
export async function chosenText(popup: PopupPage, label: string): Promise<string> {
  const source = `
    const label = Array.from(document.querySelectorAll('label')).find((l) => l.textContent.trim() === ${JSON.stringify(label)});
    const select = label ? document.getElementById(label.htmlFor) : null;
    return select instanceof HTMLSelectElement ? (select.selectedOptions[0]?.text ?? '') : '';`;
  return popup.evaluate(new Function(source) as () => string);
}

/**
 * Adds tags through the "Tags" field; a comma ends a tag like Enter does. The field suggests the
 * space's tags (<input list=…>), which makes it a combobox to assistive technology, not the
 * textbox the brief names; PopupPage.fill types into any field, so it is addressed by its role.
 */
export async function addTags(popup: PopupPage, names: string[]): Promise<void> {
  for (const name of names) {
    await popup.fill('combobox' as 'textbox', 'Tags', `${name},`);
    await popup.waitFor('button', `Remove tag ${name}`);
  }
}

/** The address of the first link with this exact text. */
export async function linkHref(popup: PopupPage, text: string): Promise<string> {
  const source = `
    const link = Array.from(document.querySelectorAll('a')).find((a) => a.textContent.trim() === ${JSON.stringify(text)});
    return link ? link.getAttribute('href') : '';`;
  return popup.evaluate(new Function(source) as () => string);
}

/** Waits until the form is not loading or saving ("Save to Anytype" is enabled again). */
export async function waitForIdle(popup: PopupPage): Promise<void> {
  const source = `
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent.trim() === 'Save to Anytype');
    return Boolean(button && !button.disabled);`;
  const idle = new Function(source) as () => boolean;
  await waitUntil('the clip form to finish loading', async () => ((await popup.evaluate(idle)) ? true : undefined));
}

/** Waits until the Preview region shows the captured page (not "Reading the page…"). */
export async function waitForPreview(popup: PopupPage, expected: string | RegExp): Promise<string> {
  // As a person reads it (innerText: blocks apart), not the elements' text run together.
  const source = `
    const region = document.querySelector('section[aria-label="Preview"]');
    return region ? region.innerText.replace(/\\s+/g, ' ').trim() : '';`;
  const read = new Function(source) as () => string;
  return waitUntil(`the preview to show ${String(expected)}`, async () => {
    const text = await popup.evaluate(read);
    return (typeof expected === 'string' ? text.includes(expected) : expected.test(text)) ? text : undefined;
  });
}

/** What the Preview region is made of: its elements' names, headings, list items, pictures, and its text. */
export interface PreviewShape {
  tags: string[];
  headings: string[];
  listItems: string[];
  placeholders: string[];
  thumbnails: string[];
  text: string;
  /** Each element name and attribute name found, once. */
  attributes: [string, string][];
  /** The line above the region: words and pictures of the whole body. */
  size: string;
}

export async function previewShape(popup: PopupPage): Promise<PreviewShape> {
  const source = `
    const region = document.querySelector('section[aria-label="Preview"]');
    const all = (selector) => Array.from(region.querySelectorAll(selector));
    const text = (e) => e.textContent.replace(/\\s+/g, ' ').trim();
    return {
      tags: [...new Set(all('*').map((e) => e.localName))].sort(),
      headings: all('h1, h2, h3, h4, h5, h6').map(text),
      listItems: all('li').map(text),
      placeholders: all('.preview-image').map(text),
      thumbnails: all('img').map((img) => img.alt),
      text: region.textContent,
      attributes: [...new Set(all('*').flatMap((e) => e.getAttributeNames().map((a) => e.localName + ' ' + a)))].map((p) => p.split(' ')),
      size: document.querySelector('.preview-bar') ? document.querySelector('.preview-bar').textContent : '',
    };`;
  return popup.evaluate(new Function(source) as () => PreviewShape);
}

export function anytypeLink(spaceId: string, objectId: string): string {
  return `anytype://object?objectId=${encodeURIComponent(objectId)}&spaceId=${encodeURIComponent(spaceId)}`;
}

/** Nothing in the popup threw while it was used. */
export function expectNoPageErrors(popup: PopupPage): void {
  expect(popup.errors()).toEqual([]);
}
