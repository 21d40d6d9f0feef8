import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signatureHeader, webhookSignature, WebhookActuator } from '../src/actuators/webhook.js';

let server: Server | undefined;
afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

/** A local HTTP receiver answering `status`; resolves each request's headers and body. */
async function receiver(status: number) {
  const requests: { headers: IncomingHttpHeaders; body: string }[] = [];
  const listening = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({ headers: request.headers, body });
      response.writeHead(status).end();
    });
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}/door`, requests };
}

const at = new Date('2025-03-05T09:00:00Z');
const decisionId = '00000000-0000-4000-8000-000000000001';

describe('the webhook actuator', () => {
  it('POSTs the grant signed with HMAC-SHA256 of the exact body', async () => {
    const { url, requests } = await receiver(204);
    await new WebhookActuator({ url, secret: 's3cret', timeoutMs: 2000, now: () => at }).open(
      decisionId,
    );
    expect(requests).toHaveLength(1);
    const [{ headers, body }] = requests as [(typeof requests)[number]];
    expect(JSON.parse(body)).toEqual({
      event: 'access-granted',
      decisionId,
      at: at.toISOString(),
    });
    expect(headers[signatureHeader]).toBe(webhookSignature('s3cret', body));
    expect(headers[signatureHeader]).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('sends no signature without a secret', async () => {
    const { url, requests } = await receiver(200);
    await new WebhookActuator({ url, timeoutMs: 2000 }).open(decisionId);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers).not.toHaveProperty(signatureHeader);
  });

  it('fails when the receiver does not answer 2xx', async () => {
    const { url } = await receiver(500);
    await expect(new WebhookActuator({ url, timeoutMs: 2000 }).open(decisionId)).rejects.toThrow(
      'webhook answered HTTP 500',
    );
  });
});
