import { parseDssResult, type DssResult } from '../../src/xml/dss-result.js';
import type { XmlElement } from '../../src/xml/element.js';
import { PAOS_MAX_BYTES, parseXml } from '../../src/xml/parse.js';
import { elementReader } from '../../src/xml/read.js';
import { soapParts } from '../../src/xml/soap-envelope.js';

/** The eID-Server's PAOS messages as the eID-Client reads them. */
interface Header {
  messageId: string;
}

export interface Eac1Input {
  certificates: Buffer[];
  certificateDescription: Buffer;
  requiredChat: Buffer;
  optionalChat?: Buffer;
  authenticatedAuxiliaryData?: Buffer;
}

export interface Eac2Input {
  certificates: Buffer[];
  ephemeralPublicKey: Buffer;
  signature: Buffer;
}

export type ServerMessage = Header &
  (
    | { type: 'EAC1'; input: Eac1Input }
    | { type: 'EAC2'; input: Eac2Input }
    | { type: 'Transmit'; apdus: Buffer[] }
    | { type: 'StartPAOSResponse'; result: DssResult }
  );

export class ServerMessageError extends Error {
  override readonly name = 'ServerMessageError';
}

const read = elementReader((reason) => new ServerMessageError(reason));

function header(element: XmlElement | undefined): Header {
  if (element === undefined) return read.fail('Header missing');
  return { messageId: read.text(element, 'MessageID') };
}

function didAuthenticate(head: Header, body: XmlElement): ServerMessage {
  const data = read.required(body, 'AuthenticationProtocolData');
  const type = (data.attributes['type'] ?? '').replace(/^.*:/, '');
  const certificates = read.all(data, 'Certificate').map(read.hex);
  if (type === 'EAC1InputType') {
    const optionalChat = read.optionalHex(data, 'OptionalCHAT');
    const authenticatedAuxiliaryData = read.optionalHex(data, 'AuthenticatedAuxiliaryData');
    return {
      ...head,
      type: 'EAC1',
      input: {
        certificates,
        certificateDescription: read.requiredHex(data, 'CertificateDescription'),
        requiredChat: read.requiredHex(data, 'RequiredCHAT'),
        ...(optionalChat !== undefined && { optionalChat }),
        ...(authenticatedAuxiliaryData !== undefined && { authenticatedAuxiliaryData }),
      },
    };
  }
  if (type === 'EAC2InputType') {
    return {
      ...head,
      type: 'EAC2',
      input: {
        certificates,
        ephemeralPublicKey: read.requiredHex(data, 'EphemeralPublicKey'),
        signature: read.requiredHex(data, 'Signature'),
      },
    };
  }
  return read.fail(`unknown DIDAuthenticate type ${type}`);
}

export function readServerMessage(xml: string): ServerMessage {
  const parts = soapParts(parseXml(xml, PAOS_MAX_BYTES), read);
  const head = header(parts.header);
  const body = parts.content;
  switch (body.name) {
    case 'DIDAuthenticate':
      return didAuthenticate(head, body);
    case 'Transmit':
      return {
        ...head,
        type: 'Transmit',
        apdus: read.all(body, 'InputAPDUInfo').map((info) => read.requiredHex(info, 'InputAPDU')),
      };
    case 'StartPAOSResponse':
      return {
        ...head,
        type: 'StartPAOSResponse',
        result: parseDssResult(read.required(body, 'Result'), read),
      };
    default:
      return read.fail(`unexpected ${body.name}`);
  }
}
