import type { AuthenticationRequest } from '../../src/authentication-service.js';
import { httpsRequest, type HttpsAnswer } from './https-client.js';
import { pskPost } from './psk-client.js';

/** How a test reaches a running eID-Server as the self-check eService. */
export interface EidServerAccess {
  origin: string;
  ca: string;
  apiKey: string;
}

/** A started session seen from both sides: the eService's and the eID-Client's. */
export interface PaosSession {
  sessionId: string;
  psk: Buffer;
  tcToken: HttpsAnswer;
  /** One PAOS message over its own TLS-PSK connection with this session's identity and PSK. */
  paos(body: string | Buffer, contentType?: string): Promise<HttpsAnswer>;
  result(): Promise<HttpsAnswer>;
}

export const namesRequest: AuthenticationRequest = {
  operations: { givenNames: 'REQUIRED', familyNames: 'ALLOWED' },
};

/** Starts a session over the JSON API and reads its TC token, as a browser would. */
export async function openPaosSession(
  access: EidServerAccess,
  request: AuthenticationRequest = namesRequest,
): Promise<PaosSession> {
  const auth = { authorization: `Bearer ${access.apiKey}` };
  const started = await httpsRequest(`${access.origin}/api/v1/sessions`, {
    method: 'POST',
    ca: access.ca,
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ refreshAddress: `${access.origin}/done`, ...request }),
  });
  if (started.status !== 201) throw new Error(`session start answered ${started.status}`);
  const { sessionId, tcTokenURL } = JSON.parse(started.body) as {
    sessionId: string;
    tcTokenURL: string;
  };
  const tcToken = await httpsRequest(tcTokenURL, { ca: access.ca });
  const psk = /<PSK>([0-9a-fA-F]+)<\/PSK>/.exec(tcToken.body)?.[1];
  if (psk === undefined) throw new Error('the TC token has no PSK');
  return {
    sessionId,
    psk: Buffer.from(psk, 'hex'),
    tcToken,
    paos: (body, contentType) =>
      pskPost(`${access.origin}/paos`, {
        identity: sessionId,
        psk: Buffer.from(psk, 'hex'),
        ca: access.ca,
        body,
        ...(contentType !== undefined && { contentType }),
      }),
    result: () =>
      httpsRequest(`${access.origin}/api/v1/sessions/${sessionId}/result`, {
        ca: access.ca,
        headers: auth,
      }),
  };
}
