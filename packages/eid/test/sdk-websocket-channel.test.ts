import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { UnparsableFrame, type ChannelClosed } from '../src/sdk/channel.js';
import { SdkClient } from '../src/sdk/client.js';
import { ProtocolViolationError, type SdkError } from '../src/sdk/errors.js';
import { WebSocketChannel } from '../src/sdk/websocket-channel.js';
import { Secret } from '@sidbox/runtime';
import { freePort } from './helpers/free-port.js';

/** A stand-in AusweisApp endpoint: records upgrade headers and frames, lets the test reply. */
async function fakeAusweisApp(port = 0) {
  const server = new WebSocketServer({ host: '127.0.0.1', port, path: '/eID-Kernel' });
  await new Promise((resolve) => server.once('listening', resolve));
  const frames: string[] = [];
  const connected = new Promise<{ socket: WebSocket; request: IncomingMessage }>((resolve) =>
    server.once('connection', (socket, request) => {
      socket.on('message', (data) => frames.push(String(data)));
      resolve({ socket, request });
    }),
  );
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/eID-Kernel`;
  servers.push(server);
  return { server, url, frames, connected };
}

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

function nextFrame(socket: WebSocket): Promise<string> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(String(data))));
}

function closeOf(channel: WebSocketChannel): Promise<ChannelClosed> {
  return new Promise((resolve) => channel.onClose(resolve));
}

describe('WebSocketChannel', () => {
  it('sends a User-Agent and no Origin', async () => {
    const peer = await fakeAusweisApp();
    const channel = await WebSocketChannel.connect(peer.url, { userAgent: 'SIDbox-test/1' });
    const { request } = await peer.connected;
    expect(request.headers['user-agent']).toBe('SIDbox-test/1');
    expect(request.headers.origin).toBeUndefined();
    channel.close();
  });

  it('reveals a Secret only on the wire', async () => {
    const peer = await fakeAusweisApp();
    const channel = await WebSocketChannel.connect(peer.url);
    const { socket } = await peer.connected;
    const frame = nextFrame(socket);
    channel.send({ cmd: 'SET_PIN', value: Secret.digits('123456'), request: 'r1' });
    expect(JSON.parse(await frame)).toEqual({ cmd: 'SET_PIN', value: '123456', request: 'r1' });
    channel.close();
  });

  it('keeps messages that arrive before anyone listens', async () => {
    const peer = await fakeAusweisApp();
    peer.server.on('connection', (socket) => {
      socket.send('{"msg":"READER","name":"Simulator","attached":true}');
      socket.send('{"msg":"INSERT_CARD"}');
    });
    const channel = await WebSocketChannel.connect(peer.url);
    const frames: unknown[] = [];
    const both = new Promise<void>((resolve) =>
      channel.onMessage((frame) => {
        if (frames.push(frame) === 2) resolve();
      }),
    );
    await both;
    expect(frames).toEqual([
      { msg: 'READER', name: 'Simulator', attached: true },
      { msg: 'INSERT_CARD' },
    ]);
    channel.close();
  });

  it('hands invalid JSON to the client as an UnparsableFrame, which reports an error', async () => {
    const peer = await fakeAusweisApp();
    const channel = await WebSocketChannel.connect(peer.url);
    const client = new SdkClient(channel);
    const { socket } = await peer.connected;
    const error = new Promise<SdkError>((resolve) => client.onError(resolve));
    const raw = new Promise<unknown>((resolve) => channel.onMessage(resolve));
    socket.send('{"msg": 1234567');
    expect(await raw).toEqual(new UnparsableFrame(15));
    expect(await error).toBeInstanceOf(ProtocolViolationError);
    expect((await error).message).not.toContain('1234567');
    client.close();
  });

  it('reports an unexpected close when the peer goes away', async () => {
    const peer = await fakeAusweisApp();
    const channel = await WebSocketChannel.connect(peer.url);
    const { socket } = await peer.connected;
    const closed = closeOf(channel);
    socket.terminate();
    expect(await closed).toMatchObject({ expected: false });
    expect(channel.closed).toBe(true);
    expect(() => channel.send({ cmd: 'GET_INFO' })).toThrow(/closed/);
  });

  it('reports an expected close after close(), also to late listeners', async () => {
    const peer = await fakeAusweisApp();
    const channel = await WebSocketChannel.connect(peer.url);
    const closed = closeOf(channel);
    channel.close();
    expect(await closed).toEqual({ expected: true, reason: 'closed by us' });
    expect(await closeOf(channel)).toEqual({ expected: true, reason: 'closed by us' });
  });

  it('retries a refused connection until the port opens', async () => {
    const port = await freePort();
    const connecting = WebSocketChannel.connect(`ws://127.0.0.1:${port}/eID-Kernel`, {
      retryUntilMs: 10_000,
    });
    // The first attempts are refused; the endpoint appears afterwards.
    const peer = await fakeAusweisApp(port);
    const channel = await connecting;
    await peer.connected;
    channel.close();
  });

  it('gives up on a refused connection after the deadline', async () => {
    const port = await freePort();
    await expect(
      WebSocketChannel.connect(`ws://127.0.0.1:${port}/eID-Kernel`, { retryUntilMs: 50 }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('fails clearly when the upgrade is refused', async () => {
    const peer = await fakeAusweisApp();
    await expect(WebSocketChannel.connect(peer.url.replace('eID-Kernel', 'other'))).rejects.toThrow(
      /HTTP 400/,
    );
  });
});
