// The browsers the tests, the benchmarks and `npm start` drive: their default paths (Debian's
// packages) and the variables that move them are written here once. tests/e2e/run.mjs,
// tests/e2e/harness/config.ts, scripts/check-prereqs.mjs and scripts/start.mjs import them.

/** @type {Record<'chromium' | 'firefox', { label: string, env: string, defaultPath: string }>} */
export const BROWSERS = {
  chromium: { label: 'Chromium', env: 'E2E_CHROMIUM', defaultPath: '/usr/bin/chromium' },
  firefox: { label: 'Firefox ESR', env: 'E2E_FIREFOX', defaultPath: '/usr/bin/firefox-esr' },
};

/** `npm start` opens this Chromium (for a browser you use every day); the tests' E2E_CHROMIUM otherwise. */
export const START_CHROMIUM_ENV = 'CHROMIUM';

/** The Debian packages the tests need: the two browsers, and Firefox's German UI for the German e2e run. */
export const DEBIAN_PACKAGES = ['chromium', 'firefox-esr', 'firefox-esr-l10n-de'];

/** What .ci/run runs when the browsers are missing; the README gives the same line. */
export const INSTALL_COMMAND = `sudo apt-get install -y ${DEBIAN_PACKAGES.join(' ')}`;

/**
 * Where Debian's firefox-esr keeps its German language pack: the e2e runs the popup in German in
 * both browsers, and Firefox gives an extension its own UI language. Checked only for Debian's
 * Firefox (another build keeps its packs elsewhere; the e2e then says what it got).
 */
export const FIREFOX_GERMAN_PACK = '/usr/lib/firefox-esr/browser/extensions/langpack-de@firefox-esr.mozilla.org.xpi';

/** Where the named browser is, given the environment. */
export function browserPath(name, env = process.env) {
  return env[BROWSERS[name].env] || BROWSERS[name].defaultPath;
}

/** The Chromium `npm start` opens. */
export function startChromiumPath(env = process.env) {
  return env[START_CHROMIUM_ENV] || browserPath('chromium', env);
}

/** The sentence that says Debian's Firefox lacks its German language pack. */
export function missingLanguagePackMessage() {
  return `Firefox ESR has no German language pack (${FIREFOX_GERMAN_PACK}), which the German e2e run needs: run \`${INSTALL_COMMAND}\` (.ci/run does).`;
}

/** The one sentence that says a browser is missing and how to get it. */
export function missingBrowserMessage(name, path) {
  const { label, env } = BROWSERS[name];
  return (
    `${label} was not found at ${path}. The tests drive Chromium and Firefox ESR: on Debian/Ubuntu run ` +
    `\`${INSTALL_COMMAND}\` (.ci/run does); elsewhere set ${env} to the browser's path ` +
    `(${Object.values(BROWSERS)
      .map((b) => b.env)
      .join(', ')}; ${START_CHROMIUM_ENV} for npm start).`
  );
}
