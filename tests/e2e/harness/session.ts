import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ARTIFACTS } from './config';
import type { BrowserSession } from './types';

/**
 * One session per describe block, reset to a fresh install after every test (BrowserSession.reset:
 * a new profile and browser; the fixture server stays). If a reset fails the browser is replaced,
 * so one broken test does not break the next. On failure every open popup is screenshotted to
 * test-results/e2e/.
 */
export function useBrowser(launch: () => Promise<BrowserSession>): () => BrowserSession {
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await launch();
  });

  afterEach(async (context) => {
    if (!session) return;
    if (context.task.result?.state === 'fail') await screenshotPopups(session, context.task.name);
    try {
      await session.reset();
    } catch {
      await session.close().catch(() => undefined);
      session = await launch();
    }
  });

  afterAll(async () => {
    await session?.close();
    session = undefined;
  });

  return () => {
    if (!session) throw new Error('No browser session: useBrowser() must be called inside describe()');
    return session;
  };
}

async function screenshotPopups(session: BrowserSession, testName: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const slug = `${session.name}-${testName}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  let index = 0;
  for (const popup of session.openPopups()) {
    index += 1;
    await popup.screenshot(join(ARTIFACTS, `${slug}-${index}.png`)).catch(() => undefined);
  }
}
