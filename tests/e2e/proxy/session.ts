import { afterAll, afterEach, beforeEach } from 'vitest';
import { type BrowserSession, useBrowser } from '../harness';
import type { BrowserTarget } from '../harness/index';

/**
 * The browser for a proxy scenario. Chromium: the harness's one browser per describe, reset between
 * tests. Firefox: a fresh browser per test, because the harness's in-place reset hangs (60 s hook
 * timeout) once a test has opened several extension pages there (e.g. eight evaluateInExtension
 * calls, reproduced on firefox-esr 153); a fresh profile is the same fresh install, about 5 s slower.
 */
export function useProxyBrowser(target: BrowserTarget): () => BrowserSession {
  if (target.name !== 'firefox') return useBrowser(target.launch);
  let session: BrowserSession | undefined;
  beforeEach(async () => {
    session = await target.launch();
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('No browser session: useProxyBrowser() must be called inside describe()');
    return session;
  };
}
