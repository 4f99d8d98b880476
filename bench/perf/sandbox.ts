/**
 * The Anytype sandbox on the test build's fixed port, plus arrival times of the requests the bench
 * waits for. The sandbox runs in this process, so its clock is the bench's clock. Arrival is taken
 * from Node's `http.server.request.start` diagnostics channel (fired once the request head is
 * parsed, before the body is read), which needs no change to the sandbox.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { type Sandbox, startSandbox } from '../../tests/sandbox/index';
import { CHROMIUM_LANE } from './build';
import { nowMs, sleep } from './stats';

export const SANDBOX_PORT = CHROMIUM_LANE.port;

export interface Arrival {
  at: number;
  method: string;
  path: string;
}

export interface Served {
  method: string;
  path: string;
  start: number;
  /** When the sandbox finished its answer (undefined while in flight). */
  end?: number;
}

export interface TimedSandbox {
  sandbox: Sandbox;
  /** Resolves with the arrival time of the first matching request that arrives after this call. */
  nextArrival(method: string, path: RegExp, timeoutMs: number): Promise<Arrival>;
  /** Requests that arrived in [from, to], for telling the sandbox's own time apart from the extension's. */
  servedBetween(from: number, to: number): Served[];
  close(): Promise<void>;
}

/** Wall time during which at least one of these requests was being answered (overlaps counted once). */
export function busyMs(served: readonly Served[], until: number): number {
  const spans = served.map((r) => [r.start, Math.min(r.end ?? until, until)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredTo = Number.NEGATIVE_INFINITY;
  for (const [from, to] of spans) {
    const start = Math.max(from, coveredTo);
    if (to > start) total += to - start;
    coveredTo = Math.max(coveredTo, to);
  }
  return total;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/** e2e tests use the same fixed port; when they run, wait for them instead of failing. */
async function startOnFixedPort(waitMs: number, port: number): Promise<Sandbox> {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      return await startSandbox({ port });
    } catch (error) {
      if (!isAddressInUse(error) || Date.now() > deadline) throw error;
      if (!announced) process.stderr.write(`bench: port ${port} is busy (e2e tests?); waiting up to ${waitMs / 1000} s\n`);
      announced = true;
      await sleep(2000);
    }
  }
}

export async function startTimedSandbox(waitMs: number, port = SANDBOX_PORT): Promise<TimedSandbox> {
  const sandbox = await startOnFixedPort(waitMs, port);
  const waiters = new Set<{ method: string; path: RegExp; resolve: (a: Arrival) => void }>();
  const served: Served[] = [];
  const inFlight = new WeakMap<IncomingMessage, Served>();
  const ours = (request: IncomingMessage | undefined): request is IncomingMessage =>
    request !== undefined && request.socket.localPort === sandbox.port;
  const onRequest = (message: unknown) => {
    const at = nowMs();
    const request = (message as { request?: IncomingMessage }).request;
    if (!ours(request)) return;
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const method = request.method ?? '';
    const entry: Served = { method, path, start: at };
    served.push(entry);
    inFlight.set(request, entry);
    for (const w of waiters) {
      if (w.method === method && w.path.test(path)) {
        waiters.delete(w);
        w.resolve({ at, method, path });
      }
    }
  };
  const onFinish = (message: unknown) => {
    const request = (message as { request?: IncomingMessage }).request;
    const entry = request && inFlight.get(request);
    if (entry) entry.end = nowMs();
  };
  subscribe('http.server.request.start', onRequest);
  subscribe('http.server.response.finish', onFinish);
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
    servedBetween: (from, to) => served.filter((r) => r.start >= from && r.start <= to && !r.path.startsWith('/__sandbox')),
    async close() {
      unsubscribe('http.server.request.start', onRequest);
      unsubscribe('http.server.response.finish', onFinish);
      await sandbox.close();
    },
  };
}
