import { describe, expect, it } from 'vitest';
import { TcTokenError, tcTokenXml } from '../src/tc-token.js';
import type { XmlElement } from '../src/xml/element.js';
import { parseXml } from '../src/xml/parse.js';

const psk = Buffer.from('4bc1a0b5'.repeat(8), 'hex');
const input = {
  serverAddress: 'https://eid.example.de:8443/paos',
  sessionIdentifier: '1A2BB1297EB39F621A2BB1297EB39F62',
  refreshAddress: 'https://service.example.de/loggedin?session=7eb39f62&lang=de',
  communicationErrorAddress: 'https://service.example.de/ComError?7eb39f62',
  psk,
};

/** What AusweisApp's TcToken::parse reads: each element by local name, text trimmed. */
function fields(root: XmlElement): Record<string, string> {
  const walk = (element: XmlElement): [string, string][] => [
    [element.name, element.text],
    ...element.children.flatMap(walk),
  ];
  return Object.fromEntries(walk(root));
}

function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof TcTokenError) return error.code;
    throw error;
  }
  return undefined;
}

describe('tcTokenXml', () => {
  it('writes TCTokenType as in AusweisApp test/fixture/tctoken/ok.xml', () => {
    const xml = tcTokenXml(input);
    const root = parseXml(xml, 1 << 16);
    expect(root.name).toBe('TCTokenType');
    expect(root.children.map((element) => element.name)).toEqual([
      'ServerAddress',
      'SessionIdentifier',
      'RefreshAddress',
      'CommunicationErrorAddress',
      'Binding',
      'PathSecurity-Protocol',
      'PathSecurity-Parameters',
    ]);
    expect(fields(root)).toMatchObject({
      ServerAddress: input.serverAddress,
      SessionIdentifier: input.sessionIdentifier,
      RefreshAddress: input.refreshAddress,
      CommunicationErrorAddress: input.communicationErrorAddress,
      Binding: 'urn:liberty:paos:2006-08',
      'PathSecurity-Protocol': 'urn:ietf:rfc:4279',
      PSK: psk.toString('hex').toUpperCase(),
    });
  });

  it('escapes values: an & in the RefreshAddress reads back unchanged', () => {
    const xml = tcTokenXml(input);
    expect(xml).toContain('session=7eb39f62&amp;lang=de');
    expect(fields(parseXml(xml, 1 << 16))['RefreshAddress']).toBe(input.refreshAddress);
    const odd = tcTokenXml({ ...input, sessionIdentifier: '<id>&"x"' });
    expect(fields(parseXml(odd, 1 << 16))['SessionIdentifier']).toBe('<id>&"x"');
  });

  it('leaves out a CommunicationErrorAddress not given', () => {
    expect(tcTokenXml({ ...input, communicationErrorAddress: undefined })).not.toContain(
      'CommunicationErrorAddress',
    );
  });

  it('refuses what AusweisApp would refuse or what is not safe', () => {
    expect(errorCode(() => tcTokenXml({ ...input, serverAddress: 'http://eid.example.de' }))).toBe(
      'invalid-address',
    );
    expect(errorCode(() => tcTokenXml({ ...input, refreshAddress: 'not a url' }))).toBe(
      'invalid-address',
    );
    expect(errorCode(() => tcTokenXml({ ...input, sessionIdentifier: ' ' }))).toBe(
      'invalid-session',
    );
    expect(errorCode(() => tcTokenXml({ ...input, psk: Buffer.alloc(15) }))).toBe('invalid-psk');
  });
});
