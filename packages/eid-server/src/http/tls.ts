import type { TLSSocket } from 'node:tls';
import { constants } from 'node:crypto';

/**
 * The eID-Server's one HTTPS port serves two kinds of TLS: ordinary certificate TLS for TC
 * tokens, the eService interface and the self-check pages, and TLS 1.2 RSA-PSK for PAOS
 * (TR-03124-1: the PSK from the TC token, its identity the SessionIdentifier). The identity a
 * connection authenticated with is remembered per socket, so the PAOS handler knows its session.
 */
export const PSK_CIPHER = 'RSA-PSK-AES256-GCM-SHA384';

/** Ordinary ciphers first (browsers, eServices), then the PSK suite AusweisApp offers for PAOS. */
const CIPHERS = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256',
  'TLS_CHACHA20_POLY1305_SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  PSK_CIPHER,
].join(':');

export interface PskRegistry {
  pskFor(identity: string): Buffer | undefined;
}

export class PskIdentities {
  readonly #bySocket = new WeakMap<TLSSocket, string>();

  constructor(private readonly registry: PskRegistry) {}

  /** Node's `pskCallback`: the session's PSK, or null to refuse the handshake. */
  readonly callback = (socket: TLSSocket, identity: string): Buffer | null => {
    const psk = this.registry.pskFor(identity);
    if (psk === undefined) return null;
    this.#bySocket.set(socket, identity);
    return psk;
  };

  /** The identity a socket's TLS-PSK handshake used; undefined for certificate TLS. */
  identityOf(socket: unknown): string | undefined {
    return this.#bySocket.get(socket as TLSSocket);
  }
}

export interface TlsOptions {
  key: string;
  cert: string;
  requestClientCertificate: boolean;
  psk: PskIdentities;
}

export function httpsOptions(options: TlsOptions) {
  return {
    key: options.key,
    cert: options.cert,
    ciphers: CIPHERS,
    minVersion: 'TLSv1.2' as const,
    // Renegotiation and compression are off by default in Node; the server picks the cipher.
    secureOptions: constants.SSL_OP_CIPHER_SERVER_PREFERENCE,
    pskCallback: options.psk.callback,
    requestCert: options.requestClientCertificate,
    rejectUnauthorized: false,
  };
}
