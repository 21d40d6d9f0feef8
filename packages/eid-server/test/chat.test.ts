import { describe, expect, it } from 'vitest';
import { CvcError } from '../src/cvc/cvc-error.js';
import { allChatRights, decodeChat, encodeChat, type ChatRight } from '../src/cvc/chat.js';
import { eac1 } from './fixtures/ausweisapp-cvc.js';

const AT_PREFIX = '7f4c12060904007f000703010202';

function hexOf(bytes: Buffer): string {
  return bytes.toString('hex');
}

describe('CHAT', () => {
  it("reads the RequiredCHAT of AusweisApp's DIDAuthenticateEAC1.xml (7F4C…0001137C05)", () => {
    const { role, rights } = decodeChat(eac1.requiredChat);
    expect(role).toBe('at');
    expect([...rights].sort()).toEqual(
      [
        'ageVerification',
        'restrictedIdentification',
        'readDG3',
        'readDG4',
        'readDG5',
        'readDG6',
        'readDG7',
        'readDG9',
        'readDG10',
        'readDG13',
        'readDG17',
      ].sort(),
    );
  });

  it('reads the OptionalCHAT of the fixture', () => {
    const { rights } = decodeChat(eac1.optionalChat);
    expect([...rights].sort()).toEqual(
      ['communityIdVerification', 'readDG1', 'readDG2', 'readDG8', 'readDG19'].sort(),
    );
  });

  it('re-encodes the fixture CHATs byte for byte', () => {
    for (const chat of [eac1.requiredChat, eac1.optionalChat]) {
      const { role, rights } = decodeChat(chat);
      expect(hexOf(encodeChat(role, rights))).toBe(hexOf(chat));
    }
  });

  it('matches AusweisApp test_Chat: privileged terminal, RI, community ID, age, DG1–DG4', () => {
    const rights: ChatRight[] = [
      'privilegedTerminal',
      'restrictedIdentification',
      'communityIdVerification',
      'ageVerification',
      'readDG1',
      'readDG2',
      'readDG3',
      'readDG4',
    ];
    expect(hexOf(encodeChat('at', rights))).toBe(`${AT_PREFIX}53050000000f0f`);
    expect(decodeChat(Buffer.from(`${AT_PREFIX}53050000000f0f`, 'hex')).rights).toEqual(
      new Set(rights),
    );
  });

  it('reads the roles of AusweisApp test_Chat: AT, DV, CVCA', () => {
    const role = (template: string) =>
      decodeChat(Buffer.from(`${AT_PREFIX}5305${template}`, 'hex')).role;
    expect(role('000513ff87')).toBe('at');
    expect(role('400513ff87')).toBe('dvNonOfficial');
    expect(role('800513ff87')).toBe('dvOfficial');
    expect(role('fc0f13ffff')).toBe('cvca');
  });

  it('round-trips the CVCA template FC0F13FFFF, whose write bits run from DG17 at bit 37', () => {
    const cvca = Buffer.from(`${AT_PREFIX}5305fc0f13ffff`, 'hex');
    const { role, rights } = decodeChat(cvca);
    expect(rights).toContain('writeDG17');
    expect(rights).toContain('writeDG20');
    expect(rights).not.toContain('writeDG21');
    expect(hexOf(encodeChat(role, rights))).toBe(hexOf(cvca));
  });

  it('places single rights on their documented bits', () => {
    const template = (right: ChatRight) => hexOf(encodeChat('at', [right])).slice(-10);
    expect(template('ageVerification')).toBe('0000000001');
    expect(template('installQualifiedCertificate')).toBe('0000000080');
    expect(template('readDG1')).toBe('0000000100');
    expect(template('readDG21')).toBe('0010000000');
    expect(template('writeDG21')).toBe('0200000000');
    expect(template('writeDG17')).toBe('2000000000');
  });

  it('round-trips every right at once', () => {
    const { rights } = decodeChat(encodeChat('dvOfficial', allChatRights));
    expect(rights).toEqual(new Set(allChatRights));
    expect(allChatRights).toHaveLength(8 + 21 + 5);
  });

  it('refuses what AusweisApp refuses: no type, no template, wrong size, other terminal types', () => {
    for (const hex of [
      '7f4c075305fc0f13ffff',
      '7f4c0b060904007f000703010202',
      '7f4c11060904007f0007030102025304fc0f13ff',
      '7f4c12060904007f0007030102015305fc0f13ffff',
      '7f4c',
      '',
    ]) {
      expect(() => decodeChat(Buffer.from(hex, 'hex'))).toThrow(CvcError);
    }
  });
});
