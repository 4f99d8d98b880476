import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { ARTIFACTS } from './config';
import type { BrowserSession } from './types';

/**
 * A fresh browser and profile for every test: the extension's background keeps state in memory and
 * in storage, and a clean start is the only reset that cannot leak. Firefox starts in ~5 s.
 * On failure every open popup is screenshotted to test-results/e2e/.
 */
export function useBrowser(launch: () => Promise<BrowserSession>): () => BrowserSession {
  let session: BrowserSession | undefined;

  beforeEach(async () => {
    session = await launch();
  });

  afterEach(async (context) => {
    if (!session) return;
    try {
      if (context.task.result?.state === 'fail') await screenshotPopups(session, context.task.name);
    } finally {
      await session.close();
      session = undefined;
    }
  });

  return () => {
    if (!session) throw new Error('No browser session outside a test');
    return session;
  };
}

async function screenshotPopups(session: BrowserSession, testName: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const slug = `${session.name}-${testName}`.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  let index = 0;
  for (const popup of session.openPopups()) {
    index += 1;
    const path = join(ARTIFACTS, `${slug}-${index}.png`);
    await popup.screenshot(path).catch(() => undefined);
  }
}
