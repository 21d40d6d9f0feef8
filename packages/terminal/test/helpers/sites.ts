import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

/** A local test service: one Node http server, routes by path, every request recorded. */
export interface TestSite {
  origin: string;
  url(path: string): string;
  /** Paths (with query) requested so far, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export function html(body: string, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    response.end(
      `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`,
    );
  };
}

export async function serveSite(
  routes: Record<string, Route>,
  host = '127.0.0.1',
  port = 0,
): Promise<TestSite> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    requests.push(url.pathname + url.search);
    const route = routes[url.pathname];
    if (route) route(request, response, url);
    else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
