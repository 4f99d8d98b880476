import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../harness/config';

/** Serves tests/fixtures/hostile/index.html on a random loopback port (any path, so URLs stay unique). */
export interface HostileServer {
  url: string;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const page = readFileSync(join(ROOT, 'tests/fixtures/hostile/index.html'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
