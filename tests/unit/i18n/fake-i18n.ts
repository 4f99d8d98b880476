/**
 * `browser.i18n` for unit tests. The fake browser has no getMessage, so this one serves what the
 * build writes to `_locales/<lang>/messages.json` (the module's own parser and transform), with
 * Chrome's rules: names ignore case, `$1`…`$9` take substitutions, `$$` is a literal `$`, and a
 * message missing from the chosen locale comes from the default locale (en).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES = ['en', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

// A path, not `new URL(...)`: under happy-dom the global URL is the DOM's, which has no file: scheme.
const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../locales');
const cache = new Map<Locale, Map<string, string>>();

/** The locale file as the raw YAML text. */
export function localeSource(locale: Locale): string {
  return readFileSync(join(LOCALES_DIR, `${locale}.yml`), 'utf8');
}

/** Message name (lower case, as Chrome matches it) → message, as the browser will see it. */
export function chromeMessages(locale: Locale): Map<string, string> {
  let messages = cache.get(locale);
  if (!messages) {
    const generated = generateChromeMessages(parseMessagesText(localeSource(locale), 'YAML'));
    messages = new Map(Object.entries(generated).map(([name, { message }]) => [name.toLowerCase(), message]));
    cache.set(locale, messages);
  }
  return messages;
}

export function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (substitutions[Number(token) - 1] ?? '')));
}

/** Makes `browser.i18n` (and so `#i18n`) answer in this locale until the next call. */
export function useLocale(locale: Locale): void {
  const own = chromeMessages(locale);
  const fallback = chromeMessages(DEFAULT_LOCALE);
  fakeBrowser.i18n.getMessage = (name: string, substitutions?: string | string[]) => {
    const key = name.toLowerCase();
    const message = own.get(key) ?? fallback.get(key);
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return substitute(message, subs);
  };
  fakeBrowser.i18n.getUILanguage = () => locale;
}
