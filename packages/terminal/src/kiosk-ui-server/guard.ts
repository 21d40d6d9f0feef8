import { timingSafeEqual } from 'node:crypto';

/** Why a request to the kiosk UI server was refused. */
export type RefusalCode = 'bad-host' | 'bad-origin' | 'bad-token';

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  token: string | undefined;
}

/**
 * Only the kiosk UI may drive the daemon. Three walls, checked in order:
 * - Host must be our loopback address (defeats DNS rebinding: a foreign name resolving to
 *   127.0.0.1 still carries its own Host);
 * - Origin, when the browser sends one (always for POST, for cross-origin GET), must be the
 *   kiosk origin (a service page's fetch carries its own origin);
 * - the per-launch secret token, which only kiosk pages know (URL fragment, never sent over
 *   the network, unreadable across origins), must match.
 */
export function refuse(
  facts: RequestFacts,
  kioskOrigins: readonly string[],
  token: string,
  requireOrigin: boolean,
): RefusalCode | undefined {
  const hosts = kioskOrigins.map((origin) => new URL(origin).host);
  if (!facts.host || !hosts.includes(facts.host)) return 'bad-host';
  if (facts.origin === undefined ? requireOrigin : !kioskOrigins.includes(facts.origin)) {
    return 'bad-origin';
  }
  if (!facts.token || !sameSecret(facts.token, token)) return 'bad-token';
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
