/**
 * URL and origin helpers for the kiosk's allowlist. Chromium compares origins after WHATWG
 * parsing (lower-case host, punycode, default port dropped), so we do the same and compare
 * exact strings: no suffix or substring matching that a crafted host could satisfy.
 */

/** The port a page uses to start the eID-Client (TR-03124-1). */
export const EID_CLIENT_PORT = 24727;

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The canonical origin of a configured origin string, e.g. `HTTPS://Bürger.Example:443/` →
 * `https://xn--brger-kva.example`. Throws on anything that is not an http(s) origin, so a bad
 * config fails loudly instead of allowing too much.
 */
export function canonicalOrigin(origin: string): string {
  const url = parseUrl(origin);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`not an http(s) origin: ${origin}`);
  }
  if (url.username || url.password) throw new Error(`origin with credentials: ${origin}`);
  return url.origin;
}

/** Hosts that resolve to this machine; a page must never reach a real local port through them. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]' ||
    host === '0.0.0.0' ||
    host === '[::]'
  );
}

/** A URL aimed at the eID-Client port on this machine (any path: all of it is ours to answer). */
export function isEidClientPort(url: URL): boolean {
  return (
    (url.protocol === 'http:' || url.protocol === 'ws:') &&
    isLoopbackHost(url.hostname) &&
    Number(url.port || 80) === EID_CLIENT_PORT
  );
}
