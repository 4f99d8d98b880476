import { i18n } from '#i18n';
import { parseMessagesText } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ERROR_KINDS, userMessage } from '../../../lib/anytype/errors';
import { badgeFor } from '../../../lib/background/badge';
import { statusText } from '../../../lib/options/connections-controller';
import type { QueueSummary } from '../../../lib/queue';
import { parseSettingsFileText } from '../../../lib/settings/settings-file';
import { parseSitePattern } from '../../../lib/settings/site-rules';
import { chromeMessages, LOCALES, localeSource, useLocale } from './fake-i18n';

afterEach(() => useLocale('en'));

/** What a translation must keep from English: the count ($1) and every named placeholder. */
function shapes(locale: (typeof LOCALES)[number]) {
  const parsed = parseMessagesText(localeSource(locale), 'YAML');
  return new Map(
    parsed
      .filter((m) => !m.key.join('.').startsWith('@@'))
      .map((m) => [m.key.join('.'), { type: m.type, substitutions: m.substitutions, named: [...m.namedSubstitutions].sort() }]),
  );
}

describe('locale files', () => {
  const english = shapes('en');

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English message, and nothing else', (locale) => {
    expect([...shapes(locale).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s keeps the counts, plurals and placeholders of English', (locale) => {
    for (const [key, shape] of shapes(locale)) expect({ key, ...shape }).toEqual({ key, ...english.get(key) });
  });

  it.each(LOCALES)('%s has no empty message, and no message uses the plural separator', (locale) => {
    // Parsed once: parsing the file again for each message made this test quadratic in the locale's size.
    const parsed = shapes(locale);
    for (const [name, message] of chromeMessages(locale)) {
      expect(message.trim(), name).not.toBe('');
      // " | " separates plural forms in messages.json; only plurals may contain it.
      const isPlural = parsed.get(name.replaceAll('_', '.'))?.type === 'plural';
      if (!isPlural) expect(message, name).not.toContain(' | ');
    }
  });

  it.each(LOCALES)('%s names its own language for <html lang>', (locale) => {
    expect(chromeMessages(locale).get('lang')).toBe(locale);
  });

  it('message names stay distinct once dots become underscores (Chrome ignores case too)', () => {
    const names = [...english.keys()].map((key) => key.replaceAll('.', '_').toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('English is the UI contract, word for word', () => {
  it.each([
    ['pairing.start.connect', 'Connect'],
    ['pairing.code.label', 'Pairing code'],
    ['pairing.code.pair', 'Pair'],
    ['pairing.start.useKey', 'Use an API key'],
    ['pairing.key.label', 'API key'],
    ['pairing.key.save', 'Save key'],
    ['pairing.connected.disconnect', 'Disconnect'],
    ['clip.title', 'Title'],
    ['clip.space', 'Space'],
    ['clip.type', 'Type'],
    ['clip.collection', 'Collection'],
    ['tags.label', 'Tags'],
    ['clip.note', 'Note'],
    ['clip.save', 'Save to Anytype'],
    ['clip.saved', 'Saved'],
    ['clip.open', 'Open in Anytype'],
    ['panel.region', 'Saved to Anytype'],
    ['access.grant', 'Grant access'],
  ] as const)('%s is "%s"', (key, text) => {
    expect(i18n.t(key)).toBe(text);
  });

  it('counts spaces in the connected status', () => {
    expect(i18n.t('pairing.connected.status', 0)).toBe('Connected to Anytype · 0 spaces');
    expect(i18n.t('pairing.connected.status', 1)).toBe('Connected to Anytype · 1 space');
    expect(i18n.t('pairing.connected.status', 3)).toBe('Connected to Anytype · 3 spaces');
  });

  it('error messages come from the locale file and equal the built-in English', () => {
    for (const kind of ERROR_KINDS) expect(userMessage(kind)).toBe(chromeMessages('en').get(`errors_${kind}`));
    // Without browser.i18n (Node, e2e tests), the built-in English answers: it must be the same text.
    const getMessage = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = () => {
      throw new Error('no i18n here');
    };
    try {
      for (const kind of ERROR_KINDS) expect(userMessage(kind)).toBe(chromeMessages('en').get(`errors_${kind}`));
    } finally {
      fakeBrowser.i18n.getMessage = getMessage;
    }
  });

  it('badge titles', () => {
    const summary: QueueSummary = { pending: 0, sending: 0, failed: 0, done: 0, quarantined: 0, paused: null };
    expect(badgeFor(summary).title).toBe('Clip to Anytype');
    expect(badgeFor({ ...summary, pending: 1 }).title).toBe('Clip to Anytype: 1 clip waiting, sending now');
    expect(badgeFor({ ...summary, pending: 2, waitingReason: 'offline' }).title).toBe(
      'Clip to Anytype: 2 clips waiting: Anytype is not running. Start Anytype Desktop.',
    );
    expect(badgeFor({ ...summary, failed: 1 }).title).toBe(
      'Clip to Anytype: 1 clip could not be saved. Open the extension to retry.',
    );
  });
});

describe('German and French', () => {
  it('plural forms follow each language (French counts 0 as singular)', () => {
    useLocale('de');
    expect([0, 1, 2].map((n) => i18n.t('pairing.connected.status', n))).toEqual([
      'Mit Anytype verbunden · 0 Spaces',
      'Mit Anytype verbunden · 1 Space',
      'Mit Anytype verbunden · 2 Spaces',
    ]);
    useLocale('fr');
    expect([0, 1, 2].map((n) => i18n.t('badge.waiting', n))).toEqual([
      '0 capture en attente',
      '1 capture en attente',
      '2 captures en attente',
    ]);
  });

  it('error messages and the badge speak the browser language', () => {
    useLocale('de');
    expect(userMessage('offline')).toBe('Anytype läuft nicht. Starten Sie Anytype Desktop und versuchen Sie es dann erneut.');
    useLocale('fr');
    const summary: QueueSummary = { pending: 2, sending: 0, failed: 0, done: 0, quarantined: 0, paused: null };
    expect(badgeFor(summary).title).toBe('Clip to Anytype\u00a0: 2 captures en attente, envoi en cours');
  });

  it('library messages are read when shown, also those of module-level schemas', () => {
    const duplicateIds = JSON.stringify({
      format: 'clip-to-anytype-settings',
      version: 1,
      connections: {
        activeId: 'a',
        connections: [
          { id: 'a', name: 'A', baseUrl: 'http://127.0.0.1:31009' },
          { id: 'a', name: 'B', baseUrl: 'http://127.0.0.1:31012' },
        ],
      },
      clip: { defaults: { tagNames: [] }, siteRules: [] },
    });
    expect(parseSettingsFileText(duplicateIds)).toEqual({
      ok: false,
      error: 'This settings file is not valid (connections: Two connections share an id.). Nothing was changed.',
    });
    useLocale('de');
    expect(parseSettingsFileText(duplicateIds)).toEqual({
      ok: false,
      error: 'Diese Einstellungsdatei ist ungültig (connections: Zwei Verbindungen haben dieselbe ID.). Es wurde nichts geändert.',
    });
    expect(statusText({ baseUrl: 'x', paired: true, spaceCount: 2, serverVersion: '2025-11-08' }).text).toBe(
      'Verbunden: 2 Spaces, Anytype 2025-11-08',
    );
    useLocale('fr');
    expect(parseSitePattern('https://example.com/#top')).toEqual({ error: 'Retirez le #fragment.' });
    expect(statusText({ baseUrl: 'x', paired: true, spaceCount: 0 }).text).toBe('Connecté\u00a0: 0 espace');
  });

  it('named values are put in as given, never read as placeholders', () => {
    useLocale('de');
    expect(i18n.t('tags.remove', { name: '{name} $1' })).toBe('Tag {name} $1 entfernen');
  });
});
