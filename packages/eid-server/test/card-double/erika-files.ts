import { encodeTlv } from '../../src/asn1/tlv.js';

/**
 * The citizen on the card double: ERIKA MUSTERMANN of AusweisApp's Simulator
 * (src/card/simulator/SimulatorFileSystem.cpp), each data group encoded as OpenSSL's
 * ASN1_generate_nconf encodes the Simulator's templates.
 */
export const erika = {
  dateOfBirth: '19640812',
  dateOfExpiry: '20291031',
  communityId: '02760503150000',
} as const;

const UTF8 = 0x0c;
const PRINTABLE = 0x13;
const NUMERIC = 0x12;
const IA5 = 0x16;

const text = (tag: number, value: string) => encodeTlv(tag, Buffer.from(value, 'utf8'));
/** EXPLICIT:nA: APPLICATION n, constructed. */
const file = (dataGroup: number, inner: Buffer) => encodeTlv(0x60 | dataGroup, [inner]);
/** EXPLICIT:n: context-specific n, constructed. */
const explicit = (n: number, inner: Buffer) => encodeTlv(0xa0 | n, [inner]);

/** The data group files by short file identifier (= data group number). */
export const erikaFiles: ReadonlyMap<number, Buffer> = new Map([
  [1, file(1, text(PRINTABLE, 'ID'))],
  [2, file(2, text(PRINTABLE, 'D'))],
  [3, file(3, text(NUMERIC, erika.dateOfExpiry))],
  [4, file(4, text(UTF8, 'ERIKA'))],
  [5, file(5, text(UTF8, 'MUSTERMANN'))],
  [6, file(6, text(UTF8, ''))],
  [7, file(7, text(UTF8, ''))],
  [8, file(8, text(NUMERIC, erika.dateOfBirth))],
  [9, file(9, explicit(1, text(UTF8, 'BERLIN')))],
  [10, file(10, text(PRINTABLE, 'D'))],
  [13, file(13, text(UTF8, 'GABLER'))],
  [
    17,
    file(
      17,
      encodeTlv(0x30, [
        explicit(10, text(UTF8, 'HEIDESTRA\u1e9eE 17')),
        explicit(11, text(UTF8, 'K\u00d6LN')),
        explicit(13, text(PRINTABLE, 'D')),
        explicit(14, text(PRINTABLE, '51147')),
      ]),
    ),
  ],
  [18, file(18, encodeTlv(0x04, Buffer.from(erika.communityId, 'hex')))],
  [19, file(19, explicit(1, text(UTF8, 'RESIDENCE PERMIT 1')))],
  [20, file(20, explicit(1, text(UTF8, 'RESIDENCE PERMIT 2')))],
  [21, file(21, text(PRINTABLE, 'tel:+49-030-1234567'))],
  [22, file(22, text(IA5, 'erika@mustermann.de'))],
]);
