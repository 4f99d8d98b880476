import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WELCOME_PAGE } from '../../lib/background/welcome';
import { ARTIFACTS, BROWSERS, DOCS_SCREENSHOTS, navigateWithin, SANDBOX_PORT, useBrowser, useSandbox } from './harness';

// First run (issue #20): the extension opens its welcome page by itself when it is installed, and
// the page asks the background, live, whether Anytype (here the sandbox) answers.
const sandbox = useSandbox();
const control = () => sandbox().control;
const WELCOME = WELCOME_PAGE.slice(1);
const ANYTYPE = `http://127.0.0.1:${SANDBOX_PORT}`;

describe.each(BROWSERS)('welcome page in $name', ({ name, launch }) => {
  const browser = useBrowser(launch);
  // Chromium's picture goes to the README; Firefox's is kept as a run artifact.
  const shotDir = name === 'chromium' ? DOCS_SCREENSHOTS : join(ARTIFACTS, name);

  test('opens by itself on install and says Anytype was found, asking without a key', async () => {
    const welcome = await browser().extensionTab(WELCOME);
    expect(await welcome.textOf('heading', 'Welcome to Clip to Anytype')).toBe('Welcome to Clip to Anytype');
    expect(await welcome.waitForText('status', 'Anytype found')).toBe(`Anytype found at ${ANYTYPE}. Pair with it as below.`);
    expect(await welcome.count('button', 'Try again')).toBe(0);
    for (const section of ['Pin the button', 'Pair with Anytype', 'Your privacy']) await welcome.waitFor('heading', section);

    // The page asked through the background: one unauthenticated GET of Anytype's description, accepted.
    const probes = (await control().log()).filter((entry) => entry.path === '/docs/openapi.json');
    expect(probes.length).toBeGreaterThan(0);
    for (const probe of probes) expect(probe).toMatchObject({ method: 'GET', authorization: null, status: 200 });
    expect(welcome.errors()).toEqual([]);

    mkdirSync(shotDir, { recursive: true });
    await welcome.screenshot(join(shotDir, 'welcome.png'), { width: 900, maxHeight: 1600 });
  });

  test('says Anytype is not running, looks again, and finds it once it runs', async () => {
    const welcome = await browser().extensionTab(WELCOME);
    await welcome.waitForText('status', 'Anytype found');
    // Anytype closed: the page opened again (a person's bookmark, say) says so and offers Try again.
    await control().setFaults({ refuse: true });
    await navigateWithin(welcome, WELCOME);
    expect(await welcome.waitForText('status', 'Anytype is not running')).toMatch(/^Anytype is not running: start Anytype Desktop/);
    await welcome.waitFor('button', 'Try again');

    await control().setFaults({ refuse: false });
    await welcome.clickButton('Try again');
    expect(await welcome.waitForText('status', 'Anytype found')).toBe(`Anytype found at ${ANYTYPE}. Pair with it as below.`);
    expect(await welcome.count('button', 'Try again')).toBe(0);
    expect(welcome.errors()).toEqual([]);
  });
});
