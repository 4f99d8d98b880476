/**
 * The Anytype sandbox on the test build's fixed port, plus arrival times of the requests the bench
 * waits for. The sandbox runs in this process, so its clock is the bench's clock. Arrival is taken
 * from Node's `http.server.request.start` diagnostics channel (fired once the request head is
 * parsed, before the body is read), which needs no change to the sandbox.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { type Sandbox, startSandbox } from '../../tests/sandbox/index';
import { nowMs, sleep } from './stats';

export const SANDBOX_PORT = 31019;

export interface Arrival {
  at: number;
  method: string;
  path: string;
}

export interface TimedSandbox {
  sandbox: Sandbox;
  /** Resolves with the arrival time of the first matching request that arrives after this call. */
  nextArrival(method: string, path: RegExp, timeoutMs: number): Promise<Arrival>;
  close(): Promise<void>;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/** e2e tests use the same fixed port; when they run, wait for them instead of failing. */
async function startOnFixedPort(waitMs: number): Promise<Sandbox> {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      return await startSandbox({ port: SANDBOX_PORT });
    } catch (error) {
      if (!isAddressInUse(error) || Date.now() > deadline) throw error;
      if (!announced) process.stderr.write(`bench: port ${SANDBOX_PORT} is busy (e2e tests?); waiting up to ${waitMs / 1000} s\n`);
      announced = true;
      await sleep(2000);
    }
  }
}

export async function startTimedSandbox(waitMs: number): Promise<TimedSandbox> {
  const sandbox = await startOnFixedPort(waitMs);
  const waiters = new Set<{ method: string; path: RegExp; resolve: (a: Arrival) => void }>();
  const onRequest = (message: unknown) => {
    const at = nowMs();
    const request = (message as { request?: IncomingMessage }).request;
    if (!request || request.socket.localPort !== sandbox.port) return;
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    for (const w of waiters) {
      if (w.method === request.method && w.path.test(path)) {
        waiters.delete(w);
        w.resolve({ at, method: request.method, path });
      }
    }
  };
  subscribe('http.server.request.start', onRequest);
  return {
    sandbox,
    nextArrival(method, path, timeoutMs) {
      return new Promise<Arrival>((resolve, reject) => {
        const waiter = {
          method,
          path,
          resolve: (a: Arrival) => {
            clearTimeout(timer);
            resolve(a);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`the sandbox received no ${method} ${path} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async close() {
      unsubscribe('http.server.request.start', onRequest);
      await sandbox.close();
    },
  };
}
