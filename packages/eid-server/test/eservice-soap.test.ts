import { describe, expect, it } from 'vitest';
import type { AuthenticationResult } from '../src/authentication-result.js';
import {
  eidResultMinor,
  getResultResponse,
  getServerInfoResponse,
  parseEServiceRequest,
  SoapError,
  soapFault,
  useIdErrorResponse,
  useIdResponse,
} from '../src/eservice/soap.js';
import type { XmlElement } from '../src/xml/element.js';
import { XmlError } from '../src/xml/error.js';
import { parseXml } from '../src/xml/parse.js';

/** As the BSI TR-03130 test bed sends it: signed Body (wsu:Id), every operation REQUIRED. */
function request(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:eid="http://bsi.bund.de/eID/"><soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" soapenv:mustUnderstand="1"/></soapenv:Header><soapenv:Body xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" wsu:Id="body-123">${body}</soapenv:Body></soapenv:Envelope>`;
}

const allRequired = [
  'DocumentType',
  'IssuingState',
  'DateOfExpiry',
  'GivenNames',
  'FamilyNames',
  'ArtisticName',
  'AcademicTitle',
  'DateOfBirth',
  'PlaceOfBirth',
  'Nationality',
  'BirthName',
  'PlaceOfResidence',
  'ResidencePermitI',
  'RestrictedID',
  'AgeVerification',
  'PlaceVerification',
]
  .map((name) => `<eid:${name}>REQUIRED</eid:${name}>`)
  .join('');

const useIdXml = request(
  `<eid:useIDRequest><eid:UseOperations>${allRequired}</eid:UseOperations>` +
    '<eid:AgeVerificationRequest><eid:Age>18</eid:Age></eid:AgeVerificationRequest>' +
    '<eid:PlaceVerificationRequest><eid:CommunityID>027605</eid:CommunityID></eid:PlaceVerificationRequest>' +
    '<eid:PSK><eid:ID>0123456789abcdef0123</eid:ID><eid:Key>00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF</eid:Key></eid:PSK>' +
    '<eid:TransactionInfo>Kauf &amp; Lieferung</eid:TransactionInfo>' +
    '</eid:useIDRequest>',
);

function errorCode(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof SoapError || error instanceof XmlError) return error.code;
    throw error;
  }
  return 'parsed';
}

function find(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  return path.reduce<XmlElement | undefined>(
    (current, name) => current?.children.find((child) => child.name === name),
    element,
  );
}

function bodyOf(xml: string): XmlElement | undefined {
  return find(parseXml(xml, 1 << 20), 'Body')?.children[0];
}

function pairs(element: XmlElement | undefined): [string, string][] {
  return (element?.children ?? []).map((child) => [child.name, child.text]);
}

describe('parseEServiceRequest', () => {
  it('reads a full useID request with our operation names', () => {
    const parsed = parseEServiceRequest(useIdXml);
    expect(parsed).toEqual({
      operation: 'useID',
      operations: {
        documentType: 'REQUIRED',
        issuingState: 'REQUIRED',
        dateOfExpiry: 'REQUIRED',
        givenNames: 'REQUIRED',
        familyNames: 'REQUIRED',
        artisticName: 'REQUIRED',
        academicTitle: 'REQUIRED',
        dateOfBirth: 'REQUIRED',
        placeOfBirth: 'REQUIRED',
        nationality: 'REQUIRED',
        birthName: 'REQUIRED',
        placeOfResidence: 'REQUIRED',
        residencePermitI: 'REQUIRED',
        restrictedId: 'REQUIRED',
        ageVerification: 'REQUIRED',
        placeVerification: 'REQUIRED',
      },
      unsupportedOperations: [],
      ageVerificationAge: 18,
      placeVerificationCommunityId: '027605',
      psk: {
        id: '0123456789abcdef0123',
        key: Buffer.from('00112233445566778899aabbccddeeff'.repeat(2), 'hex'),
      },
      transactionInfo: 'Kauf & Lieferung',
    });
  });

  it('maps MunicipalityID and reports operations it does not offer', () => {
    const parsed = parseEServiceRequest(
      request(
        '<eid:useIDRequest><eid:UseOperations><eid:GivenNames>ALLOWED</eid:GivenNames>' +
          '<eid:Sex>REQUIRED</eid:Sex><eid:PSA>PROHIBITED</eid:PSA><eid:MunicipalityID>ALLOWED</eid:MunicipalityID>' +
          '<eid:DocumentType/></eid:UseOperations></eid:useIDRequest>',
      ),
    );
    expect(parsed).toEqual({
      operation: 'useID',
      operations: { givenNames: 'ALLOWED', communityId: 'ALLOWED', documentType: 'PROHIBITED' },
      unsupportedOperations: ['Sex'],
    });
  });

  it('reads getResult and getServerInfo', () => {
    const sessionId = '0F1E2D3C4B5A69788796A5B4C3D2E1F0';
    expect(
      parseEServiceRequest(
        request(
          `<eid:getResultRequest><eid:Session><eid:ID>${sessionId}</eid:ID></eid:Session><eid:RequestCounter>1</eid:RequestCounter></eid:getResultRequest>`,
        ),
      ),
    ).toEqual({
      operation: 'getResult',
      sessionId: Buffer.from(sessionId, 'hex'),
      requestCounter: 1,
    });
    expect(parseEServiceRequest(request('<eid:getServerInfoRequest />'))).toEqual({
      operation: 'getServerInfo',
    });
  });

  it('refuses bad values, unknown requests and DOCTYPEs', () => {
    const bad = (from: string, to: string) =>
      errorCode(() => parseEServiceRequest(useIdXml.replace(from, to)));
    expect(bad('<eid:GivenNames>REQUIRED', '<eid:GivenNames>MAYBE')).toBe('invalid-value');
    expect(bad('<eid:Age>18', '<eid:Age>-1')).toBe('invalid-value');
    expect(bad('>027605<', '>127605<')).toBe('invalid-value');
    expect(bad('<eid:ID>0123456789abcdef0123', '<eid:ID>short')).toBe('invalid-value');
    expect(bad('AABBCCDDEEFF</eid:Key>', 'AABBCCDDEEF</eid:Key>')).toBe('malformed');
    expect(
      bad(
        '<eid:GivenNames>REQUIRED</eid:GivenNames>',
        '<eid:GivenNames>REQUIRED</eid:GivenNames><eid:GivenNames>ALLOWED</eid:GivenNames>',
      ),
    ).toBe('malformed');
    expect(bad('<eid:UseOperations>', '<eid:Ops>').valueOf()).toBe('malformed');
    expect(errorCode(() => parseEServiceRequest(request('<eid:deleteRequest/>')))).toBe(
      'unknown-operation',
    );
    expect(
      errorCode(() =>
        parseEServiceRequest(
          request(
            '<eid:getResultRequest><eid:Session><eid:ID>00FF</eid:ID></eid:Session><eid:RequestCounter>1</eid:RequestCounter></eid:getResultRequest>',
          ),
        ),
      ),
    ).toBe('invalid-value');
    const xxe = `<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>${useIdXml.replace(/^<\?xml[^>]*>/, '')}`;
    expect(errorCode(() => parseEServiceRequest(xxe))).toBe('doctype');
    expect(errorCode(() => parseEServiceRequest(useIdXml, 1000))).toBe('too-large');
  });
});

const erika: AuthenticationResult = {
  personalData: {
    documentType: 'ID',
    issuingState: 'D',
    dateOfExpiry: { year: 2029, month: 10, day: 31, iso: '2029-10-31' },
    givenNames: 'ERIKA',
    familyNames: 'MUSTERMANN',
    artisticName: '',
    academicTitle: 'DR.',
    dateOfBirth: { year: 1964, month: 8, day: 12, iso: '1964-08-12' },
    placeOfBirth: { kind: 'freetext', text: 'BERLIN' },
    nationality: 'D',
    birthName: 'GABLER',
    placeOfResidence: {
      kind: 'structured',
      street: 'HEIDESTRAẞE 17',
      city: 'KÖLN',
      country: 'D',
      zipCode: '51147',
    },
    communityId: '02760503150000',
  },
  restrictedId: Buffer.from('a1b2c3d4'.repeat(8), 'hex'),
  ageVerification: true,
  placeVerification: false,
  operationsAllowedByUser: {
    givenNames: 'ALLOWED',
    familyNames: 'ALLOWED',
    artisticName: 'NOTONCHIP',
    communityId: 'ALLOWED',
    restrictedId: 'ALLOWED',
    ageVerification: 'ALLOWED',
  },
};

describe('responses', () => {
  it('answers useID with Session, eCardServerAddress, PSK and an ok Result in XSD order', () => {
    const body = bodyOf(
      useIdResponse({
        sessionId: Buffer.from('00112233445566778899aabbccddeeff', 'hex'),
        eCardServerAddress: 'https://eid.example.de/paos',
        psk: { id: 'abcdefghijklmnop', key: Buffer.alloc(32, 0xab) },
      }),
    );
    expect(body?.name).toBe('useIDResponse');
    expect(body?.children.map((child) => child.name)).toEqual([
      'Session',
      'eCardServerAddress',
      'PSK',
      'Result',
    ]);
    expect(find(body, 'Session', 'ID')?.text).toBe('00112233445566778899AABBCCDDEEFF');
    expect(pairs(find(body, 'PSK'))).toEqual([
      ['ID', 'abcdefghijklmnop'],
      ['Key', 'AB'.repeat(32)],
    ]);
    expect(find(body, 'Result', 'ResultMajor')?.text).toBe(
      'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok',
    );
    const refused = bodyOf(useIdErrorResponse(eidResultMinor.missingArgument));
    expect(pairs(find(refused, 'Result'))).toEqual([
      ['ResultMajor', 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error'],
      ['ResultMinor', 'http://www.bsi.bund.de/eid/server/2.0/resultminor/useID#missingArgument'],
    ]);
  });

  it('writes the personal data in TR-03130 structure and order', () => {
    const xml = getResultResponse({ status: 'done', result: erika });
    const body = bodyOf(xml);
    expect(body?.children.map((child) => child.name)).toEqual([
      'PersonalData',
      'FulfilsAgeVerification',
      'FulfilsPlaceVerification',
      'OperationsAllowedByUser',
      'Result',
    ]);
    const data = find(body, 'PersonalData');
    expect(data?.children.map((child) => child.name)).toEqual([
      'DocumentType',
      'IssuingState',
      'DateOfExpiry',
      'GivenNames',
      'FamilyNames',
      'ArtisticName',
      'AcademicTitle',
      'DateOfBirth',
      'PlaceOfBirth',
      'Nationality',
      'BirthName',
      'PlaceOfResidence',
      'MunicipalityID',
      'RestrictedID',
    ]);
    expect(find(data, 'DateOfExpiry')?.text).toBe('2029-10-31');
    expect(pairs(find(data, 'DateOfBirth'))).toEqual([
      ['DateString', '19640812'],
      ['DateValue', '1964-08-12'],
    ]);
    expect(pairs(find(data, 'PlaceOfBirth'))).toEqual([['FreetextPlace', 'BERLIN']]);
    expect(pairs(find(data, 'PlaceOfResidence', 'StructuredPlace'))).toEqual([
      ['Street', 'HEIDESTRAẞE 17'],
      ['City', 'KÖLN'],
      ['Country', 'D'],
      ['ZipCode', '51147'],
    ]);
    expect(find(data, 'MunicipalityID')?.text).toBe('02760503150000');
    expect(find(data, 'RestrictedID', 'ID')?.text).toBe('A1B2C3D4'.repeat(8));
    expect(find(body, 'FulfilsAgeVerification', 'FulfilsRequest')?.text).toBe('true');
    expect(find(body, 'FulfilsPlaceVerification', 'FulfilsRequest')?.text).toBe('false');
  });

  it('names every mandatory operation in OperationsAllowedByUser, optional ones only when used', () => {
    const allowed = pairs(
      find(bodyOf(getResultResponse({ status: 'done', result: erika })), 'OperationsAllowedByUser'),
    );
    expect(allowed).toEqual([
      ['DocumentType', 'PROHIBITED'],
      ['IssuingState', 'PROHIBITED'],
      ['DateOfExpiry', 'PROHIBITED'],
      ['GivenNames', 'ALLOWED'],
      ['FamilyNames', 'ALLOWED'],
      ['ArtisticName', 'NOTONCHIP'],
      ['AcademicTitle', 'PROHIBITED'],
      ['DateOfBirth', 'PROHIBITED'],
      ['PlaceOfBirth', 'PROHIBITED'],
      ['Nationality', 'PROHIBITED'],
      ['BirthName', 'PROHIBITED'],
      ['PlaceOfResidence', 'PROHIBITED'],
      ['MunicipalityID', 'ALLOWED'],
      ['ResidencePermitI', 'PROHIBITED'],
      ['RestrictedID', 'ALLOWED'],
      ['AgeVerification', 'ALLOWED'],
      ['PlaceVerification', 'PROHIBITED'],
    ]);
  });

  it('writes partial dates with blanks and no DateValue; other place kinds', () => {
    const data = find(
      bodyOf(
        getResultResponse({
          status: 'done',
          result: {
            personalData: {
              dateOfBirth: { year: 1964, iso: '1964' },
              placeOfResidence: { kind: 'none', text: 'keine Hauptwohnung in Deutschland' },
            },
            operationsAllowedByUser: {},
          },
        }),
      ),
      'PersonalData',
    );
    // Our reader trims text; the blanks themselves are checked on the raw XML below.
    expect(pairs(find(data, 'DateOfBirth'))).toEqual([['DateString', '1964']]);
    expect(pairs(find(data, 'PlaceOfResidence'))).toEqual([
      ['NoPlaceInfo', 'keine Hauptwohnung in Deutschland'],
    ]);
    expect(
      getResultResponse({
        status: 'done',
        result: {
          personalData: { dateOfBirth: { year: 1964, iso: '1964' } },
          operationsAllowedByUser: {},
        },
      }),
    ).toContain('<eid:DateString>1964    </eid:DateString>');
    expect(
      errorCode(() =>
        getResultResponse({
          status: 'done',
          result: {
            personalData: { dateOfExpiry: { year: 2030, iso: '2030' } },
            operationsAllowedByUser: {},
          },
        }),
      ),
    ).toBe('invalid-value');
  });

  it('escapes personal data', () => {
    const xml = getResultResponse({
      status: 'done',
      result: { personalData: { familyNames: 'O\'<B>&"R"' }, operationsAllowedByUser: {} },
    });
    expect(find(bodyOf(xml), 'PersonalData', 'FamilyNames')?.text).toBe('O\'<B>&"R"');
  });

  it('answers the not-done outcomes with TR-03130 result codes and no data', () => {
    const minorOf = (xml: string) => find(bodyOf(xml), 'Result', 'ResultMinor')?.text;
    const base = 'http://www.bsi.bund.de/eid/server/2.0/resultminor';
    expect(minorOf(getResultResponse({ status: 'not-ready' }))).toBe(
      `${base}/getResult#noResultYet`,
    );
    expect(minorOf(getResultResponse({ status: 'not-found' }))).toBe(
      `${base}/getResult#invalidSession`,
    );
    expect(minorOf(getResultResponse({ status: 'invalid-counter' }))).toBe(
      `${base}/getResult#invalidCounter`,
    );
    expect(minorOf(getResultResponse({ status: 'invalid-document' }))).toBe(
      `${base}/getResult#invalidDocument`,
    );
    expect(minorOf(getResultResponse({ status: 'cancelled' }))).toBe(
      'http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser',
    );
    expect(minorOf(getResultResponse({ status: 'failed' }))).toBe(`${base}/common#internalError`);
    const failed = bodyOf(
      getResultResponse({ status: 'failed', minor: 'urn:x', message: 'card removed' }),
    );
    expect(failed?.children.map((child) => child.name)).toEqual(['Result']);
    expect(pairs(find(failed, 'Result'))).toEqual([
      ['ResultMajor', 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error'],
      ['ResultMinor', 'urn:x'],
      ['ResultMessage', 'card removed'],
    ]);
  });

  it('answers getServerInfo with the version and the rights in XSD order', () => {
    const body = bodyOf(
      getServerInfoResponse({
        versionString: 'SIDbox eID-Server 0.1 (eID-Webservice 2.0)',
        major: 2,
        minor: 0,
        bugfix: 1,
        documentVerificationRights: ['restrictedId', 'givenNames', 'residencePermitII'],
      }),
    );
    expect(pairs(find(body, 'ServerVersion'))).toEqual([
      ['VersionString', 'SIDbox eID-Server 0.1 (eID-Webservice 2.0)'],
      ['Major', '2'],
      ['Minor', '0'],
      ['Bugfix', '1'],
    ]);
    const rights = pairs(find(body, 'DocumentVerificationRights'));
    expect(rights.filter(([, value]) => value === 'ALLOWED').map(([name]) => name)).toEqual([
      'GivenNames',
      'ResidencePermitII',
      'RestrictedID',
    ]);
    expect(rights).toHaveLength(17);
  });

  it('writes a SOAP 1.1 Fault', () => {
    const xml = soapFault('Client', 'request <refused>');
    expect(xml).toContain('xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"');
    expect(pairs(bodyOf(xml))).toEqual([
      ['faultcode', 'soap:Client'],
      ['faultstring', 'request <refused>'],
    ]);
  });
});
