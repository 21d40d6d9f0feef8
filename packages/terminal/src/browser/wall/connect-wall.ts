import type { CDPSession, Protocol } from 'puppeteer-core';
import { decideNavigation, type OriginIndex } from '../decide-navigation.js';
import { EID_CLIENT_PORT } from '../origins.js';

/**
 * The wall for connections the request interception never sees. Chromium 156 does not pause
 * WebSocket handshakes in Fetch (and neither the URL policy nor Network.setBlockedURLs stops
 * them), so service documents and worker scripts get a `connect-src` Content-Security-Policy
 * naming exactly the origins the rules allow. A page can add policies but never remove one, and
 * the renderer refuses a foreign WebSocket (or fetch, EventSource, beacon) before any byte is
 * sent. Documents need `Fetch.fulfillRequest`: Chromium ignores a CSP added to a navigation's
 * headers by `continueResponse` (it parsed them before), but not one of a fulfilled response.
 * Service workers could answer a navigation without the network (and so without the policy);
 * the page session bypasses them (`Network.setBypassServiceWorker`).
 */

/** Response-stage patterns: documents (pages, frames) and worker scripts (type Other). */
export const CONNECT_WALL_PATTERNS: Protocol.Fetch.RequestPattern[] = [
  { urlPattern: '*', resourceType: 'Document', requestStage: 'Response' },
  { urlPattern: '*', resourceType: 'Other', requestStage: 'Response' },
];

/** The eID-Client that pages may fetch (status probes, starts by fetch): the interception answers. */
const EID_CLIENT_SOURCES = [
  `http://127.0.0.1:${EID_CLIENT_PORT}`,
  `http://localhost:${EID_CLIENT_PORT}`,
];

/** The one policy: every allowed origin over http(s) and its ws(s) twin, the eID-Client, data: and blob:. */
export function connectSrcPolicy(index: OriginIndex): string {
  const origins = [...index.kiosk, ...index.services.keys()];
  const sockets = origins.map((origin) => origin.replace(/^http/, 'ws'));
  const sources = [...new Set([...origins, ...sockets, ...EID_CLIENT_SOURCES])];
  return `connect-src ${[...sources, 'data:', 'blob:'].join(' ')}`;
}

/** Types a browser may run script in when they come as a document (none: sniffed). */
const SCRIPTABLE = new Set([
  '',
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
]);

/** Headers that describe the body as sent; a fulfilled body is already decoded. */
const BODY_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding']);

export type ResponseAction =
  | { kind: 'continue' }
  /** Worker scripts: continue with the policy added to the headers. */
  | { kind: 'add-policy'; headers: Protocol.Fetch.HeaderEntry[] }
  /** Documents: fulfilled with their own body and the policy added. */
  | { kind: 'fulfill'; headers: Protocol.Fetch.HeaderEntry[] };

/** What to do with a paused response (pure: the tests give it plain events). */
export function responseAction(
  event: Pick<
    Protocol.Fetch.RequestPausedEvent,
    'resourceType' | 'responseStatusCode' | 'responseHeaders'
  > & { request: { url: string } },
  index: OriginIndex,
): ResponseAction {
  const status = event.responseStatusCode;
  if (status === undefined || status < 200 || status > 299 || status === 204 || status === 205)
    return { kind: 'continue' };
  const decision = decideNavigation(event.request.url, 'subresource', index);
  if (decision.action !== 'allow' || decision.target.kind !== 'service')
    return { kind: 'continue' };
  const headers = event.responseHeaders ?? [];
  const policy = { name: 'Content-Security-Policy', value: connectSrcPolicy(index) };
  if (event.resourceType !== 'Document')
    return { kind: 'add-policy', headers: [...headers, policy] };
  const header = (name: string) =>
    headers.find((h) => h.name.toLowerCase() === name)?.value.toLowerCase() ?? '';
  if (header('content-disposition').trim().startsWith('attachment')) return { kind: 'continue' };
  if (!SCRIPTABLE.has(header('content-type').split(';')[0]?.trim() ?? ''))
    return { kind: 'continue' };
  return {
    kind: 'fulfill',
    headers: [...headers.filter((h) => !BODY_HEADERS.has(h.name.toLowerCase())), policy],
  };
}

/** Carries out a ResponseAction; a document whose body cannot be read does not load at all. */
export async function answerPausedResponse(
  session: CDPSession,
  event: Protocol.Fetch.RequestPausedEvent,
  action: ResponseAction,
): Promise<void> {
  const { requestId } = event;
  if (action.kind === 'continue') {
    await session.send('Fetch.continueRequest', { requestId });
  } else if (action.kind === 'add-policy') {
    await session.send('Fetch.continueResponse', {
      requestId,
      responseCode: event.responseStatusCode,
      responseHeaders: action.headers,
    });
  } else {
    const body = await session.send('Fetch.getResponseBody', { requestId }).catch(() => null);
    if (!body) {
      await session.send('Fetch.failRequest', { requestId, errorReason: 'Failed' });
      return;
    }
    await session.send('Fetch.fulfillRequest', {
      requestId,
      responseCode: event.responseStatusCode ?? 200,
      responseHeaders: action.headers,
      body: body.base64Encoded ? body.body : Buffer.from(body.body).toString('base64'),
    });
  }
}

const REFUSED =
  /^Connecting to '([^']+)' violates the following Content Security Policy directive: "([^"]+)"/;

/** The URL our policy refused, from Chromium's console message; null for anything else. */
export function refusedByConnectWall(text: string, index: OriginIndex): string | null {
  const match = REFUSED.exec(text);
  return match?.[1] && match[2] === connectSrcPolicy(index) ? match[1] : null;
}
