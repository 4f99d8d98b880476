// What the clipper and the background used to say in English only: the clipper's failures (it
// reports facts; the background words them), the in-page panel's heading, names made up for
// untitled items. Each comes from the locale of the browser.
import { afterEach, describe, expect, it } from 'vitest';
import { captureFailure } from '../../../lib/background/capture-failure';
import { panelHeading } from '../../../lib/background/panel-heading';
import { capturePage } from '../../../lib/capture/capture-page';
import { MAX_PAGE_TEXT_BYTES } from '../../../lib/clip/size-limits';
import { chromeMessages, LOCALES, substitute, useLocale } from './fake-i18n';

afterEach(() => useLocale('en'));

/** The locale's message with its `{name}` placeholders filled in. */
const message = (locale: (typeof LOCALES)[number], name: string, values: Record<string, string> = {}) =>
  substitute(chromeMessages(locale).get(name)!, []).replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);

describe.each(LOCALES)('in %s', (locale) => {
  it("words the clipper's three failures from the locale", () => {
    useLocale(locale);
    const big = captureFailure({ ok: false, reason: 'too_large', bytes: 3 * 1024 * 1024 });
    expect(big.code).toBe('too_large');
    expect(big.message).toBe(message(locale, 'clipper_toolarge', { size: '3.0', limit: String(MAX_PAGE_TEXT_BYTES / 1048576) }));
    expect(captureFailure({ ok: false, reason: 'empty' }).message).toBe(message(locale, 'clipper_nothingselected'));
    expect(captureFailure({ ok: false, reason: 'unreadable' }).message).toBe(message(locale, 'clipper_unreadable'));
    expect(captureFailure({ ok: false, reason: 'unreadable' }).code).toBe('failed');
  });

  it("titles the panel from the locale, with the space's name or Anytype", () => {
    useLocale(locale);
    expect(panelHeading({ spaceName: 'Work', typeKey: 'web_clip' })).toBe(`${message(locale, 'quick_savedto', { space: 'Work' })} · Web clip`);
    expect(panelHeading({ typeKey: 'page' })).toBe(`${message(locale, 'quick_savedtoanytype')} · Page`);
  });
});

describe('the page side', () => {
  it('reports why, not words: a page that throws while read is "unreadable", with no message of its own', () => {
    const doc = document.implementation.createHTMLDocument('x');
    Object.defineProperty(doc, 'body', { get: () => { throw new Error('boom'); } });
    expect(capturePage(doc, null, 'article')).toEqual({ ok: false, reason: 'unreadable' });
  });
});
