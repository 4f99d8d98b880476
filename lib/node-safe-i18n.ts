/**
 * `i18n` for lib modules that Node also imports without WXT's aliases (the e2e tests load the
 * protocol schemas, and so the settings modules, in plain Node, where `#i18n` does not resolve).
 * Only the type comes from `#i18n`; messages are read when they are shown, so importing this
 * needs no browser.
 */
import type { GeneratedI18nStructure } from '#i18n';
import { createI18n } from '@wxt-dev/i18n';

export const i18n = createI18n<GeneratedI18nStructure>();
