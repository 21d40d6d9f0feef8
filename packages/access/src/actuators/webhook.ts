import { createHmac } from 'node:crypto';
import type { Actuator } from '../ports.js';

export interface WebhookActuatorOptions {
  url: string;
  /** Signs the body: `X-Sidbox-Signature: sha256=<hex HMAC-SHA256>`. */
  secret?: string;
  timeoutMs: number;
  now?: () => Date;
}

export const signatureHeader = 'x-sidbox-signature';

/** The body's HMAC-SHA256 as the header carries it. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * POSTs `{"event":"access-granted","decisionId","at"}` on a grant; any 2xx counts as opened.
 * The time and the decision id let a receiver refuse a replayed request.
 */
export class WebhookActuator implements Actuator {
  constructor(private readonly options: WebhookActuatorOptions) {}

  async open(decisionId: string): Promise<void> {
    const at = (this.options.now?.() ?? new Date()).toISOString();
    const body = JSON.stringify({ event: 'access-granted', decisionId, at });
    const response = await fetch(this.options.url, {
      method: 'POST',
      signal: AbortSignal.timeout(this.options.timeoutMs),
      headers: {
        'content-type': 'application/json',
        ...(this.options.secret !== undefined && {
          [signatureHeader]: webhookSignature(this.options.secret, body),
        }),
      },
      body,
    });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
  }

  async close(): Promise<void> {}
}
