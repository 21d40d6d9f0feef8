import { randomUUID } from 'node:crypto';
import { paosNamespaces } from '../../src/paos/namespaces.js';
import { dssResultXml, DSS_NAMESPACE, type DssResult } from '../../src/xml/dss-result.js';
import { SOAP11_NAMESPACE } from '../../src/xml/soap-envelope.js';
import { el, xmlDocument, type XmlContent, type XmlFragment } from '../../src/xml/write.js';

/**
 * The PAOS messages of the eID-Client, shaped as AusweisApp 1.26.2 writes them
 * (src/workflows/base/paos/invoke/*.cpp): every namespace declared on the envelope, the PAOS
 * and WS-Addressing header, lower-case hex as QByteArray::toHex gives it.
 */
export interface ClientOutgoing {
  xml: string;
  messageId: string;
}

const EAC_PROTOCOL = 'urn:oid:1.3.162.15480.3.0.14.2';
const RESULT_MINOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultminor';
export const resultMinor = {
  cancellationByUser: `${RESULT_MINOR}/sal#cancellationByUser`,
  unknownError: `${RESULT_MINOR}/al/common#unknownError`,
} as const;
const ok: DssResult = { major: 'ok' };

const hex = (bytes: Buffer) => bytes.toString('hex');

function envelope(body: XmlFragment, relatesTo?: string): ClientOutgoing {
  const messageId = `urn:uuid:${randomUUID()}`;
  const header = el('soap:Header', [
    el(
      'paos:PAOS',
      [
        el('paos:Version', paosNamespaces.paos),
        el('paos:EndpointReference', [
          el('paos:Address', 'http://www.projectliberty.org/2006/01/role/paos'),
          el(
            'paos:MetaData',
            el('paos:ServiceType', 'http://www.bsi.bund.de/ecard/api/1.1/PAOS/GetNextCommand'),
          ),
        ]),
      ],
      { 'soap:mustUnderstand': '1', 'soap:actor': 'http://schemas.xmlsoap.org/soap/actor/next' },
    ),
    el('wsa:ReplyTo', el('wsa:Address', 'http://www.projectliberty.org/2006/02/role/paos')),
    relatesTo === undefined ? undefined : el('wsa:RelatesTo', relatesTo),
    el('wsa:MessageID', messageId),
  ]);
  const xml = xmlDocument(
    el('soap:Envelope', [header, el('soap:Body', body)], {
      'xmlns:soap': SOAP11_NAMESPACE,
      'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
      'xmlns:xsi': paosNamespaces.xsi,
      'xmlns:paos': paosNamespaces.paos,
      'xmlns:wsa': paosNamespaces.wsa,
      'xmlns:dss': DSS_NAMESPACE,
      'xmlns:ecard': paosNamespaces.ecard,
      'xmlns:iso': paosNamespaces.iso,
    }),
  );
  return { xml, messageId };
}

export function startPaos(sessionIdentifier: string): ClientOutgoing {
  return envelope(
    el(
      'StartPAOS',
      [
        el('SessionIdentifier', sessionIdentifier),
        el(
          'ConnectionHandle',
          [el('CardApplication', 'e80704007f00070302'), el('SlotHandle', '00')],
          { 'xmlns:xsi': paosNamespaces.xsi, 'xsi:type': 'ConnectionHandleType' },
        ),
        el('UserAgent', [
          el('Name', 'AusweisApp2'),
          el('VersionMajor', '1'),
          el('VersionMinor', '26'),
          el('VersionSubminor', '2'),
        ]),
        el('SupportedAPIVersions', [el('Major', '1'), el('Minor', '1'), el('Subminor', '5')]),
      ],
      { xmlns: paosNamespaces.iso },
    ),
  );
}

function didAuthenticateResponse(
  relatesTo: string,
  result: DssResult,
  outputType: 'EAC1OutputType' | 'EAC2OutputType',
  data: XmlContent,
): ClientOutgoing {
  return envelope(
    el(
      'DIDAuthenticateResponse',
      [
        dssResultXml(result),
        el('AuthenticationProtocolData', data, {
          'xsi:type': `iso:${outputType}`,
          Protocol: EAC_PROTOCOL,
        }),
      ],
      { xmlns: paosNamespaces.iso, Profile: paosNamespaces.ecard },
    ),
    relatesTo,
  );
}

export interface Eac1OutputValues {
  chat: Buffer;
  /** Only when the client found no chain to the card's CVCA. */
  certificationAuthorityReferences?: string[];
  efCardAccess: Buffer;
  idPicc: Buffer;
  challenge: Buffer;
}

export function eac1Response(relatesTo: string, output: Eac1OutputValues): ClientOutgoing {
  return didAuthenticateResponse(relatesTo, ok, 'EAC1OutputType', [
    el('CertificateHolderAuthorizationTemplate', hex(output.chat)),
    (output.certificationAuthorityReferences ?? []).map((car) =>
      el('CertificationAuthorityReference', car),
    ),
    el('EFCardAccess', hex(output.efCardAccess)),
    el('IDPICC', hex(output.idPicc)),
    el('Challenge', hex(output.challenge)),
  ]);
}

export interface Eac2OutputValues {
  efCardSecurity: Buffer;
  authenticationToken: Buffer;
  nonce: Buffer;
}

export function eac2Response(relatesTo: string, output: Eac2OutputValues): ClientOutgoing {
  return didAuthenticateResponse(relatesTo, ok, 'EAC2OutputType', [
    el('EFCardSecurity', hex(output.efCardSecurity)),
    el('AuthenticationToken', hex(output.authenticationToken)),
    el('Nonce', hex(output.nonce)),
  ]);
}

/** A failed EAC step: AusweisApp still writes the (empty) output element of the step's type. */
export function eacErrorResponse(
  relatesTo: string,
  step: 'EAC1' | 'EAC2',
  minor: string,
): ClientOutgoing {
  const type = step === 'EAC1' ? 'EAC1OutputType' : 'EAC2OutputType';
  return didAuthenticateResponse(relatesTo, { major: 'error', minor }, type, undefined);
}

export function transmitResponse(
  relatesTo: string,
  outputApdus: readonly Buffer[],
): ClientOutgoing {
  return envelope(
    el(
      'TransmitResponse',
      [dssResultXml(ok), outputApdus.map((apdu) => el('OutputAPDU', hex(apdu)))],
      { xmlns: paosNamespaces.iso, Profile: paosNamespaces.ecard },
    ),
    relatesTo,
  );
}
