import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A plain web page on loopback. Firefox will not navigate a tab to moz-extension:// under
 * automation, but a normal page may window.open() a web-accessible extension page (the e2e build
 * makes popup.html web-accessible), so the Firefox driver opens the popup from here.
 */
export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Clip to Anytype e2e fixture</title></head>
<body><h1>Fixture article</h1><p>A page the e2e harness serves on loopback.</p></body></html>`;

export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
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
