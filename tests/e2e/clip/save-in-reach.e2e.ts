import { describe, expect, test } from 'vitest';
import { BROWSERS, type BrowserSession, type PopupPage, useBrowser, useSandbox, waitUntil } from '../harness';
import { ARTICLE_PATH, openTab, useSite } from './site';

// Save in reach: in a 360×600 popup (Chrome's toolbar popups are at most 600 px high), the Save
// button lies inside the viewport in every state of the form: as it opens, with a long title, ten
// tags and a note, for a page already clipped (the notice with its Open link right above "Save
// again", both in view), and with Anytype not running (its notes and the connection problem shown).
// The popup is drawn in a 360×600 frame inside an extension page, the same in both browsers
// (puppeteer cannot set Firefox 140's viewport). In English and in German (longer words) in both
// browsers: Firefox takes the extension's language from its own UI, so `.ci/run` installs its German
// language pack (firefox-esr-l10n-de).
const site = useSite();
const sandbox = useSandbox();

const WIDTH = 360;
const HEIGHT = 600;

interface Box {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
  scrollHeight: number;
  disabled: boolean;
  lang: string;
}

/** Evaluated functions cannot close over values: the arguments go into the source as JSON. */
function script<T>(body: string, args: Record<string, unknown> = {}): () => T {
  const lets = Object.entries(args).map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`);
  return new Function(`${lets.join('\n')}\n${body}`) as () => T;
}

const FRAME = `
  const frame = document.getElementById('reach-frame');
  const doc = frame && frame.contentDocument;
  const win = frame && frame.contentWindow;`;

/** (Re)loads popup.html for the tab in a WIDTH×HEIGHT frame on top of the page. */
async function drawFramed(popup: PopupPage, tabId: number): Promise<void> {
  await popup.evaluate(
    script<void>(
      `let frame = document.getElementById('reach-frame');
      if (!frame) {
        frame = document.createElement('iframe');
        frame.id = 'reach-frame';
        frame.title = 'popup at ' + width + '×' + height;
        frame.style.cssText = 'position:fixed;top:0;left:0;border:0;background:Canvas;z-index:10;width:' + width + 'px;height:' + height + 'px';
        document.body.append(frame);
      }
      frame.src = 'popup.html?tabId=' + tabId + '&frame=' + Date.now();`,
      { width: WIDTH, height: HEIGHT, tabId },
    ),
  );
}

/** The Save button's box in the frame's viewport, once the form is usable ("" while it is not yet there). */
async function saveBox(popup: PopupPage, ready: string): Promise<Box> {
  const measure = script<Box | string>(
    `${FRAME}
    if (!doc || doc.readyState !== 'complete') return 'loading';
    const save = doc.querySelector('.save-bar button[type=submit]');
    if (!save) return 'no save button';
    if (save.disabled) return 'disabled: ' + (doc.getElementById('save-reason')?.textContent ?? '');
    if (ready && !doc.querySelector(ready)) return 'waiting for ' + ready;
    const r = save.getBoundingClientRect();
    return { width: win.innerWidth, height: win.innerHeight, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
      scrollHeight: doc.documentElement.scrollHeight, disabled: save.disabled, lang: doc.documentElement.lang };`,
    { ready },
  );
  return waitUntil(`Save usable in the framed popup (${ready || 'form'})`, async () => {
    const box = await popup.evaluate(measure);
    return typeof box === 'string' ? undefined : box;
  });
}

function expectInViewport(box: Box, state: string): void {
  expect({ width: box.width, height: box.height }, state).toEqual({ width: WIDTH, height: HEIGHT });
  expect(box.top, `${state}: Save's top`).toBeGreaterThanOrEqual(0);
  expect(box.left, `${state}: Save's left`).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${state}: Save's bottom`).toBeLessThanOrEqual(HEIGHT);
  expect(box.right, `${state}: Save's right`).toBeLessThanOrEqual(WIDTH);
}

/** A long title, ten tags and a two-paragraph note, typed into the framed form. */
async function fillLong(popup: PopupPage): Promise<void> {
  const title = 'How tide pools survive the summer: temperature, salinity and oxygen across a whole season on a rocky shore '.repeat(2);
  const note = 'Clipped for the shore survey.\n\nCompare with the spring measurements, pool by pool, before the next field day.';
  const result = await popup.evaluate(
    script<string>(
      `${FRAME}
      const type = (el, value) => { el.value = value; el.dispatchEvent(new win.Event('input', { bubbles: true })); };
      const titleField = doc.getElementById('clip-title');
      const tags = doc.getElementById('clip-tags');
      const noteField = doc.getElementById('clip-note');
      if (!titleField || !tags || !noteField) return 'fields missing';
      type(titleField, title);
      for (let i = 1; i <= 10; i++) type(tags, 'survey-tag-' + i + ',');
      type(noteField, note);
      return 'ok';`,
      { title, note },
    ),
  );
  expect(result).toBe('ok');
  await waitUntil('ten tags chosen in the framed form', async () =>
    (await popup.evaluate(script<number>(`${FRAME} return doc ? doc.querySelectorAll('.chips li').length : 0;`))) === 10 ? true : undefined,
  );
}

/** Presses the framed form's Save (whatever its language) and waits for the success card. */
async function saveFramed(popup: PopupPage): Promise<void> {
  const pressed = await popup.evaluate(
    script<string>(`${FRAME}
      const save = doc && doc.querySelector('.save-bar button[type=submit]');
      if (!save || save.disabled) return 'no usable save';
      save.click();
      return 'ok';`),
  );
  expect(pressed).toBe('ok');
  await waitUntil('the framed clip saved', async () =>
    (await popup.evaluate(script<boolean>(`${FRAME} return Boolean(doc && doc.querySelector('.success-card'));`))) ? true : undefined,
  );
}

/** The already-clipped notice's box in the frame, and whether it ends above Save's row in the Save bar. */
async function existingBox(popup: PopupPage): Promise<{ top: number; bottom: number; inBar: boolean; saveTop: number }> {
  return popup.evaluate(
    script<{ top: number; bottom: number; inBar: boolean; saveTop: number }>(`${FRAME}
      const notice = doc.querySelector('.existing');
      const save = doc.querySelector('.save-bar button[type=submit]');
      const r = notice.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, inBar: Boolean(notice.closest('.save-bar')), saveTop: save.getBoundingClientRect().top };`),
  );
}

/** Pairs through the background with a key (no English labels to click, so in any language). */
async function pairDirectly(popup: PopupPage, key: string): Promise<void> {
  const answer = await popup.evaluate(
    script<{ ok: boolean }>(`return chrome.runtime.sendMessage({ type: 'connection.saveKey', payload: { apiKey } });`, { apiKey: key }),
  );
  expect(answer.ok).toBe(true);
}

function scenarios(browser: () => BrowserSession, lang: string): void {
  test(`Save stays inside a ${WIDTH}×${HEIGHT} popup in every state (${lang})`, async () => {
    const key = await sandbox().control.issueKey();
    const article = await openTab(browser(), site().url(ARTICLE_PATH));
    const popup = await browser().openPopup(`tabId=${article.tabId}`);
    await pairDirectly(popup, key);

    await drawFramed(popup, article.tabId);
    const opened = await saveBox(popup, '');
    expect(opened.lang).toBe(lang);
    expectInViewport(opened, 'as it opens');

    await fillLong(popup);
    const long = await saveBox(popup, '.chips li');
    // The form is taller than the popup here: only a Save kept in view passes.
    expect(long.scrollHeight).toBeGreaterThan(HEIGHT);
    expectInViewport(long, 'long title, 10 tags, a note');

    // Saved once; drawn again, the page is already in the space: the notice and "Save again" both in view.
    await saveFramed(popup);
    await drawFramed(popup, article.tabId);
    expectInViewport(await saveBox(popup, '.save-bar .existing'), 'already clipped');
    await fillLong(popup);
    const clipped = await saveBox(popup, '.save-bar .existing');
    expect(clipped.scrollHeight).toBeGreaterThan(HEIGHT);
    expectInViewport(clipped, 'already clipped, long form');
    const notice = await existingBox(popup);
    expect(notice.inBar).toBe(true);
    expect(notice.top, 'the notice’s top').toBeGreaterThanOrEqual(0);
    expect(notice.bottom, 'the notice ends above Save').toBeLessThanOrEqual(notice.saveTop);

    // Anytype stops answering: the form draws from the lists seen last, with its notes and the problem.
    await sandbox().control.setFaults({ refuse: true });
    await drawFramed(popup, article.tabId);
    const offline = await saveBox(popup, '.offline');
    expectInViewport(offline, 'Anytype not running');
    await fillLong(popup);
    expectInViewport(await saveBox(popup, '.offline'), 'Anytype not running, long form');
    await sandbox().control.setFaults({ refuse: false });
  });
}

describe.each(BROWSERS)('Save in reach in $name', ({ launch }) => {
  const browser = useBrowser(() => launch());
  scenarios(browser, 'en');
});

describe.each(BROWSERS)('Save in reach in $name, in German', ({ launch }) => {
  const browser = useBrowser(() => launch('de'));
  scenarios(browser, 'de');
});
