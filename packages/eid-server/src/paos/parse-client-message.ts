import { parseDssResult } from '../xml/dss-result.js';
import type { XmlElement } from '../xml/element.js';
import { PAOS_MAX_BYTES, parseXml } from '../xml/parse.js';
import { type ElementReader, elementReader } from '../xml/read.js';
import { soapParts } from '../xml/soap-envelope.js';
import type {
  ApiVersion,
  ClientMessage,
  ConnectionHandle,
  DidAuthenticateOutput,
  PaosHeader,
  UserAgent,
} from './client-message.js';
import { PaosError } from './error.js';

const read: ElementReader = elementReader((reason) => new PaosError('malformed', reason));

function integer(parent: XmlElement, name: string): number {
  const text = read.text(parent, name);
  if (!/^\d{1,9}$/.test(text)) read.fail(`${name} is not a number`);
  return Number(text);
}

function optionalInteger(parent: XmlElement, name: string): number | undefined {
  return read.optional(parent, name) === undefined ? undefined : integer(parent, name);
}

function parseHeader(header: XmlElement | undefined): PaosHeader {
  if (header === undefined) read.fail('Header missing');
  const messageId = read.text(header, 'MessageID');
  if (messageId === '') read.fail('MessageID empty');
  const relatesTo = read.optionalText(header, 'RelatesTo');
  return relatesTo === undefined ? { messageId } : { messageId, relatesTo };
}

function parseConnectionHandle(handle: XmlElement): ConnectionHandle {
  const fields = {
    contextHandle: read.optionalText(handle, 'ContextHandle'),
    ifdName: read.optionalText(handle, 'IFDName'),
    slotIndex: read.optionalText(handle, 'SlotIndex'),
    cardApplication: read.optionalText(handle, 'CardApplication'),
    slotHandle: read.optionalText(handle, 'SlotHandle'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function parseUserAgent(agent: XmlElement): UserAgent {
  const versionSubminor = optionalInteger(agent, 'VersionSubminor');
  return {
    name: read.text(agent, 'Name'),
    versionMajor: integer(agent, 'VersionMajor'),
    versionMinor: integer(agent, 'VersionMinor'),
    ...(versionSubminor === undefined ? {} : { versionSubminor }),
  };
}

function parseApiVersion(version: XmlElement): ApiVersion {
  const minor = optionalInteger(version, 'Minor');
  const subminor = optionalInteger(version, 'Subminor');
  return {
    major: integer(version, 'Major'),
    ...(minor === undefined ? {} : { minor }),
    ...(subminor === undefined ? {} : { subminor }),
  };
}

function parseStartPaos(header: PaosHeader, body: XmlElement): ClientMessage {
  const agent = read.optional(body, 'UserAgent');
  return {
    type: 'StartPAOS',
    header,
    sessionIdentifier: read.text(body, 'SessionIdentifier'),
    connectionHandle: parseConnectionHandle(read.required(body, 'ConnectionHandle')),
    ...(agent === undefined ? {} : { userAgent: parseUserAgent(agent) }),
    supportedApiVersions: read.all(body, 'SupportedAPIVersions').map(parseApiVersion),
  };
}

/** xsi:type names the output; its prefix (if any) is whatever the client declared. */
function localType(element: XmlElement): string {
  return (element.attributes['type'] ?? '').replace(/^.*:/, '');
}

function parseEac1Output(data: XmlElement): DidAuthenticateOutput {
  const chat = read.optionalHex(data, 'CertificateHolderAuthorizationTemplate');
  const certificationAuthorityReferences = read
    .all(data, 'CertificationAuthorityReference')
    .map((car) => car.text);
  if (certificationAuthorityReferences.length > 2) read.fail('more than two CARs');
  return {
    protocol: 'EAC1',
    ...(chat === undefined ? {} : { chat }),
    certificationAuthorityReferences,
    efCardAccess: read.requiredHex(data, 'EFCardAccess'),
    idPicc: read.requiredHex(data, 'IDPICC'),
    challenge: read.requiredHex(data, 'Challenge'),
  };
}

function parseEac2Output(data: XmlElement): DidAuthenticateOutput {
  if (read.optional(data, 'EFCardSecurity') === undefined) {
    return { protocol: 'EAC2Challenge', challenge: read.requiredHex(data, 'Challenge') };
  }
  return {
    protocol: 'EAC2',
    efCardSecurity: read.requiredHex(data, 'EFCardSecurity'),
    authenticationToken: read.requiredHex(data, 'AuthenticationToken'),
    nonce: read.requiredHex(data, 'Nonce'),
  };
}

function parseDidAuthenticateResponse(header: PaosHeader, body: XmlElement): ClientMessage {
  const result = parseDssResult(read.required(body, 'Result'), read);
  if (result.major === 'error') return { type: 'DIDAuthenticateResponse', header, result };
  const data = read.required(body, 'AuthenticationProtocolData');
  const type = localType(data);
  let output: DidAuthenticateOutput;
  if (type === 'EAC1OutputType') output = parseEac1Output(data);
  else if (type === 'EAC2OutputType') output = parseEac2Output(data);
  else read.fail('unknown AuthenticationProtocolData type');
  return { type: 'DIDAuthenticateResponse', header, result, output };
}

function parseTransmitResponse(header: PaosHeader, body: XmlElement): ClientMessage {
  return {
    type: 'TransmitResponse',
    header,
    result: parseDssResult(read.required(body, 'Result'), read),
    outputApdus: read.all(body, 'OutputAPDU').map(read.hex),
  };
}

/**
 * One message from the client (AusweisApp) to the eID-Server, by the Body's element. Anything
 * not well-formed, too large or with a DOCTYPE is an XmlError; a well-formed message the server
 * cannot use is a PaosError.
 */
export function parseClientMessage(
  xml: string | Buffer,
  maxBytes: number = PAOS_MAX_BYTES,
): ClientMessage {
  const parts = soapParts(parseXml(xml, maxBytes), read);
  const header = parseHeader(parts.header);
  const body = parts.content;
  switch (body.name) {
    case 'StartPAOS':
      return parseStartPaos(header, body);
    case 'DIDAuthenticateResponse':
      return parseDidAuthenticateResponse(header, body);
    case 'TransmitResponse':
      return parseTransmitResponse(header, body);
    case 'InitializeFrameworkResponse':
      return {
        type: 'InitializeFrameworkResponse',
        header,
        result: parseDssResult(read.required(body, 'Result'), read),
      };
    default:
      throw new PaosError('unknown-message', `unexpected ${body.name}`);
  }
}
