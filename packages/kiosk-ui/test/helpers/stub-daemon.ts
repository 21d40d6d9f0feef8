import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { KioskActionInput, KioskView } from '@sidbox/protocol';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export interface StubDaemon {
  origin: string;
  /** Every action the UI sent, in order. */
  actions: KioskActionInput[];
  /** The view new pages get; `publish` also pushes it to the open pages. */
  view: KioskView;
  publish(view: KioskView): void;
  /** Resolves with the next action the predicate accepts (one already received counts). */
  nextAction(accept: (action: KioskActionInput) => boolean): Promise<KioskActionInput>;
  /** The reply to the next survey action: refused, as the daemon refuses a bad answer. */
  refuseSurvey: boolean;
  close(): Promise<void>;
}

/**
 * FAKE terminal daemon: the real one needs AusweisApp, Chromium and a session to show each
 * screen. This one serves the built UI and the same `/api/events` (SSE `view`) and
 * `/api/action` endpoints as packages/terminal's KioskUiServer, with the same CSP; it records
 * the actions and, like the daemon, answers `language` and `text-size` with a new view.
 */
export async function startStubDaemon(root: string, initial: KioskView): Promise<StubDaemon> {
  const streams = new Set<ServerResponse>();
  const waiting = new Set<{
    accept: (a: KioskActionInput) => boolean;
    resolve: (a: KioskActionInput) => void;
  }>();
  const write = (stream: ServerResponse, view: KioskView) =>
    stream.write(`event: view\ndata: ${JSON.stringify(view)}\n\n`);

  const stub: StubDaemon = {
    origin: '',
    actions: [],
    view: initial,
    refuseSurvey: false,
    publish(view) {
      stub.view = view;
      for (const stream of streams) write(stream, view);
    },
    nextAction(accept) {
      const seen = stub.actions.find(accept);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiting.add({ accept, resolve }));
    },
    close: async () => {
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const received = (action: KioskActionInput) => {
    stub.actions.push(action);
    if (action.type === 'language') stub.publish({ ...stub.view, language: action.language });
    if (action.type === 'text-size') stub.publish({ ...stub.view, textScale: action.scale });
    for (const waiter of waiting) {
      if (waiter.accept(action)) {
        waiting.delete(waiter);
        waiter.resolve(action);
      }
    }
  };

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      streams.add(response);
      request.on('close', () => streams.delete(response));
      write(response, stub.view);
      return;
    }
    if (path === '/api/action') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const action = JSON.parse(body) as KioskActionInput;
        const refused = action.type === 'survey' && stub.refuseSurvey;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            refused
              ? { ok: false, error: { code: 'bad-request', message: 'refused' } }
              : { ok: true, data: null },
          ),
        );
        received(action);
      });
      return;
    }
    const file = normalize(join(root, extname(path) ? path : '/index.html'));
    if (!file.startsWith(root + sep)) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          'content-security-policy': "default-src 'self'; img-src 'self' data: https:",
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
