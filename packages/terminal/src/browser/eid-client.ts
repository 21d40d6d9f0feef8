import { isEidClientPort, parseUrl } from './origins.js';

/**
 * What a request to `http://127.0.0.1:24727/…` asks of the eID-Client (TR-03124-1 §2.2).
 * The kiosk answers all of these itself; nothing reaches a real AusweisApp port.
 */
export type EidClientRequest =
  | { kind: 'start'; tcTokenURL: string }
  | { kind: 'status'; format: 'text' | 'json' }
  /** Anything else on the port (other paths, `ShowUI`, hidden settings, WebSocket): refused. */
  | { kind: 'other' };

/** `null` when the URL is not aimed at the eID-Client port at all. */
export function classifyEidClientRequest(rawUrl: string): EidClientRequest | null {
  const url = parseUrl(rawUrl);
  if (!url || !isEidClientPort(url)) return null;
  if (url.protocol !== 'http:' || url.pathname.toLowerCase() !== '/eid-client') {
    return { kind: 'other' };
  }
  const tcTokenURL = url.searchParams.get('tcTokenURL');
  if (tcTokenURL) return { kind: 'start', tcTokenURL };
  if (url.searchParams.has('Status')) {
    return { kind: 'status', format: url.searchParams.get('Status') === 'json' ? 'json' : 'text' };
  }
  return { kind: 'other' };
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The version record AusweisApp 1.26.2 reports on `?Status`, with our own name: services
 * only check the TR-03124 specification fields, and claiming to be AusweisApp would be a lie.
 */
export const EID_CLIENT_VERSION_INFO = {
  'Implementation-Title': 'SIDbox',
  'Implementation-Vendor': 'SIDbox',
  'Implementation-Version': '0.1.0',
  Name: 'SIDbox eID-Client',
  'Specification-Title': 'TR-03124',
  'Specification-Vendor': 'Federal Office for Information Security',
  'Specification-Version': '1.3',
} as const;

const SERVER_HEADER = 'SIDbox/0.1.0 (TR-03124-1/1.3)';

/** `?Status=json` carries `Access-Control-Allow-Origin: *` so that pages can read it, as in 1.26.2. */
export function statusAnswer(format: 'text' | 'json'): HttpAnswer {
  if (format === 'json') return readableJson(EID_CLIENT_VERSION_INFO);
  const lines = Object.entries(EID_CLIENT_VERSION_INFO).map(([key, value]) => `${key}: ${value}`);
  return {
    status: 200,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Server: SERVER_HEADER },
    body: `${lines.join('\n')}\n`,
  };
}

/** A navigation start is answered like an eID-Client: "303 See Other" to the refresh address. */
export function redirectAnswer(location: string): HttpAnswer {
  return {
    status: 303,
    headers: { Location: location, Server: SERVER_HEADER, 'Content-Length': '0' },
    body: '',
  };
}

/**
 * A script start (fetch/XHR) gets a readable JSON answer instead of a redirect: following a
 * redirect inside fetch would load the one-time refresh address invisibly in the background,
 * so the kiosk shows it in the top-level view instead and tells the script where it went.
 */
export function scriptStartAnswer(location: string): HttpAnswer {
  return readableJson({ redirect: location });
}

/** JSON any page may read (`Access-Control-Allow-Origin: *`), as AusweisApp answers it. */
function readableJson(body: unknown): HttpAnswer {
  return {
    status: 200,
    headers: {
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': '*',
      Server: SERVER_HEADER,
    },
    body: JSON.stringify(body),
  };
}

export function notFoundAnswer(): HttpAnswer {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', Server: SERVER_HEADER },
    body: 'Not Found\n',
  };
}
