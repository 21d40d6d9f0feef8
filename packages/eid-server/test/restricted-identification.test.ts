import { createECDH, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeTlv, decodeTlvs, requireTlv } from '../src/asn1/tlv.js';
import { CryptoError } from '../src/crypto/crypto-error.js';
import { ecPublicKeyOf, generateEcKeyPair } from '../src/crypto/brainpool.js';
import { pseudonym } from '../src/eac/restricted-identification.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

// AusweisApp 1.26.2 SimulatorFileSystem::getRestrictedIdentificationKey(1) and (2).
const simulatorRiKey1 = hex('0353859C2EC67780BA39015DE8C682AF2326D43DE9CE1E07737087BD1E17CB22');
const simulatorRiKey2 = hex('9AD0AD7F4DFAAA06988339FC31D3A111F4C7964AC7F377373A2454327C43E2FF');

/** SimulatorCard::generateRestrictedId, written with node:crypto alone. */
function simulatorRestrictedId(riPrivateKey: Buffer, sectorPublicKey: Buffer): Buffer {
  const card = createECDH('brainpoolP256r1');
  card.setPrivateKey(riPrivateKey);
  return createHash('sha256').update(card.computeSecret(sectorPublicKey)).digest();
}

describe('Restricted Identification', () => {
  // AusweisApp test_SimulatorCard "generalAuthenticateRi" (RI key 1): its command's sector key
  // (tag 86 inside 7C { A0 }) and the card's answer 7C { 81 identifier }.
  it("matches the identifier of AusweisApp's Simulator test", () => {
    const dynamicAuthenticationData = hex(
      '7C820121A082011D060A04007F000702020502038120A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D5262028' +
        '2013481D1F6E537782207D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9832026' +
        'DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B68441048BD2AEB9CB7E57CB2C4B48' +
        '2FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E54' +
        '5C1D54C72F0469978520A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7864104' +
        '373CD3BAD6245F6EDEB382E066C57107B84BF5EF2834201AAEA41CC0D47289030836' +
        '87C8C37C1D005C61BE2C122364101C2CBC41FFC3EC48C96E3F1D4F646ABE870101',
    );
    const publicKeyData = requireTlv(
      decodeTlvs(decodeTlv(dynamicAuthenticationData, 0x7c).value),
      0xa0,
    );
    const sectorPublicKey = requireTlv(decodeTlvs(publicKeyData.value), 0x86).value;
    const identifier = hex('6C877EC6E470BCC1C40F5AAC180D90EDB907AC091E33D402BDD3C99CD0DDE503');
    expect(simulatorRestrictedId(simulatorRiKey1, sectorPublicKey)).toEqual(identifier);
    // The same product from the other side: pseudonym() is symmetric in the two key pairs.
    expect(pseudonym(simulatorRiKey1, sectorPublicKey)).toEqual(identifier);
  });

  it('equals what the Simulator computes with RI key 2 for a sector key', () => {
    const sector = generateEcKeyPair();
    const expected = simulatorRestrictedId(simulatorRiKey2, sector.publicKey);
    expect(pseudonym(sector.privateKey, ecPublicKeyOf(simulatorRiKey2))).toEqual(expected);
    expect(expected).toHaveLength(32);
  });

  it('differs between sectors and between RI keys', () => {
    const sector = generateEcKeyPair();
    const other = generateEcKeyPair();
    const card = ecPublicKeyOf(simulatorRiKey2);
    expect(pseudonym(sector.privateKey, card)).not.toEqual(pseudonym(other.privateKey, card));
    expect(pseudonym(sector.privateKey, card)).not.toEqual(
      pseudonym(sector.privateKey, ecPublicKeyOf(simulatorRiKey1)),
    );
  });

  it('refuses a card key that is no point of the curve', () => {
    const card = Buffer.from(ecPublicKeyOf(simulatorRiKey2));
    card[64] = (card[64] ?? 0) ^ 0x01;
    expect(() => pseudonym(generateEcKeyPair().privateKey, card)).toThrow(CryptoError);
  });
});
