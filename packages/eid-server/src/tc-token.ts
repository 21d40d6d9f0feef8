import { CodedError } from '@sidbox/runtime';
import { hexBinary } from './xml/hex-binary.js';
import { el, xmlDocument } from './xml/write.js';

export interface TcTokenInput {
  /** The PAOS endpoint (https). */
  serverAddress: string;
  /** Also the TLS-PSK identity AusweisApp sends and its "requestid" HTTP header. */
  sessionIdentifier: string;
  /** Where the citizen's browser goes when the authentication is over (https). */
  refreshAddress: string;
  communicationErrorAddress?: string;
  psk: Buffer;
}

export type TcTokenErrorCode = 'invalid-address' | 'invalid-session' | 'invalid-psk';

export class TcTokenError extends CodedError<TcTokenErrorCode> {}

// TR-03130's PreSharedKeyType: at least 16 octets.
const MIN_PSK_BYTES = 16;

function requireHttps(address: string, what: string): void {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new TcTokenError('invalid-address', `${what} is not a URL`);
  }
  // AusweisApp refuses a ServerAddress (and, outside developer mode, a RefreshAddress) not https.
  if (url.protocol !== 'https:') throw new TcTokenError('invalid-address', `${what} is not https`);
}

/** TR-03124-1 TCTokenType for the PAOS binding over TLS-PSK (RFC 4279). */
export function tcTokenXml(input: TcTokenInput): string {
  requireHttps(input.serverAddress, 'ServerAddress');
  requireHttps(input.refreshAddress, 'RefreshAddress');
  if (input.communicationErrorAddress !== undefined) {
    requireHttps(input.communicationErrorAddress, 'CommunicationErrorAddress');
  }
  if (input.sessionIdentifier.trim() === '') {
    throw new TcTokenError('invalid-session', 'SessionIdentifier empty');
  }
  if (input.psk.length < MIN_PSK_BYTES) throw new TcTokenError('invalid-psk', 'PSK too short');
  return xmlDocument(
    el('TCTokenType', [
      el('ServerAddress', input.serverAddress),
      el('SessionIdentifier', input.sessionIdentifier),
      el('RefreshAddress', input.refreshAddress),
      input.communicationErrorAddress === undefined
        ? undefined
        : el('CommunicationErrorAddress', input.communicationErrorAddress),
      el('Binding', 'urn:liberty:paos:2006-08'),
      el('PathSecurity-Protocol', 'urn:ietf:rfc:4279'),
      el('PathSecurity-Parameters', el('PSK', hexBinary(input.psk))),
    ]),
  );
}
