import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import type { CustomFetchOptions } from 'openid-client';
import { httpsRequest, type HttpsAnswer } from './https-client.js';

/**
 * A browser's part in an OpenID sign-in, played with plain HTTPS requests: it keeps the cookies
 * the provider sets (per origin and path, as a browser does) and follows nothing by itself, so a
 * test sees every redirect. Trusts exactly the test eID-Server's certificate.
 */
export class OidcBrowser {
  readonly #cookies = new Map<string, { value: string; path: string }>();

  constructor(private readonly ca: string) {}

  async get(url: string): Promise<HttpsAnswer> {
    const { pathname } = new URL(url);
    const cookie = [...this.#cookies]
      .filter(([, { path }]) => pathname === path || pathname.startsWith(path.replace(/\/?$/, '/')))
      .map(([name, { value }]) => `${name}=${value}`)
      .join('; ');
    const answer = await httpsRequest(url, { ca: this.ca, headers: cookie ? { cookie } : {} });
    for (const line of [answer.headers['set-cookie'] ?? []].flat()) this.#store(line);
    return answer;
  }

  /** GET, then where it redirects to (absolute). */
  async redirect(url: string): Promise<URL> {
    const answer = await this.get(url);
    const location = answer.headers['location'];
    if (answer.status < 300 || answer.status > 399 || typeof location !== 'string')
      throw new Error(`${new URL(url).pathname} answered ${answer.status}, not a redirect`);
    return new URL(location, url);
  }

  #store(line: string): void {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    const expired = attributes.some((a) => /^expires=Thu, 01 Jan 1970/i.test(a));
    if (expired || value === '') this.#cookies.delete(name);
    else this.#cookies.set(name, { value, path });
  }
}

/** fetch for openid-client, over the test's HTTPS client that trusts the test certificate. */
export function fetchTrusting(ca: string) {
  return async (url: string, init: Partial<CustomFetchOptions> = {}): Promise<Response> => {
    const answer = await httpsRequest(url, {
      ca,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers)),
      ...(init.body !== undefined &&
        init.body !== null && {
          body:
            init.body instanceof Uint8Array ? Buffer.from(init.body).toString() : String(init.body),
        }),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers))
      for (const one of [value ?? []].flat()) headers.append(name, one);
    return new Response(answer.body === '' ? null : answer.body, {
      status: answer.status,
      headers,
    });
  };
}

/** The payload of a compact JWS signed ES256 by a key of the JWKS; throws when it does not verify. */
export function verifyEs256(jwt: string, jwks: { keys: (JsonWebKey & { kid?: string })[] }) {
  const [header = '', payload = '', signature = ''] = jwt.split('.');
  const { alg, kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as {
    alg: string;
    kid: string;
  };
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (alg !== 'ES256' || jwk === undefined) throw new Error(`no ES256 key ${kid} in the JWKS`);
  const valid = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new Error('the signature does not verify');
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}
