import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, BROWSERS, useBrowser, useSandbox } from './harness';

// The harness works end to end: the extension loads, its popup renders in a tab, and nothing throws.
const sandbox = useSandbox();

describe.each(BROWSERS)('popup smoke in $name', ({ name, launch }) => {
  const browser = useBrowser(launch);

  test('the popup renders its heading and the disconnected start view', async () => {
    const popup = await browser().openPopup();
    expect(await popup.textOf('heading', 'Clip to Anytype')).toBe('Clip to Anytype');
    await popup.waitFor('button', 'Connect');
    await popup.screenshot(join(ARTIFACTS, `smoke-${name}.png`));
    expect(popup.errors()).toEqual([]);
    // The popup only asked the sandbox about the connection state, if anything: no request was refused.
    const log = await sandbox().control.log();
    expect(log.filter((entry) => entry.status === 403)).toEqual([]);
  });
});
