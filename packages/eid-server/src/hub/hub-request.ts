import type { LoadedHub } from '../config/load.js';

const TIMEOUT_MS = 5_000;

/**
 * A request to the hub with the eID-Server's key as Bearer, no redirects, a 5 s limit.
 * `unreachable` names the caller's error for a hub that does not answer at all.
 */
export async function sendToHub(
  hub: LoadedHub,
  path: string,
  init: RequestInit,
  unreachable: (cause: unknown) => Error,
): Promise<Response> {
  try {
    return await fetch(new URL(path, hub.url), {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${hub.apiKey}` },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(error);
  }
}
