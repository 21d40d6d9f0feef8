import { describe, expect, it } from 'vitest';
import { ApduError } from '../src/apdu/apdu-error.js';
import {
  decodeCommandApdu,
  encodeCommandApdu,
  type CommandApdu,
} from '../src/apdu/command-apdu.js';
import {
  generalAuthenticateRestrictedIdentification,
  mseSetAtRestrictedIdentification,
  parseRestrictedIdentificationResponse,
  readBinaryBySfi,
  verifyAuxiliaryData,
} from '../src/apdu/eid-commands.js';
import { decodeResponseApdu, encodeResponseApdu } from '../src/apdu/response-apdu.js';
import { decodeTlv, decodeTlvs, requireTlv } from '../src/asn1/tlv.js';
import { oidContent, oids } from '../src/asn1/oids.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');
const filled = (length: number): Buffer => Buffer.alloc(length, 0x42);

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ApduError ? error.code : 'not an ApduError';
  }
  return undefined;
}

// AusweisApp test_CommandApdu: the ISO 7816-4 cases with header 01020304 and data of 0x42.
const cases: [string, number, number, Buffer][] = [
  ['1', 0, 0, hex('01020304')],
  ['2S 0 1', 0, 1, hex('0102030401')],
  ['2S 0 255', 0, 255, hex('01020304FF')],
  ['2S 0 256', 0, 256, hex('0102030400')],
  ['3S 1 0', 1, 0, hex('010203040142')],
  ['3S 255 0', 255, 0, Buffer.concat([hex('01020304FF'), filled(255)])],
  ['4S 1 1', 1, 1, hex('01020304014201')],
  ['4S 1 256', 1, 256, hex('01020304014200')],
  ['4S 255 255', 255, 255, Buffer.concat([hex('01020304FF'), filled(255), hex('FF')])],
  ['2E 0 257', 0, 257, hex('01020304000101')],
  ['2E 0 65535', 0, 65535, hex('0102030400FFFF')],
  ['2E 0 65536', 0, 65536, hex('01020304000000')],
  ['3E 256 0', 256, 0, Buffer.concat([hex('01020304000100'), filled(256)])],
  ['3E 65535 0', 65535, 0, Buffer.concat([hex('0102030400FFFF'), filled(65535)])],
  ['4E 256 257', 256, 257, Buffer.concat([hex('01020304000100'), filled(256), hex('0101')])],
  ['4E 256 65536', 256, 65536, Buffer.concat([hex('01020304000100'), filled(256), hex('0000')])],
  ['4E 1 65536', 1, 65536, hex('010203040000014200 00')],
  [
    '4E 65535 65536',
    65535,
    65536,
    Buffer.concat([hex('0102030400FFFF'), filled(65535), hex('0000')]),
  ],
];

describe('command APDUs', () => {
  for (const [name, lc, le, encoded] of cases) {
    const apdu: CommandApdu = {
      cla: 1,
      ins: 2,
      p1: 3,
      p2: 4,
      ...(lc > 0 && { data: filled(lc) }),
      ...(le > 0 && { le }),
    };
    it(`encodes and decodes case ${name}`, () => {
      expect(encodeCommandApdu(apdu).equals(encoded)).toBe(true);
      expect(decodeCommandApdu(encoded)).toEqual(apdu);
    });
  }

  it('treats empty data as no data', () => {
    expect(
      encodeCommandApdu({ cla: 0, ins: 0x84, p1: 0, p2: 0, data: Buffer.alloc(0), le: 8 }),
    ).toEqual(hex('0084000008'));
  });

  it('refuses what 7816-4 cannot encode', () => {
    const header = { cla: 0, ins: 0, p1: 0, p2: 0 };
    expect(codeOf(() => encodeCommandApdu({ ...header, le: 0 }))).toBe('out-of-range');
    expect(codeOf(() => encodeCommandApdu({ ...header, le: 65537 }))).toBe('out-of-range');
    expect(codeOf(() => encodeCommandApdu({ ...header, data: filled(65536) }))).toBe(
      'out-of-range',
    );
    expect(codeOf(() => encodeCommandApdu({ ...header, p1: 256 }))).toBe('out-of-range');
    expect(codeOf(() => encodeCommandApdu({ ...header, cla: -1 }))).toBe('out-of-range');
  });

  // The malformed inputs of AusweisApp test_CommandApdu, which it only logs; here they throw.
  for (const malformed of [
    '00',
    '000000',
    '00000000 02 00',
    '00000000 0000',
    '00000000 000002 00',
    '00000000 00000100 00',
    '00000000 0100 0000',
    '00000000 0100 00 00',
    '00000000 00000100 0000 00',
    '00000000 000000 00',
  ]) {
    it(`refuses the malformed command ${malformed}`, () => {
      expect(codeOf(() => decodeCommandApdu(hex(malformed)))).toBe('malformed');
    });
  }
});

describe('response APDUs', () => {
  it('splits and joins data and status word', () => {
    const raw = hex('6104130249449000');
    expect(decodeResponseApdu(raw)).toEqual({ data: hex('610413024944'), sw: 0x9000 });
    expect(encodeResponseApdu({ data: hex('610413024944'), sw: 0x9000 })).toEqual(raw);
    expect(decodeResponseApdu(hex('6A82'))).toEqual({ data: Buffer.alloc(0), sw: 0x6a82 });
  });

  it('refuses a response shorter than a status word and a status word out of range', () => {
    expect(codeOf(() => decodeResponseApdu(hex('90')))).toBe('malformed');
    expect(codeOf(() => encodeResponseApdu({ data: Buffer.alloc(0), sw: 0x10000 }))).toBe(
      'out-of-range',
    );
  });
});

// The byte strings are those of AusweisApp's test_SimulatorCard, which the Simulator answers.
describe('eID commands', () => {
  it('reads a file by short file identifier with Le 256', () => {
    expect(encodeCommandApdu(readBinaryBySfi(1))).toEqual(hex('00B0810000'));
    expect(encodeCommandApdu(readBinaryBySfi(17))).toEqual(hex('00B0910000'));
    expect(codeOf(() => readBinaryBySfi(0))).toBe('out-of-range');
    expect(codeOf(() => readBinaryBySfi(31))).toBe('out-of-range');
  });

  it('selects the Restricted Identification key', () => {
    expect(encodeCommandApdu(mseSetAtRestrictedIdentification(1))).toEqual(
      hex('002241A40F800A04007F00070202050203840101'),
    );
    expect(encodeCommandApdu(mseSetAtRestrictedIdentification(2))).toEqual(
      hex('002241A40F800A04007F00070202050203840102'),
    );
  });

  it('sends the sector public key as 7C { A0 { 06 id-RI-ECDH-SHA-256, 86 key } }', () => {
    const sectorKey = Buffer.concat([hex('04'), Buffer.alloc(64, 7)]);
    const command = generalAuthenticateRestrictedIdentification(sectorKey);
    expect(command).toMatchObject({ cla: 0, ins: 0x86, p1: 0, p2: 0, le: 256 });
    const publicKey = decodeTlvs(
      requireTlv(decodeTlvs(decodeTlv(command.data ?? Buffer.alloc(0), 0x7c).value), 0xa0).value,
    );
    expect(requireTlv(publicKey, 0x06).value).toEqual(oidContent(oids.riEcdhSha256));
    expect(requireTlv(publicKey, 0x86).value).toEqual(sectorKey);
  });

  it('reads the identifier from the answer 7C { 81 }', () => {
    const answer = hex('7C2281206C877EC6E470BCC1C40F5AAC180D90EDB907AC091E33D402BDD3C99CD0DDE503');
    expect(parseRestrictedIdentificationResponse(answer)).toEqual(
      hex('6C877EC6E470BCC1C40F5AAC180D90EDB907AC091E33D402BDD3C99CD0DDE503'),
    );
    expect(codeOf(() => parseRestrictedIdentificationResponse(hex('7C03820100')))).toBe(
      'malformed',
    );
    expect(codeOf(() => parseRestrictedIdentificationResponse(hex('7C22')))).toBe('malformed');
    expect(codeOf(() => parseRestrictedIdentificationResponse(Buffer.alloc(0)))).toBe('malformed');
  });

  it('verifies auxiliary data by OID with the proprietary class', () => {
    expect(encodeCommandApdu(verifyAuxiliaryData(oids.auxCommunityId))).toEqual(
      hex('802080000B060904007f000703010403'),
    );
  });
});
