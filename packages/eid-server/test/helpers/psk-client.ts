import { request } from 'node:https';
import { connect } from 'node:tls';
import { readResponse, type HttpsAnswer } from './https-client.js';

/** The TLS-PSK channel AusweisApp opens to PAOS (TR-03124-1, eid-server.md). */
export const AUSWEISAPP_PSK_CIPHER = 'RSA-PSK-AES256-GCM-SHA384';

export interface PskRequest {
  /** The PSK identity: the TC token's SessionIdentifier. */
  identity: string;
  psk: Buffer;
  /** The server's (self-signed) certificate, PEM: RSA-PSK still authenticates the server. */
  ca: string;
  body: string | Buffer;
  contentType?: string;
}

/**
 * One POST over a fresh TLS 1.2 RSA-PSK connection, as AusweisApp sends a PAOS message. A refused
 * handshake rejects with the TLS error: there is no HTTP answer then.
 */
export function pskPost(url: string, options: PskRequest): Promise<HttpsAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': options.contentType ?? 'application/vnd.paos+xml' },
        // Without an agent, the request runs on this one connection (no pooling, no reuse).
        createConnection: () =>
          connect({
            host: target.hostname,
            port: Number(target.port),
            servername: 'localhost',
            ca: options.ca,
            ciphers: AUSWEISAPP_PSK_CIPHER,
            maxVersion: 'TLSv1.2',
            pskCallback: () => ({ identity: options.identity, psk: options.psk }),
          }),
      },
      (response) => void readResponse(response).then(resolve, reject),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
