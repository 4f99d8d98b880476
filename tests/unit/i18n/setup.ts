// Vitest setup (vitest.config.ts setupFiles): every unit test starts in English, the default locale.
import { beforeEach } from 'vitest';
import { useLocale } from './fake-i18n';

useLocale('en');
beforeEach(() => useLocale('en'));
