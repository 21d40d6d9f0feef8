import { connect } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { backends, startTestHub } from './helpers/hub.js';

describe.each(backends)('closing the hub (%s)', (backend) => {
  it('does not wait for a connection that never sent a request', async () => {
    const hub = await startTestHub(backend);
    const socket = connect(Number(new URL(hub.url).port), '127.0.0.1');
    await once(socket, 'connect');
    const closed = once(socket, 'close');
    const started = Date.now();
    await hub.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
