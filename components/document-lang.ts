import { i18n } from '#i18n';
import { useEffect } from 'preact/hooks';

/**
 * `<html lang>` follows the language the texts are in (the locale the browser picked from
 * locales/), not the "en" written in the HTML file: screen readers choose their voice by it.
 * A page title given here replaces the HTML file's English one.
 */
export function useDocumentLang(title?: string): void {
  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
    if (title) document.title = title;
  }, [title]);
}
