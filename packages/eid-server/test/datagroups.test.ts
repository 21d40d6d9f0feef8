import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeTlv } from '../src/asn1/tlv.js';
import { DataGroupError } from '../src/datagroups/datagroup-error.js';
import { decodableDataGroups, decodeDataGroup } from '../src/datagroups/decode.js';

const UTF8 = 0x0c;
const PRINTABLE = 0x13;
const NUMERIC = 0x12;
const IA5 = 0x16;

const text = (tag: number, value: string) => encodeTlv(tag, Buffer.from(value, 'utf8'));
/** EXPLICIT:nA as OpenSSL's ASN1_generate_nconf writes it: APPLICATION n, constructed. */
const file = (dg: number, inner: Buffer) => encodeTlv(0x60 | dg, [inner]);
/** EXPLICIT:n (context-specific, constructed). */
const explicit = (n: number, inner: Buffer) => encodeTlv(0xa0 | n, [inner]);

/** The AusweisApp Simulator's card (SimulatorFileSystem.cpp), file by file. */
const simulator = {
  1: file(1, text(PRINTABLE, 'ID')),
  2: file(2, text(PRINTABLE, 'D')),
  3: file(3, text(NUMERIC, '20291031')),
  4: file(4, text(UTF8, 'ERIKA')),
  5: file(5, text(UTF8, 'MUSTERMANN')),
  6: file(6, text(UTF8, '')),
  7: file(7, text(UTF8, '')),
  8: file(8, text(NUMERIC, '19640812')),
  9: file(9, explicit(1, text(UTF8, 'BERLIN'))),
  10: file(10, text(PRINTABLE, 'D')),
  13: file(13, text(UTF8, 'GABLER')),
  17: file(
    17,
    encodeTlv(0x30, [
      explicit(10, text(UTF8, 'HEIDESTRA\u1e9eE 17')),
      explicit(11, text(UTF8, 'K\u00d6LN')),
      explicit(13, text(PRINTABLE, 'D')),
      explicit(14, text(PRINTABLE, '51147')),
    ]),
  ),
  18: file(18, encodeTlv(0x04, Buffer.from('02760503150000', 'hex'))),
  19: file(19, explicit(1, text(UTF8, 'RESIDENCE PERMIT 1'))),
  20: file(20, explicit(1, text(UTF8, 'RESIDENCE PERMIT 2'))),
  21: file(21, text(PRINTABLE, 'tel:+49-030-1234567')),
  22: file(22, text(IA5, 'erika@mustermann.de')),
} as const;

function decodeError(dg: number, bytes: Buffer): DataGroupError {
  try {
    decodeDataGroup(dg, bytes);
  } catch (error) {
    if (error instanceof DataGroupError) return error;
    throw error;
  }
  throw new Error('decoded without error');
}

describe('the simulator card, as ASN1_generate_nconf encodes it', () => {
  it('builds the files byte for byte as OpenSSL does', () => {
    expect(simulator[4].toString('hex')).toBe('64070c054552494b41');
    expect(simulator[8].toString('hex')).toBe('680a1208' + Buffer.from('19640812').toString('hex'));
    expect(simulator[18].toString('hex')).toBe('72090407' + '02760503150000');
    const hex = (value: string) => Buffer.from(value, 'utf8').toString('hex');
    expect(simulator[17].toString('hex')).toBe(
      ['712d302b', 'aa120c10', hex('HEIDESTRA\u1e9eE 17'), 'ab070c05', hex('K\u00d6LN')]
        .concat(['ad031301', hex('D'), 'ae071305', hex('51147')])
        .join(''),
    );
  });

  it('decodes every data group the simulator holds', () => {
    expect(decodeDataGroup(1, simulator[1])).toEqual({ documentType: 'ID' });
    expect(decodeDataGroup(2, simulator[2])).toEqual({ issuingState: 'D' });
    expect(decodeDataGroup(3, simulator[3])).toEqual({
      dateOfExpiry: { year: 2029, month: 10, day: 31, iso: '2029-10-31' },
    });
    expect(decodeDataGroup(4, simulator[4])).toEqual({ givenNames: 'ERIKA' });
    expect(decodeDataGroup(5, simulator[5])).toEqual({ familyNames: 'MUSTERMANN' });
    expect(decodeDataGroup(6, simulator[6])).toEqual({ artisticName: '' });
    expect(decodeDataGroup(7, simulator[7])).toEqual({ academicTitle: '' });
    expect(decodeDataGroup(8, simulator[8])).toEqual({
      dateOfBirth: { year: 1964, month: 8, day: 12, iso: '1964-08-12' },
    });
    expect(decodeDataGroup(9, simulator[9])).toEqual({
      placeOfBirth: { kind: 'freetext', text: 'BERLIN' },
    });
    expect(decodeDataGroup(10, simulator[10])).toEqual({ nationality: 'D' });
    expect(decodeDataGroup(13, simulator[13])).toEqual({ birthName: 'GABLER' });
    expect(decodeDataGroup(17, simulator[17])).toEqual({
      placeOfResidence: {
        kind: 'structured',
        street: 'HEIDESTRA\u1e9eE 17',
        city: 'K\u00d6LN',
        country: 'D',
        zipCode: '51147',
      },
    });
    expect(decodeDataGroup(18, simulator[18])).toEqual({ communityId: '02760503150000' });
    expect(decodeDataGroup(19, simulator[19])).toEqual({ residencePermitI: 'RESIDENCE PERMIT 1' });
    expect(decodeDataGroup(20, simulator[20])).toEqual({ residencePermitII: 'RESIDENCE PERMIT 2' });
    expect(decodeDataGroup(21, simulator[21])).toEqual({ phoneNumber: 'tel:+49-030-1234567' });
    expect(decodeDataGroup(22, simulator[22])).toEqual({ emailAddress: 'erika@mustermann.de' });
  });

  it('covers every decodable data group', () => {
    expect(Object.keys(simulator).map(Number)).toEqual(decodableDataGroups);
  });
});

describe('dates', () => {
  const dateOfBirth = (digits: string) => decodeDataGroup(8, file(8, text(NUMERIC, digits)));

  it('keeps what is known of a partial date of birth', () => {
    expect(dateOfBirth('1964    ')).toEqual({ dateOfBirth: { year: 1964, iso: '1964' } });
    expect(dateOfBirth('196408  ')).toEqual({
      dateOfBirth: { year: 1964, month: 8, iso: '1964-08' },
    });
  });

  it('gives no date of birth when nothing of it is known', () => {
    expect(dateOfBirth('        ')).toEqual({});
  });

  it('rejects impossible and ill-formed dates', () => {
    for (const digits of ['19641312', '19640230', '19640800', '1964  12', '1964081', '196408120'])
      expect(decodeError(8, file(8, text(NUMERIC, digits))).code).toBe('malformed');
    expect(decodeDataGroup(8, file(8, text(NUMERIC, '20000229')))).toMatchObject({
      dateOfBirth: { iso: '2000-02-29' },
    });
    expect(decodeError(8, file(8, text(NUMERIC, '19000229'))).code).toBe('malformed');
  });

  it('requires the date of expiry to be complete', () => {
    expect(decodeError(3, file(3, text(NUMERIC, '2029    '))).code).toBe('malformed');
  });
});

describe('places', () => {
  it('maps noPlaceInfo to a place of kind none, with its text', () => {
    const bytes = file(17, explicit(2, text(UTF8, 'keine Hauptwohnung in Deutschland')));
    expect(decodeDataGroup(17, bytes)).toEqual({
      placeOfResidence: { kind: 'none', text: 'keine Hauptwohnung in Deutschland' },
    });
  });

  it('recognises "keine Hauptwohnung in Deutschland" written as free text', () => {
    const bytes = file(17, explicit(1, text(UTF8, 'KEINE HAUPTWOHNUNG IN DEUTSCHLAND')));
    expect(decodeDataGroup(17, bytes)).toEqual({
      placeOfResidence: { kind: 'none', text: 'KEINE HAUPTWOHNUNG IN DEUTSCHLAND' },
    });
  });

  it('decodes a structured place with a state and without a street or zip code', () => {
    const place = encodeTlv(0x30, [
      explicit(11, text(UTF8, 'L\u00dcBBENAU/SPREEWALD')),
      explicit(12, text(UTF8, 'BRANDENBURG')),
      explicit(13, text(PRINTABLE, 'D')),
    ]);
    expect(decodeDataGroup(9, file(9, place))).toEqual({
      placeOfBirth: {
        kind: 'structured',
        city: 'L\u00dcBBENAU/SPREEWALD',
        state: 'BRANDENBURG',
        country: 'D',
      },
    });
  });

  it('rejects a structured place without a city or a country, naming neither', () => {
    const place = encodeTlv(0x30, [explicit(11, text(UTF8, 'K\u00d6LN'))]);
    const error = decodeError(17, file(17, place));
    expect(error.code).toBe('malformed');
    expect(error.message).not.toContain('K\u00d6LN');
  });

  it('rejects unknown fields in a structured place', () => {
    const place = encodeTlv(0x30, [
      explicit(11, text(UTF8, 'K\u00d6LN')),
      explicit(13, text(PRINTABLE, 'D')),
      explicit(15, text(UTF8, 'X')),
    ]);
    expect(decodeError(17, file(17, place)).code).toBe('malformed');
  });

  it('does not support several places of residence', () => {
    const several = encodeTlv(0x31, [
      explicit(1, text(UTF8, 'BERLIN')),
      explicit(1, text(UTF8, 'BONN')),
    ]);
    expect(decodeError(17, file(17, several)).code).toBe('unsupported');
  });
});

describe('texts and octets', () => {
  it('inflates a compressed residence permit text', () => {
    const permit = 'ERWERBST\u00c4TIGKEIT/BESCH\u00c4FTIGUNG GESTATTET.';
    const compressed = encodeTlv(0x04, deflateSync(text(UTF8, permit)));
    expect(decodeDataGroup(19, file(19, explicit(2, compressed)))).toEqual({
      residencePermitI: permit,
    });
  });

  it('rejects a compressed text that does not inflate, or inflates without end', () => {
    const garbage = encodeTlv(0x04, Buffer.from('not zlib'));
    expect(decodeError(20, file(20, explicit(2, garbage))).code).toBe('malformed');
    const bomb = encodeTlv(0x04, deflateSync(text(UTF8, 'A'.repeat(200_000))));
    expect(decodeError(20, file(20, explicit(2, bomb))).code).toBe('malformed');
  });

  it('gives the community id as the hex digits of its octets', () => {
    const bytes = file(18, encodeTlv(0x04, Buffer.from('0276ab', 'hex')));
    expect(decodeDataGroup(18, bytes)).toEqual({ communityId: '0276AB' });
  });
});

describe('files', () => {
  it('reads a file padded with zero bytes after its object', () => {
    const padded = Buffer.concat([simulator[18], Buffer.alloc(7)]);
    expect(decodeDataGroup(18, padded)).toEqual({ communityId: '02760503150000' });
  });

  it('gives nothing for an empty or zero-filled file', () => {
    expect(decodeDataGroup(4, Buffer.alloc(0))).toEqual({});
    expect(decodeDataGroup(4, Buffer.alloc(32))).toEqual({});
  });

  it('rejects another data group, trailing data, and a wrong string type', () => {
    expect(decodeError(5, simulator[4]).code).toBe('malformed');
    expect(decodeError(4, Buffer.concat([simulator[4], Buffer.from([1])])).code).toBe('malformed');
    expect(decodeError(18, file(18, text(UTF8, '0276'))).code).toBe('malformed');
    expect(decodeError(4, file(4, encodeTlv(0x04, Buffer.from('ERIKA')))).code).toBe('malformed');
  });

  it('rejects invalid UTF-8 and characters a NumericString cannot hold', () => {
    expect(decodeError(4, file(4, encodeTlv(UTF8, Buffer.from([0xc3, 0x28])))).code).toBe(
      'malformed',
    );
    expect(decodeError(8, file(8, text(NUMERIC, '1964O812'))).code).toBe('malformed');
  });

  it('names an unknown data group as such', () => {
    for (const dg of [0, 11, 12, 14, 15, 16, 23, 1.5])
      expect(decodeError(dg, simulator[4]).code).toBe('unknownDataGroup');
  });

  it('puts no personal data into error messages', () => {
    const cases: [number, Buffer, string][] = [
      [8, file(8, text(NUMERIC, '19641312')), '1964'],
      [4, file(5, text(UTF8, 'ERIKA')), 'ERIKA'],
      [4, file(4, explicit(1, text(UTF8, 'ERIKA'))), 'ERIKA'],
      [18, file(18, text(PRINTABLE, '0276')), '0276'],
    ];
    for (const [dg, bytes, secret] of cases) {
      const error = decodeError(dg, bytes);
      expect(error.message).toContain(`DG${dg}`);
      expect(error.message).not.toContain(secret);
      expect(error.message).not.toContain(bytes.toString('hex'));
    }
  });
});

describe('arbitrary bytes', () => {
  /** xorshift32: reproducible noise without a dependency. */
  function noise(seed: number): () => number {
    let state = seed;
    return () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
  }

  function decodesOrThrowsTyped(dg: number, bytes: Buffer): void {
    try {
      expect(typeof decodeDataGroup(dg, bytes)).toBe('object');
    } catch (error) {
      expect(error).toBeInstanceOf(DataGroupError);
    }
  }

  it('never throws anything but DataGroupError on random buffers', () => {
    const random = noise(0x5eed);
    for (let round = 0; round < 3000; round += 1) {
      const dg = decodableDataGroups[round % decodableDataGroups.length] ?? 1;
      const length = Math.floor(random() * 48);
      const bytes = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
      // Half the buffers start with the right tag, so the decoders past it are reached too.
      if (round % 2 === 0 && length > 0) bytes[0] = 0x60 | dg;
      decodesOrThrowsTyped(dg, bytes);
    }
  });

  it('never throws anything but DataGroupError on damaged simulator files', () => {
    const random = noise(0xc0ffee);
    for (const [key, original] of Object.entries(simulator)) {
      const dg = Number(key);
      for (let round = 0; round < 300; round += 1) {
        const bytes = Buffer.from(original);
        const position = Math.floor(random() * bytes.length);
        bytes[position] = Math.floor(random() * 256);
        const cut = round % 3 === 0 ? Math.floor(random() * bytes.length) : bytes.length;
        decodesOrThrowsTyped(dg, bytes.subarray(0, cut));
      }
    }
  });
});
