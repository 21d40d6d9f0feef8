import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskAction, KioskView } from '@sidbox/protocol';
import { KioskUiServer } from '../src/kiosk-ui-server/server.js';

let dir: string;
let server: KioskUiServer;
const actions: KioskAction[] = [];
const view = { state: 'idle' } as KioskView;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-ui-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>kiosk</title>');
  server = new KioskUiServer({
    uiDir: dir,
    view: () => view,
    act: async (action) => {
      actions.push(action);
      return { ok: true, data: null };
    },
  });
  await server.start();
});

afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

const token = () => new URL(server.url()).hash.slice('#k='.length);

/** A raw HTTP request, so Host and Origin can be set the way a browser would (or would not). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        // The event stream stays open: the first event is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const host = () => new URL(server.origin).host;
const action = JSON.stringify({ type: 'end' });
const json = { 'content-type': 'application/json' };

describe('kiosk UI server refuses everyone but the kiosk UI', () => {
  it('the kiosk UI itself may act and listen', async () => {
    const acted = await send(
      'POST',
      '/api/action',
      { ...json, host: host(), origin: server.origin, 'x-sidbox-token': token() },
      action,
    );
    expect(acted).toEqual({ status: 200, body: '{"ok":true,"data":null}' });
    const events = await send('GET', `/api/events?token=${token()}`, { host: host() });
    expect(events.status).toBe(200);
    expect(events.body).toContain('event: view\ndata: {"state":"idle"}');
  });

  it('a service page (foreign Origin) is refused even with the token', async () => {
    const before = actions.length;
    const result = await send(
      'POST',
      '/api/action',
      { ...json, host: host(), origin: 'https://service.example', 'x-sidbox-token': token() },
      action,
    );
    expect(result.status).toBe(403);
    const stream = await send('GET', `/api/events?token=${token()}`, {
      host: host(),
      origin: 'https://service.example',
    });
    expect(stream.status).toBe(403);
    expect(actions.length).toBe(before);
  });

  it('a POST without Origin, or without or with a wrong token, is refused', async () => {
    const headers = { ...json, host: host(), origin: server.origin };
    expect(
      (
        await send(
          'POST',
          '/api/action',
          { ...json, host: host(), 'x-sidbox-token': token() },
          action,
        )
      ).status,
    ).toBe(403);
    expect((await send('POST', '/api/action', headers, action)).status).toBe(403);
    expect(
      (await send('POST', '/api/action', { ...headers, 'x-sidbox-token': 'guess' }, action)).status,
    ).toBe(403);
    expect((await send('GET', '/api/events', { host: host() })).status).toBe(403);
  });

  it('a foreign Host (DNS rebinding) is refused, for files too', async () => {
    const result = await send('GET', '/', { host: `evil.example:${new URL(server.origin).port}` });
    expect(result.status).toBe(403);
    expect((await send('GET', '/', { host: host() })).body).toContain('<title>kiosk</title>');
  });

  it('a browser fetch from a service page origin is refused', async () => {
    const response = await fetch(`${server.origin}/api/action`, {
      method: 'POST',
      headers: { ...json, origin: 'https://service.example', 'x-sidbox-token': token() },
      body: action,
    });
    expect(response.status).toBe(403);
  });

  it('files never leave the UI directory', async () => {
    expect((await send('GET', '/..%2f..%2fetc%2fpasswd.txt', { host: host() })).status).toBe(404);
  });
});
