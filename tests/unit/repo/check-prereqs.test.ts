// @vitest-environment node
// `npm test` starts with scripts/check-prereqs.mjs: a missing browser must stop it at once, with the
// sentence that says how to get one, and the paths it checks must be the ones the harness drives.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BROWSERS, DEBIAN_PACKAGES, FIREFOX_GERMAN_PACK, INSTALL_COMMAND, browserPath, startChromiumPath } from '../../../scripts/browsers.mjs';
import { neededBrowsers, problems, requiredNodeMajor } from '../../../scripts/check-prereqs.mjs';
import { CHROMIUM_PATH, FIREFOX_PATH } from '../../e2e/harness/config';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const MISSING = join(ROOT, 'no-such-dir', 'firefox-esr');

function runCheck(env: Record<string, string>) {
  // A clean environment, so a developer's own E2E_* settings do not change the answer.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^E2E_|^CHROMIUM$/.test(name)));
  return spawnSync(process.execPath, [join(ROOT, 'scripts/check-prereqs.mjs')], { env: { ...clean, ...env }, encoding: 'utf8' });
}

describe('npm test checks its prerequisites first', () => {
  it('is the first step of npm test', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.test.startsWith('node scripts/check-prereqs.mjs && ')).toBe(true);
    expect(pkg.engines.node).toBe(`>=${requiredNodeMajor()}`);
  });

  it('exits 1 with the install sentence when a browser is missing', () => {
    const present = process.execPath; // a file that exists, standing in for the other browser
    const run = runCheck({ E2E_CHROMIUM: present, E2E_FIREFOX: MISSING });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Firefox ESR was not found at ${MISSING}.`);
    expect(run.stderr).toContain(INSTALL_COMMAND);
    expect(run.stderr).toContain('set E2E_FIREFOX');
    expect(run.stderr).not.toContain('Chromium was not found');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
  });

  it('exits 0 when both browsers are where the variables say', () => {
    const run = runCheck({ E2E_CHROMIUM: process.execPath, E2E_FIREFOX: process.execPath });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('asks only for the browsers this run drives, and always for Chromium (the extraction floor)', () => {
    expect(neededBrowsers({})).toEqual(['chromium', 'firefox']);
    expect(neededBrowsers({ E2E_BROWSERS: 'chromium' })).toEqual(['chromium']);
    expect(neededBrowsers({ E2E_BROWSERS: 'firefox' })).toEqual(['chromium', 'firefox']);
    expect(problems({ E2E_BROWSERS: 'chromium', E2E_FIREFOX: MISSING }, '20.0.0', (path) => path !== MISSING)).toEqual([]);
  });

  it('asks for the German language pack of Debian Firefox only', () => {
    const all = () => true;
    expect(problems({}, '20.0.0', (path) => path !== FIREFOX_GERMAN_PACK)).toEqual([expect.stringContaining('German language pack')]);
    expect(problems({ E2E_FIREFOX: '/opt/firefox/firefox' }, '20.0.0', (path) => path !== FIREFOX_GERMAN_PACK)).toEqual([]);
    expect(problems({}, '20.0.0', all)).toEqual([]);
  });

  it('installs the same packages in .ci/run, the README and the message', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const install = /apt-get install -y ([^\n]+)/.exec(ci)?.[1]?.trim().split(/\s+/);
    expect(install).toEqual(DEBIAN_PACKAGES);
    expect(ci).toContain('dpkg -s firefox-esr-l10n-de');
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`${INSTALL_COMMAND}\``);
  });

  it('refuses a Node older than engines says', () => {
    const old = `${requiredNodeMajor() - 1}.9.0`;
    expect(problems({}, old, () => true)).toEqual([expect.stringContaining(`Node ${old} is too old`)]);
    expect(problems({}, `${requiredNodeMajor()}.0.0`, () => true)).toEqual([]);
  });

  it('checks the paths the harness drives, and npm start prefers CHROMIUM', () => {
    expect(CHROMIUM_PATH).toBe(browserPath('chromium'));
    expect(FIREFOX_PATH).toBe(browserPath('firefox'));
    expect(browserPath('chromium', {})).toBe(BROWSERS.chromium.defaultPath);
    expect(browserPath('firefox', { E2E_FIREFOX: '/opt/ff' })).toBe('/opt/ff');
    expect(startChromiumPath({ E2E_CHROMIUM: '/a' })).toBe('/a');
    expect(startChromiumPath({ E2E_CHROMIUM: '/a', CHROMIUM: '/b' })).toBe('/b');
  });
});
