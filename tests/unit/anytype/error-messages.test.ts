// @vitest-environment node
/** The person's language first, English when the browser has no text or no i18n at all. */
import { describe, expect, it, vi } from 'vitest';

const browserText: { answer: (key: string) => string; asked: string[] } = { answer: () => '', asked: [] };
vi.mock('../../../lib/node-safe-i18n', () => ({
  i18n: {
    t: (key: string) => {
      browserText.asked.push(key);
      return browserText.answer(key);
    },
  },
}));

const { userMessage } = await import('../../../lib/anytype/errors');

const ENGLISH_OFFLINE = 'Anytype is not running. Start Anytype Desktop, then try again.';

describe('userMessage', () => {
  it('asks the browser for the kind’s text, in the person’s language', () => {
    browserText.answer = (key) => (key === 'errors.offline' ? 'Anytype läuft nicht.' : '');
    expect(userMessage('offline')).toBe('Anytype läuft nicht.');
    expect(browserText.asked.at(-1)).toBe('errors.offline');
  });

  it('falls back to English when the browser has no text for it', () => {
    browserText.answer = () => '';
    expect(userMessage('offline')).toBe(ENGLISH_OFFLINE);
  });

  it('falls back to English where there is no browser i18n (Node)', () => {
    browserText.answer = () => {
      throw new TypeError('browser.i18n is undefined');
    };
    expect(userMessage('offline')).toBe(ENGLISH_OFFLINE);
  });
});
