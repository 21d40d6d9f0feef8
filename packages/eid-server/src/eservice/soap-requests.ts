import type { OperationSelection, RequestedOperations } from '../operations.js';
import type { XmlElement } from '../xml/element.js';
import { parseXml } from '../xml/parse.js';
import { type ElementReader, elementReader } from '../xml/read.js';
import { soapParts } from '../xml/soap-envelope.js';
import { SoapError } from './soap-error.js';
import { tr03130OperationNames } from './soap-names.js';

/** Requests carry a WS-Security header with a certificate and signature: some KiB. */
export const ESERVICE_MAX_BYTES = 256 * 1024;

export interface PresharedKey {
  /** Becomes the TC token's SessionIdentifier (the TLS-PSK identity). */
  id: string;
  key: Buffer;
}

export interface UseIdRequest {
  operation: 'useID';
  /** Every operation the request names; absent ones are PROHIBITED. */
  operations: RequestedOperations;
  /** TR-03130 names asked for (REQUIRED or ALLOWED) that this server does not offer. */
  unsupportedOperations: string[];
  ageVerificationAge?: number;
  /** The community id prefix to verify against (PlaceVerificationRequest/CommunityID). */
  placeVerificationCommunityId?: string;
  psk?: PresharedKey;
  transactionInfo?: string;
}

export interface GetResultRequest {
  operation: 'getResult';
  sessionId: Buffer;
  requestCounter: number;
}

export type EServiceRequest = UseIdRequest | GetResultRequest | { operation: 'getServerInfo' };

const read: ElementReader = elementReader((reason) => new SoapError('malformed', reason));
const operationByElement = new Map(tr03130OperationNames.map(([ours, theirs]) => [theirs, ours]));
const selections: readonly OperationSelection[] = ['REQUIRED', 'ALLOWED', 'PROHIBITED'];

function invalid(reason: string): never {
  throw new SoapError('invalid-value', reason);
}

function selectionOf(element: XmlElement): OperationSelection {
  // The XSD's default: an empty element means PROHIBITED.
  const selection = selections.find((name) => name === (element.text || 'PROHIBITED'));
  return selection ?? invalid(`${element.name} is not REQUIRED, ALLOWED or PROHIBITED`);
}

function parseOperations(useOperations: XmlElement): Omit<UseIdRequest, 'operation'> {
  const operations: RequestedOperations = {};
  const unsupportedOperations: string[] = [];
  for (const element of useOperations.children) {
    const selection = selectionOf(element);
    const ours = operationByElement.get(element.name);
    if (ours === undefined) {
      if (selection !== 'PROHIBITED') unsupportedOperations.push(element.name);
    } else if (operations[ours] !== undefined) {
      read.fail(`more than one ${element.name}`);
    } else {
      operations[ours] = selection;
    }
  }
  return { operations, unsupportedOperations };
}

function integer(text: string, what: string): number {
  if (!/^\+?\d{1,9}$/.test(text)) invalid(`${what} is not a number`);
  return Number(text);
}

function parseAge(request: XmlElement): number | undefined {
  const verification = read.optional(request, 'AgeVerificationRequest');
  return verification === undefined ? undefined : integer(read.text(verification, 'Age'), 'Age');
}

// The XSD's pattern: a prefix of the 0SSSKKGGGG… community id hierarchy.
const communityIdPattern = /^0[0-9]{3}(?:[0-9]{2}(?:0[0-9](?:[0-9]{2}(?:0[0-9]{3})?)?)?)?$/;

function parseCommunityId(request: XmlElement): string | undefined {
  const verification = read.optional(request, 'PlaceVerificationRequest');
  if (verification === undefined) return undefined;
  const communityId = read.text(verification, 'CommunityID');
  if (!communityIdPattern.test(communityId)) invalid('CommunityID does not fit the pattern');
  return communityId;
}

// PreSharedKeyType: ID at least 16 characters, Key at least 16 octets.
function parsePsk(request: XmlElement): PresharedKey | undefined {
  const psk = read.optional(request, 'PSK');
  if (psk === undefined) return undefined;
  const id = read.text(psk, 'ID');
  const key = read.requiredHex(psk, 'Key');
  if (id.length < 16 || key.length < 16) invalid('PSK too short');
  // TLS-PSK limits (OpenSSL: identity ≤ 128 bytes in older releases, keys ≤ 64 bytes here).
  if (Buffer.byteLength(id) > 128 || key.length > 64) invalid('PSK too long');
  return { id, key };
}

function parseUseId(request: XmlElement): UseIdRequest {
  const age = parseAge(request);
  const communityId = parseCommunityId(request);
  const psk = parsePsk(request);
  const transactionInfo = read.optionalText(request, 'TransactionInfo');
  return {
    operation: 'useID',
    ...parseOperations(read.required(request, 'UseOperations')),
    ...(age === undefined ? {} : { ageVerificationAge: age }),
    ...(communityId === undefined ? {} : { placeVerificationCommunityId: communityId }),
    ...(psk === undefined ? {} : { psk }),
    ...(transactionInfo === undefined ? {} : { transactionInfo }),
  };
}

function parseGetResult(request: XmlElement): GetResultRequest {
  const sessionId = read.requiredHex(read.required(request, 'Session'), 'ID');
  if (sessionId.length < 16) invalid('Session ID too short');
  return {
    operation: 'getResult',
    sessionId,
    requestCounter: integer(read.text(request, 'RequestCounter'), 'RequestCounter'),
  };
}

/**
 * One request of the TR-03130 eID web service (SOAP 1.1, document/literal). The WS-Security
 * header is not looked at here: authenticating the eService is the caller's job.
 */
export function parseEServiceRequest(
  xml: string | Buffer,
  maxBytes: number = ESERVICE_MAX_BYTES,
): EServiceRequest {
  const { content } = soapParts(parseXml(xml, maxBytes), read);
  switch (content.name) {
    case 'useIDRequest':
      return parseUseId(content);
    case 'getResultRequest':
      return parseGetResult(content);
    case 'getServerInfoRequest':
      return { operation: 'getServerInfo' };
    default:
      throw new SoapError('unknown-operation', `unknown request ${content.name}`);
  }
}
