/** The node:http server: control routes first (they work even while `refuse` is on), then the API. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { handleApi } from './api';
import { CONTROL_PREFIX, createControl, handleControl } from './control';
import { errorBody } from './errors';
import { readBody, writeJson } from './http-io';
import { SandboxState } from './state';
import type { Sandbox, SandboxOptions } from './types';

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(opts);
  const control = createControl(state);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    readBody(req)
      .then((body) =>
        url.pathname.startsWith(CONTROL_PREFIX)
          ? handleControl(control, req, res, url, body)
          : handleApi(state, req, res, url, body),
      )
      .catch((e: unknown) => {
        state.print(`sandbox error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent) writeJson(res, 500, errorBody(500, 'sandbox internal error'));
        else res.end();
      });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    control,
    violations: () => [...state.violations],
    close: async () => {
      state.auth.reset(false); // lets waiting challenge requests answer, so no socket hangs
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
