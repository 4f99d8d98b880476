import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ARTIFACTS } from './config';
import type { BrowserSession } from './types';

/**
 * One session per describe block, reset to a fresh install after every test but the block's last
 * (BrowserSession.reset: a new profile and browser; the fixture server stays). If a reset fails
 * the browser is replaced, so one broken test does not break the next. On failure every open
 * popup is screenshotted to test-results/e2e/.
 */
export function useBrowser(launch: () => Promise<BrowserSession>): () => BrowserSession {
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    session = await launch();
  });

  afterEach(async (context) => {
    if (!session) return;
    if (context.task.result?.state === 'fail') await screenshotPopups(session, context.task.name);
    // After the block's last test the browser is closed (afterAll), not reset: a reset is a new
    // browser (a Firefox start is ~6 s).
    if (isLastToRun(context.task)) return;
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

/** Whether no test after `task` in its block is still to run (a `-t` filter skips some). */
function isLastToRun(task: { suite?: { tasks: readonly { mode: string }[] } }): boolean {
  const siblings = task.suite?.tasks ?? [];
  const index = siblings.indexOf(task as (typeof siblings)[number]);
  return index >= 0 && siblings.slice(index + 1).every((t) => t.mode === 'skip' || t.mode === 'todo');
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
