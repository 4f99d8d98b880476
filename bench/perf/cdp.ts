/**
 * A bare Chrome DevTools Protocol connection (browser endpoint, flat sessions), for what Playwright
 * does not reach: extension popups, which Chromium reports as "other" targets that Playwright
 * leaves alone. It enables no domain and attaches to nothing by itself.
 */
import WebSocket from 'ws';

const TIMEOUT = 15_000;

export interface Cdp {
  send<T = unknown>(method: string, params?: object, sessionId?: string): Promise<T>;
  close(): void;
}

export async function connectCdp(url: string): Promise<Cdp> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let lastId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    const entry = message.id === undefined ? undefined : waiting.get(message.id);
    if (!entry || message.id === undefined) return;
    waiting.delete(message.id);
    if (message.error) entry.reject(new Error(message.error.message));
    else entry.resolve(message.result);
  });
  socket.on('close', () => {
    for (const entry of waiting.values()) entry.reject(new Error('the DevTools connection closed'));
    waiting.clear();
  });
  return {
    send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
      const id = ++lastId;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`${method}: no answer in ${TIMEOUT / 1000} s`));
        }, TIMEOUT);
        waiting.set(id, {
          resolve(value) {
            clearTimeout(timer);
            resolve(value as T);
          },
          reject(error) {
            clearTimeout(timer);
            reject(error);
          },
        });
        socket.send(JSON.stringify({ id, method, params, sessionId }));
      });
    },
    close: () => socket.close(),
  };
}
