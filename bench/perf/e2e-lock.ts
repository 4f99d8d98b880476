/**
 * The e2e scenarios and this bench share port 31019 and .output/test. Helpers serialise those runs
 * with `flock /tmp/e2e.lock …`; the bench takes the same lock for its timing part (test build +
 * sandbox), held by a child `flock` process that lives until release() ends it.
 */
import { spawn } from 'node:child_process';

export const E2E_LOCK = '/tmp/e2e.lock';

export interface HeldLock {
  release(): void;
}

export function acquireE2eLock(waitMs: number): Promise<HeldLock> {
  const seconds = String(Math.max(1, Math.round(waitMs / 1000)));
  // The child prints once it holds the lock, then waits for its stdin to close.
  const child = spawn('flock', ['-w', seconds, E2E_LOCK, 'sh', '-c', 'echo locked; cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // Closing stdin ends `cat`, then `sh` and `flock`, which frees the lock; it also happens if the bench dies.
  const release = () => child.stdin.end();
  return new Promise<HeldLock>((resolve, reject) => {
    let held = false;
    child.stdout.on('data', (chunk: Buffer) => {
      if (!held && chunk.toString().includes('locked')) {
        held = true;
        resolve({ release });
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!held) reject(new Error(`${E2E_LOCK} stayed busy for ${seconds} s (e2e tests running); timings skipped`));
      else if (code !== 0 && code !== null) process.stderr.write(`bench: lock holder exited with ${code}\n`);
    });
  });
}
