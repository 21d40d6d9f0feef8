import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../src/paos/parse-client-message.js';
import {
  didAuthenticateEac1,
  didAuthenticateEac2,
  type PaosReplyContext,
  startPaosResponse,
  transmit,
} from '../src/paos/server-messages.js';
import { PaosError } from '../src/paos/error.js';
import type { XmlElement } from '../src/xml/element.js';
import { XmlError } from '../src/xml/error.js';
import { parseXml } from '../src/xml/parse.js';

/** The envelope exactly as AusweisApp 1.26.2's PaosCreator writes it (auto-formatted). */
function ausweisAppMessage(body: string, relatesTo?: string): string {
  const related =
    relatesTo === undefined ? '' : `\n        <wsa:RelatesTo>${relatesTo}</wsa:RelatesTo>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:paos="urn:liberty:paos:2006-08" xmlns:wsa="http://www.w3.org/2005/03/addressing" xmlns:dss="urn:oasis:names:tc:dss:1.0:core:schema" xmlns:ecard="http://www.bsi.bund.de/ecard/api/1.1" xmlns:iso="urn:iso:std:iso-iec:24727:tech:schema">
    <soap:Header>
        <paos:PAOS soap:mustUnderstand="1" soap:actor="http://schemas.xmlsoap.org/soap/actor/next">
            <paos:Version>urn:liberty:paos:2006-08</paos:Version>
            <paos:EndpointReference>
                <paos:Address>http://www.projectliberty.org/2006/01/role/paos</paos:Address>
                <paos:MetaData>
                    <paos:ServiceType>http://www.bsi.bund.de/ecard/api/1.1/PAOS/GetNextCommand</paos:ServiceType>
                </paos:MetaData>
            </paos:EndpointReference>
        </paos:PAOS>
        <wsa:ReplyTo>
            <wsa:Address>http://www.projectliberty.org/2006/02/role/paos</wsa:Address>
        </wsa:ReplyTo>${related}
        <wsa:MessageID>urn:uuid:5b2f6a0e-3a0c-4c55-9a55-6f1bd0a1c0de</wsa:MessageID>
    </soap:Header>
    <soap:Body>
${body}
    </soap:Body>
</soap:Envelope>
`;
}

const startPaosXml =
  ausweisAppMessage(`        <StartPAOS xmlns="urn:iso:std:iso-iec:24727:tech:schema">
            <SessionIdentifier>4f1c2a0b9d8e7f6a5b4c3d2e1f0a9b8c</SessionIdentifier>
            <ConnectionHandle xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="ConnectionHandleType">
                <CardApplication>e80704007f00070302</CardApplication>
                <SlotHandle>00</SlotHandle>
            </ConnectionHandle>
            <UserAgent>
                <Name>AusweisApp2</Name>
                <VersionMajor>1</VersionMajor>
                <VersionMinor>26</VersionMinor>
                <VersionSubminor>2</VersionSubminor>
            </UserAgent>
            <SupportedAPIVersions>
                <Major>1</Major>
                <Minor>1</Minor>
                <Subminor>5</Subminor>
            </SupportedAPIVersions>
        </StartPAOS>`);

const okResult = `<Result xmlns="urn:oasis:names:tc:dss:1.0:core:schema">
                <ResultMajor>http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok</ResultMajor>
            </Result>`;

const cancelledResult = `<Result xmlns="urn:oasis:names:tc:dss:1.0:core:schema">
                <ResultMajor>http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error</ResultMajor>
                <ResultMinor>http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser</ResultMinor>
                <ResultMessage xml:lang="en">The process has been cancelled.</ResultMessage>
            </Result>`;

function didAuthenticateResponseXml(result: string, type: string, data: string): string {
  return ausweisAppMessage(
    `        <DIDAuthenticateResponse xmlns="urn:iso:std:iso-iec:24727:tech:schema" Profile="http://www.bsi.bund.de/ecard/api/1.1">
            ${result}
            <AuthenticationProtocolData xsi:type="iso:${type}" Protocol="urn:oid:1.3.162.15480.3.0.14.2">
${data}
            </AuthenticationProtocolData>
        </DIDAuthenticateResponse>`,
    'urn:uuid:0f7c1e5e-7d4a-4f6e-8f1b-2c3d4e5f6a7b',
  );
}

const chat = '7F4C12060904007F00070301020253050000000010';
const eac1ResponseXml = didAuthenticateResponseXml(
  okResult,
  'EAC1OutputType',
  `                <CertificateHolderAuthorizationTemplate>${chat}</CertificateHolderAuthorizationTemplate>
                <CertificationAuthorityReference>DETESTeID00005</CertificationAuthorityReference>
                <CertificationAuthorityReference>DETESTeID00004</CertificationAuthorityReference>
                <EFCardAccess>3181c1300d060804007f00070202020201023012060a04007f000702020302020102020141</EFCardAccess>
                <IDPICC>9d0b6f3a1f2e4c5d6e7f8091a2b3c4d5e6f7a8b9</IDPICC>
                <Challenge>a1b2c3d4e5f60718</Challenge>`,
);

const eac2ResponseXml = didAuthenticateResponseXml(
  okResult,
  'EAC2OutputType',
  `                <EFCardSecurity>308201a906092a864886f70d010702a082019a</EFCardSecurity>
                <AuthenticationToken>0102030405060708</AuthenticationToken>
                <Nonce>1112131415161718</Nonce>`,
);

function parseError(xml: string | Buffer): string {
  try {
    parseClientMessage(xml);
  } catch (error) {
    if (error instanceof PaosError || error instanceof XmlError) return error.code;
    throw error;
  }
  return 'parsed';
}

describe('parseClientMessage: what AusweisApp 1.26.2 sends', () => {
  it('reads StartPAOS: session, connection handle, user agent, API versions', () => {
    const message = parseClientMessage(startPaosXml);
    expect(message).toEqual({
      type: 'StartPAOS',
      header: { messageId: 'urn:uuid:5b2f6a0e-3a0c-4c55-9a55-6f1bd0a1c0de' },
      sessionIdentifier: '4f1c2a0b9d8e7f6a5b4c3d2e1f0a9b8c',
      connectionHandle: { cardApplication: 'e80704007f00070302', slotHandle: '00' },
      userAgent: { name: 'AusweisApp2', versionMajor: 1, versionMinor: 26, versionSubminor: 2 },
      supportedApiVersions: [{ major: 1, minor: 1, subminor: 5 }],
    });
  });

  it('reads the EAC1 output with its CHAT, CARs and hex values as bytes', () => {
    const message = parseClientMessage(eac1ResponseXml);
    expect(message.type).toBe('DIDAuthenticateResponse');
    if (message.type !== 'DIDAuthenticateResponse') return;
    expect(message.header.relatesTo).toBe('urn:uuid:0f7c1e5e-7d4a-4f6e-8f1b-2c3d4e5f6a7b');
    expect(message.result).toEqual({ major: 'ok' });
    expect(message.output).toEqual({
      protocol: 'EAC1',
      chat: Buffer.from(chat, 'hex'),
      certificationAuthorityReferences: ['DETESTeID00005', 'DETESTeID00004'],
      efCardAccess: Buffer.from(
        '3181c1300d060804007f00070202020201023012060a04007f000702020302020102020141',
        'hex',
      ),
      idPicc: Buffer.from('9d0b6f3a1f2e4c5d6e7f8091a2b3c4d5e6f7a8b9', 'hex'),
      challenge: Buffer.from('a1b2c3d4e5f60718', 'hex'),
    });
  });

  it('reads the EAC2 output', () => {
    const message = parseClientMessage(eac2ResponseXml);
    expect(message.type === 'DIDAuthenticateResponse' && message.output).toEqual({
      protocol: 'EAC2',
      efCardSecurity: Buffer.from('308201a906092a864886f70d010702a082019a', 'hex'),
      authenticationToken: Buffer.from('0102030405060708', 'hex'),
      nonce: Buffer.from('1112131415161718', 'hex'),
    });
  });

  it('reads the EAC2 output that asks for the signature (only a Challenge)', () => {
    const xml = didAuthenticateResponseXml(
      okResult,
      'EAC2OutputType',
      '<Challenge>0011223344556677</Challenge>',
    );
    const message = parseClientMessage(xml);
    expect(message.type === 'DIDAuthenticateResponse' && message.output).toEqual({
      protocol: 'EAC2Challenge',
      challenge: Buffer.from('0011223344556677', 'hex'),
    });
  });

  it('represents a client error (the user cancelled) without reading the empty output', () => {
    // AusweisApp still writes the EAC1 elements, empty, after an error.
    const xml = didAuthenticateResponseXml(
      cancelledResult,
      'EAC1OutputType',
      '<EFCardAccess></EFCardAccess><IDPICC></IDPICC><Challenge></Challenge>',
    );
    const message = parseClientMessage(xml);
    expect(message).toMatchObject({
      type: 'DIDAuthenticateResponse',
      result: {
        major: 'error',
        minor: 'http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser',
        message: 'The process has been cancelled.',
      },
    });
    expect(message.type === 'DIDAuthenticateResponse' && message.output).toBeUndefined();
  });

  it('reads TransmitResponse APDUs, also next to an error result', () => {
    const xml = ausweisAppMessage(
      `        <TransmitResponse xmlns="urn:iso:std:iso-iec:24727:tech:schema" Profile="http://www.bsi.bund.de/ecard/api/1.1">
            <Result xmlns="urn:oasis:names:tc:dss:1.0:core:schema">
                <ResultMajor>http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error</ResultMajor>
                <ResultMinor>http://www.bsi.bund.de/ecard/api/1.1/resultminor/al/common#unknownError</ResultMinor>
            </Result>
            <OutputAPDU>990290008E08A1B2C3D4E5F607189000</OutputAPDU>
            <OutputAPDU>6A82</OutputAPDU>
        </TransmitResponse>`,
      'urn:uuid:1',
    );
    const message = parseClientMessage(xml);
    expect(message).toMatchObject({ type: 'TransmitResponse', result: { major: 'error' } });
    expect(message.type === 'TransmitResponse' && message.outputApdus).toEqual([
      Buffer.from('990290008E08A1B2C3D4E5F607189000', 'hex'),
      Buffer.from('6A82', 'hex'),
    ]);
  });

  it('reads InitializeFrameworkResponse', () => {
    const xml = ausweisAppMessage(
      `<InitializeFrameworkResponse xmlns="http://www.bsi.bund.de/ecard/api/1.1" Profile="http://www.bsi.bund.de/ecard/api/1.1">
            ${okResult}
            <Version><Major>1</Major><Minor>1</Minor><SubMinor>5</SubMinor></Version>
        </InitializeFrameworkResponse>`,
      'urn:uuid:2',
    );
    expect(parseClientMessage(xml)).toMatchObject({
      type: 'InitializeFrameworkResponse',
      result: { major: 'ok' },
    });
  });
});

describe('parseClientMessage: refusals', () => {
  it('refuses hex that is not hexBinary (AusweisApp test fixtures use "a", "b")', () => {
    const odd = eac2ResponseXml.replace('0102030405060708', 'a');
    const notHex = eac2ResponseXml.replace('1112131415161718', '11121314151617zz');
    expect(parseError(odd)).toBe('malformed');
    expect(parseError(notHex)).toBe('malformed');
    expect(parseError(eac1ResponseXml.replace(chat, `${chat}0`))).toBe('malformed');
  });

  it('refuses missing or doubled elements', () => {
    expect(parseError(eac1ResponseXml.replace(/<IDPICC>.*<\/IDPICC>/, ''))).toBe('malformed');
    expect(parseError(eac2ResponseXml.replace('<Nonce>', '<Nonce>11</Nonce><Nonce>'))).toBe(
      'malformed',
    );
    expect(parseError(startPaosXml.replace(/<wsa:MessageID>.*<\/wsa:MessageID>/, ''))).toBe(
      'malformed',
    );
    expect(parseError(eac1ResponseXml.replace('EAC1OutputType', 'EAC9OutputType'))).toBe(
      'malformed',
    );
    expect(parseError(eac1ResponseXml.replace('resultmajor#ok', 'resultmajor#maybe'))).toBe(
      'malformed',
    );
  });

  it('refuses messages the server never expects', () => {
    const disconnect = ausweisAppMessage(
      '<Disconnect xmlns="urn:iso:std:iso-iec:24727:tech:schema"/>',
    );
    expect(parseError(disconnect)).toBe('unknown-message');
    expect(parseError('<a/>')).toBe('malformed');
  });

  it('refuses a DOCTYPE and oversized messages', () => {
    const withDoctype = startPaosXml.replace(
      '<soap:Envelope',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><soap:Envelope',
    );
    expect(parseError(withDoctype)).toBe('doctype');
    expect(parseError(startPaosXml + ' '.repeat(256 * 1024))).toBe('too-large');
    expect(() => parseClientMessage(startPaosXml, 100)).toThrow(XmlError);
  });

  it('answers mangled messages with XmlError or PaosError only', () => {
    for (let round = 0; round < 800; round++) {
      const noise = randomBytes(8);
      const mangled = Buffer.from(eac1ResponseXml);
      for (let flip = 0; flip < 4; flip++) {
        const at = ((noise[flip] ?? 0) * 257 + (noise[flip + 4] ?? 0)) % mangled.length;
        mangled[at] = noise[(flip + 1) % 8] ?? 0;
      }
      expect(['parsed', 'malformed', 'doctype', 'unknown-message']).toContain(parseError(mangled));
    }
  });
});

/** Element names in document order, as AusweisApp's ElementDetector walks them. */
function documentOrder(element: XmlElement): string[] {
  return [element.name, ...element.children.flatMap(documentOrder)];
}

/** What AusweisApp's PaosHandler::detect() would classify the message as. */
function detectedType(xml: string): string | undefined {
  const candidates = ['InitializeFramework', 'DIDList', 'DIDAuthenticate', 'Transmit'];
  return documentOrder(parseXml(xml, 1 << 20)).find((name) =>
    [...candidates, 'Disconnect', 'StartPAOSResponse'].includes(name),
  );
}

function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

function bodyOf(xml: string): XmlElement | undefined {
  return child(parseXml(xml, 1 << 20), 'Body')?.children[0];
}

const ctx: PaosReplyContext = {
  relatesTo: 'urn:uuid:5b2f6a0e-3a0c-4c55-9a55-6f1bd0a1c0de',
  connectionHandle: { cardApplication: 'e80704007f00070302', slotHandle: '00' },
};

describe('server messages, as AusweisApp 1.26.2 parses them', () => {
  const dv = Buffer.from('7f2181e77f4e81a05f290100420e44455445535465494430303030357f4c', 'hex');
  const at = Buffer.from('7f2181e77f4e81a05f290100420d4445544553547465726d30317f4c', 'hex');
  const eac1 = didAuthenticateEac1(ctx, {
    certificates: [dv, at],
    certificateDescription: Buffer.from('3082013b060a04007f00070301030101', 'hex'),
    requiredChat: Buffer.from('7F4C12060904007F00070301020253050001137C05', 'hex'),
    optionalChat: Buffer.from('7F4C12060904007F00070301020253050004008302', 'hex'),
    authenticatedAuxiliaryData: Buffer.from('67447315060904007F00070301040153', 'hex'),
    transactionInfo: 'Order <42> & "more"',
  });

  it('puts wsa:RelatesTo and a fresh wsa:MessageID directly in the SOAP Header', () => {
    const header = child(parseXml(eac1.xml, 1 << 20), 'Header');
    expect(header?.children.map((element) => [element.name, element.text])).toEqual([
      ['RelatesTo', ctx.relatesTo],
      ['MessageID', eac1.messageId],
    ]);
    expect(eac1.messageId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(
      didAuthenticateEac2(ctx, { certificates: [], ephemeralPublicKey: dv, signature: at })
        .messageId,
    ).not.toBe(eac1.messageId);
    expect(eac1.xml).toContain('xmlns:wsa="http://www.w3.org/2005/03/addressing"');
  });

  it('builds DIDAuthenticate EAC1 in the fixture DIDAuthenticateEAC1.xml shape', () => {
    expect(detectedType(eac1.xml)).toBe('DIDAuthenticate');
    const body = bodyOf(eac1.xml);
    expect(body?.children.map((element) => element.name)).toEqual([
      'ConnectionHandle',
      'DIDName',
      'AuthenticationProtocolData',
    ]);
    expect(child(body, 'DIDName')?.text).toBe('PIN');
    const handle = child(body, 'ConnectionHandle');
    expect(handle?.children.map((element) => [element.name, element.text])).toEqual([
      ['CardApplication', 'e80704007f00070302'],
      ['SlotHandle', '00'],
    ]);
    const data = child(body, 'AuthenticationProtocolData');
    // AusweisApp reads xsi:type namespace-aware and matches its end.
    expect(data?.attributes['type']).toMatch(/EAC1InputType$/);
    expect(data?.attributes['Protocol']).toBe('urn:oid:1.3.162.15480.3.0.14.2');
    expect(eac1.xml).toMatch(
      /<DIDAuthenticate [^>]*xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance"/,
    );
    expect(data?.children.map((element) => element.name)).toEqual([
      'Certificate',
      'Certificate',
      'CertificateDescription',
      'RequiredCHAT',
      'OptionalCHAT',
      'AuthenticatedAuxiliaryData',
      'TransactionInfo',
    ]);
    expect(data?.children.map((element) => element.text)).toEqual([
      dv.toString('hex').toUpperCase(),
      at.toString('hex').toUpperCase(),
      '3082013B060A04007F00070301030101',
      '7F4C12060904007F00070301020253050001137C05',
      '7F4C12060904007F00070301020253050004008302',
      '67447315060904007F00070301040153',
      'Order <42> & "more"',
    ]);
  });

  it('leaves the optional EAC1 parts out when not given', () => {
    const minimal = didAuthenticateEac1(ctx, {
      certificates: [at],
      certificateDescription: Buffer.from('30', 'hex'),
      requiredChat: Buffer.from('7F4C', 'hex'),
    });
    const data = child(bodyOf(minimal.xml), 'AuthenticationProtocolData');
    expect(data?.children.map((element) => element.name)).toEqual([
      'Certificate',
      'CertificateDescription',
      'RequiredCHAT',
    ]);
    expect(() =>
      didAuthenticateEac1(ctx, {
        certificates: [],
        certificateDescription: Buffer.alloc(1),
        requiredChat: Buffer.alloc(1),
      }),
    ).toThrow(PaosError);
  });

  it('echoes a full connection handle in ISO 24727 order, escaped', () => {
    const full = didAuthenticateEac2(
      {
        relatesTo: 'urn:uuid:x',
        connectionHandle: {
          slotHandle: '3734',
          cardApplication: 'e80704007f00070302',
          slotIndex: '0',
          ifdName: 'REINER SCT cyberJack RFID komfort <USB> & 52',
          contextHandle: '4549445F',
        },
      },
      { certificates: [], ephemeralPublicKey: Buffer.alloc(65, 4), signature: Buffer.alloc(64) },
    );
    const handle = child(bodyOf(full.xml), 'ConnectionHandle');
    expect(handle?.children.map((element) => [element.name, element.text])).toEqual([
      ['ContextHandle', '4549445F'],
      ['IFDName', 'REINER SCT cyberJack RFID komfort <USB> & 52'],
      ['SlotIndex', '0'],
      ['CardApplication', 'e80704007f00070302'],
      ['SlotHandle', '3734'],
    ]);
  });

  it('builds DIDAuthenticate EAC2 in the fixture DIDAuthenticateEAC2.xml shape', () => {
    const key = Buffer.concat([Buffer.from([4]), randomBytes(64)]);
    const signature = randomBytes(64);
    const eac2 = didAuthenticateEac2(ctx, { certificates: [], ephemeralPublicKey: key, signature });
    expect(detectedType(eac2.xml)).toBe('DIDAuthenticate');
    const data = child(bodyOf(eac2.xml), 'AuthenticationProtocolData');
    expect(data?.attributes['type']).toMatch(/EAC2InputType$/);
    expect(data?.children.map((element) => [element.name, element.text])).toEqual([
      ['EphemeralPublicKey', key.toString('hex').toUpperCase()],
      ['Signature', signature.toString('hex').toUpperCase()],
    ]);
  });

  it('builds Transmit in the fixture Transmit.xml shape', () => {
    const message = transmit(ctx, '00', [
      { apdu: Buffer.from('0CA4040C1D871101', 'hex') },
      { apdu: Buffer.from('0C2241A41D871101', 'hex'), acceptableStatusCodes: ['9000', '6282'] },
    ]);
    expect(detectedType(message.xml)).toBe('Transmit');
    const body = bodyOf(message.xml);
    expect(body?.name).toBe('Transmit');
    expect(child(body, 'SlotHandle')?.text).toBe('00');
    const infos = body?.children.filter((element) => element.name === 'InputAPDUInfo') ?? [];
    expect(
      infos.map((info) => info.children.map((element) => [element.name, element.text])),
    ).toEqual([
      [['InputAPDU', '0CA4040C1D871101']],
      [
        ['InputAPDU', '0C2241A41D871101'],
        ['AcceptableStatusCode', '9000'],
        ['AcceptableStatusCode', '6282'],
      ],
    ]);
    expect(() => transmit(ctx, '00', [])).toThrow(PaosError);
    expect(() =>
      transmit(ctx, '00', [{ apdu: Buffer.alloc(4), acceptableStatusCodes: ['90G0'] }]),
    ).toThrow(PaosError);
  });

  it('builds StartPAOSResponse with ok or an error result', () => {
    const ok = startPaosResponse(ctx, { major: 'ok' });
    expect(detectedType(ok.xml)).toBe('StartPAOSResponse');
    expect(child(bodyOf(ok.xml), 'Result')?.children.map((element) => element.text)).toEqual([
      'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok',
    ]);
    const failed = startPaosResponse(ctx, {
      major: 'error',
      minor: 'http://www.bsi.bund.de/ecard/api/1.1/resultminor/al/common#internalError',
      message: 'Terminal authentication failed',
    });
    expect(child(bodyOf(failed.xml), 'Result')?.children.map((element) => element.text)).toEqual([
      'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error',
      'http://www.bsi.bund.de/ecard/api/1.1/resultminor/al/common#internalError',
      'Terminal authentication failed',
    ]);
  });

  it("chains a conversation: each side names the other side's MessageID", () => {
    const start = parseClientMessage(startPaosXml);
    if (start.type !== 'StartPAOS') throw new Error('not StartPAOS');
    const sent = didAuthenticateEac1(
      { relatesTo: start.header.messageId, connectionHandle: start.connectionHandle },
      { certificates: [at], certificateDescription: dv, requiredChat: at },
    );
    const header = child(parseXml(sent.xml, 1 << 20), 'Header');
    expect(child(header, 'RelatesTo')?.text).toBe(start.header.messageId);
    const answer = parseClientMessage(
      eac1ResponseXml.replace('urn:uuid:0f7c1e5e-7d4a-4f6e-8f1b-2c3d4e5f6a7b', sent.messageId),
    );
    expect(answer.header.relatesTo).toBe(sent.messageId);
  });
});
