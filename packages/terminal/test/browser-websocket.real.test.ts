import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { nextEvent } from './helpers/browser/events.js';
import { oneServiceRules } from './helpers/browser/rules.js';
import { ownBrowserDirs, survivors } from './helpers/processes.js';
import { html, serveSite, type Route, type TestSite } from './helpers/sites.js';

// The WebSocket wall, in real Chromium (headless) with real WebSocket servers (the `ws`
// package): a service page, its workers and a page a service worker would answer reach
// WebSockets on allowed origins only. Its own browser: when the escape suite's known popup flake
// strikes, puppeteer's page there stays unusable for the rest of that file.

let service: TestSite;
let browser: ChromiumKioskBrowser;
/** WebSocket echo servers: one on an origin the service may use, one foreign. */
let allowedSocket: EchoServer;
let foreignSocket: EchoServer;

const page = () => browser.devtoolsPage();

beforeAll(async () => {
  [allowedSocket, foreignSocket] = await Promise.all([echoServer(), echoServer()]);
  service = await serveSite({
    '/': html('<h1>service</h1>'),
    '/socket-worker.js': javascript(SOCKET_WORKER),
    // A service worker that would answer its scope's pages itself, without the network.
    '/sw/worker.js': javascript(
      `self.addEventListener('install', () => self.skipWaiting());
       self.addEventListener('activate', (e) => e.waitUntil(clients.claim()));
       self.addEventListener('fetch', (e) => {
         if (e.request.mode === 'navigate')
           e.respondWith(new Response('<p>from the service worker</p>', { headers: { 'Content-Type': 'text/html' } }));
       });`,
    ),
    '/sw/page': html('<p>from the network</p>'),
  });
  browser = new ChromiumKioskBrowser({
    rules: oneServiceRules(service.url('/'), { origins: [service.origin, allowedSocket.origin] }),
    prepareNext: false,
    display: 'headless',
  });
  await browser.start(service.url('/'));
});

afterAll(async () => {
  const pid = browser?.status().pid;
  await browser?.stop();
  await Promise.all([service?.close(), allowedSocket?.close(), foreignSocket?.close()]);
  expect(await survivors(pid ? [pid] : [])).toEqual([]);
  expect(ownBrowserDirs()).toEqual([]);
});

/** On the service's start page, freshly loaded. */
async function freshServicePage(): Promise<void> {
  const arrived = nextEvent(browser, 'navigated', (e) => e.url === service.url('/'));
  await browser.navigate(service.url('/'));
  await arrived;
}

interface EchoServer {
  /** The http origin of the server, as the rules name it. */
  origin: string;
  url(path: string): string;
  /** Paths of the handshakes it saw. */
  readonly handshakes: string[];
  close(): Promise<void>;
}

async function echoServer(): Promise<EchoServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server.once('listening', resolve));
  const handshakes: string[] = [];
  server.on('connection', (socket, request) => {
    handshakes.push(request.url ?? '');
    socket.on('message', (data) => socket.send(`echo ${String(data)}`));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    url: (path) => `ws://127.0.0.1:${port}${path}`,
    handshakes,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

function javascript(code: string): Route {
  return (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/javascript' });
    response.end(code);
  };
}

/** Opens a WebSocket to the URL it is sent, says hello, and posts what came back (or `error`). */
const SOCKET_WORKER = `onmessage = (event) => {
  const socket = new WebSocket(event.data);
  socket.onopen = () => socket.send('hello');
  socket.onmessage = (message) => postMessage(message.data);
  socket.onerror = () => postMessage('error');
};`;

/** A WebSocket from the page: the server's echo, or `error` (the event the page gets). */
function socketFromPage(url: string): Promise<string> {
  return page().evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => socket.send('hello');
        socket.onmessage = (message) => resolve(String(message.data));
        socket.onerror = () => resolve('error');
      }),
    url,
  );
}

/** The same from a dedicated worker, loaded from the service or made from a blob. */
function socketFromWorker(url: string, from: 'service' | 'blob'): Promise<string> {
  return page().evaluate(
    (url, from, source, code) =>
      new Promise<string>((resolve) => {
        const scriptUrl =
          from === 'blob'
            ? URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))
            : source;
        const worker = new Worker(scriptUrl);
        worker.onmessage = (message) => resolve(String(message.data));
        worker.postMessage(url);
      }),
    url,
    from,
    service.url('/socket-worker.js'),
    SOCKET_WORKER,
  );
}

// Chromium does not pass WebSocket handshakes through the request interception: the wall is a
// connect-src policy on service documents and worker scripts (see connect-wall.ts).
describe('WebSocket wall', () => {
  it('a WebSocket to an allowed origin connects and echoes, from the page and a worker', async () => {
    await freshServicePage();
    expect(await socketFromPage(allowedSocket.url('/page'))).toBe('echo hello');
    expect(await socketFromWorker(allowedSocket.url('/worker'), 'service')).toBe('echo hello');
    expect(allowedSocket.handshakes).toEqual(['/page', '/worker']);
  });

  it.each([
    ['the page', () => socketFromPage(foreignSocket.url('/page'))],
    ['a worker of the service', () => socketFromWorker(foreignSocket.url('/worker'), 'service')],
    ['a blob worker', () => socketFromWorker(foreignSocket.url('/blob'), 'blob')],
  ])(
    'a WebSocket to a foreign origin from %s never connects, and is counted',
    async (_from, open) => {
      await freshServicePage();
      const blocked = nextEvent(browser, 'blocked', (e) =>
        e.url.startsWith(foreignSocket.url('/')),
      );
      expect(await open()).toBe('error');
      expect(await blocked).toMatchObject({ reason: 'origin-not-allowed', context: 'subresource' });
      expect(foreignSocket.handshakes).toEqual([]);
      expect(page().url()).toBe(service.url('/'));
    },
  );

  it('a page a service worker would answer comes from the network, walled like any other', async () => {
    await freshServicePage();
    await page().evaluate(async () => {
      const registration = await navigator.serviceWorker.register('/sw/worker.js', {
        scope: '/sw/',
      });
      const worker = registration.installing ?? registration.waiting ?? registration.active;
      if (!worker) throw new Error('no service worker');
      if (worker.state !== 'activated')
        await new Promise((resolve) =>
          worker.addEventListener('statechange', () => {
            if (worker.state === 'activated') resolve(undefined);
          }),
        );
    });
    await browser.navigate(service.url('/sw/page'));
    expect(await page().evaluate(() => document.body.textContent)).toBe('from the network');
    const blocked = nextEvent(browser, 'blocked', (e) => e.url.startsWith(foreignSocket.url('/')));
    expect(await socketFromPage(foreignSocket.url('/sw'))).toBe('error');
    await blocked;
    expect(foreignSocket.handshakes).toEqual([]);
  });
});
