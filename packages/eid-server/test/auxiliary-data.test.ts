import { describe, expect, it } from 'vitest';
import { encodeAuxiliaryData, parseAuxiliaryData } from '../src/cvc/auxiliary-data.js';
import { CvcError } from '../src/cvc/cvc-error.js';
import { eac1 } from './fixtures/ausweisapp-cvc.js';

// AusweisApp test_AuxiliaryAuthenticatedData.cpp, allExtensions().
const ALL_EXTENSIONS =
  '67447315060904007f000703010401530831393937303633307315060904007f00070301040253083230313530363330' +
  '7314060904007f000703010403530702760400110000';

describe('authenticated auxiliary data', () => {
  it('reads the AuthenticatedAuxiliaryData of DIDAuthenticateEAC1.xml', () => {
    expect(parseAuxiliaryData(eac1.authenticatedAuxiliaryData)).toEqual({
      ageVerificationDate: '19921206',
      validityDate: '20131206',
      communityId: '02760400110000',
    });
  });

  it('writes the fixture and AusweisApp test vectors byte for byte', () => {
    expect(
      encodeAuxiliaryData({
        ageVerificationDate: '19921206',
        validityDate: '20131206',
        communityId: '02760400110000',
      }).toString('hex'),
    ).toBe(eac1.authenticatedAuxiliaryData.toString('hex'));
    expect(
      encodeAuxiliaryData({
        communityId: '02760400110000',
        validityDate: '20150630',
        ageVerificationDate: '19970630',
      }).toString('hex'),
    ).toBe(ALL_EXTENSIONS);
  });

  it('writes only the templates asked for', () => {
    expect(encodeAuxiliaryData({ ageVerificationDate: '20070101' }).toString('hex')).toBe(
      '67177315060904007f00070301040153083230303730313031',
    );
    expect(parseAuxiliaryData(encodeAuxiliaryData({ communityId: '0276' }))).toEqual({
      communityId: '0276',
    });
  });

  it('refuses malformed dates and community IDs when writing', () => {
    for (const data of [
      { ageVerificationDate: '2007-01-01' },
      { validityDate: '20230230' },
      { communityId: '027' },
      { communityId: '0276040011000000' },
    ]) {
      expect(() => encodeAuxiliaryData(data)).toThrow(CvcError);
    }
  });

  it('refuses what AusweisApp refuses: unknown and repeated OIDs', () => {
    const unknown = '67177315060904007f00070301040953083230303730313031';
    const twice = Buffer.concat([
      Buffer.from('672e', 'hex'),
      Buffer.from('7315060904007f00070301040153083230303730313031', 'hex'),
      Buffer.from('7315060904007f00070301040153083230303730313031', 'hex'),
    ]);
    expect(() => parseAuxiliaryData(Buffer.from(unknown, 'hex'))).toThrow(CvcError);
    expect(() => parseAuxiliaryData(twice)).toThrow(CvcError);
    expect(() => parseAuxiliaryData(Buffer.from('6705', 'hex'))).toThrow(CvcError);
  });
});
