import { describe, expect, it } from 'vitest';
import { ecPublicKeyOf, ecSharedX, generateEcKeyPair } from '../src/crypto/brainpool.js';
import {
  authenticationToken,
  ChipAuthenticationError,
  completeChipAuthentication,
  deriveSessionKeys,
} from '../src/eac/chip-authentication.js';

const hex = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

// AusweisApp 1.26.2 Simulator (SimulatorFileSystem::getCardAuthenticationKey, SimulatorCard).
const simulatorCaPrivateKey = hex(
  'A07EB62E891DAA84643E0AFCC1AF006891B669B8F51E379477DBEAB8C987A610',
);
const simulatorNonce = hex('0001020304050607');
// Its CA public key as EF.CardSecurity in test/fixture/card/simulatorFiles.json carries it.
const simulatorCaPublicKey = hex(
  '0419d4b7447788b0e1993db35500999627e739a4e5e35f02d8fb07d6122e76567f' +
    '17758d7a3aa6943ef23e5e2909b3e8b31bfaa4544c2cbf1fb487f31ff239c8f8',
);

/** What the card computes for an ephemeral key: SimulatorCard::generateAuthenticationToken. */
function cardSideToken(ephemeralPublicKey: Buffer): Buffer {
  const keys = deriveSessionKeys(
    ecSharedX(simulatorCaPrivateKey, ephemeralPublicKey),
    simulatorNonce,
  );
  return authenticationToken(keys.kMac, ephemeralPublicKey);
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof ChipAuthenticationError ? error.code : 'not a ChipAuthenticationError';
  }
  return undefined;
}

describe('Chip Authentication', () => {
  it("has the Simulator's CA key pair match its EF.CardSecurity", () => {
    expect(ecPublicKeyOf(simulatorCaPrivateKey)).toEqual(simulatorCaPublicKey);
  });

  // AusweisApp test_SimulatorCard "generalAuthenticateCa": the command carries the ephemeral key,
  // the answer 7C { 81 nonce, 82 token }.
  it("reproduces the token of AusweisApp's Simulator test for a known ephemeral key", () => {
    const ephemeralPublicKey = hex(
      '0493ECE64A5A0CA9DF88F34D274DB546BB7AE657B85D269FBAAD2A47195654A4D' +
        'E136E3A8A92081DD88C578D056EC5607FFA3C53A7B9A652958FDB114757F65B7B',
    );
    expect(cardSideToken(ephemeralPublicKey).toString('hex')).toBe('82f3a9399b577955');
  });

  it('derives K_enc and K_mac as SHA-1(K ‖ nonce ‖ counter) cut to 16 bytes', () => {
    const keys = deriveSessionKeys(Buffer.from('K'), Buffer.from('N'));
    // sha1("KN\0\0\0\x01") and sha1("KN\0\0\0\x02"), computed independently with sha1sum.
    expect(keys.kEnc.toString('hex')).toBe('ad1abdcc044198defdd336a32c53425a');
    expect(keys.kMac.toString('hex')).toBe('b72b08b857a552b575c9d5a5b8d44365');
  });

  it('accepts the token the card computes and returns the keys the card uses', () => {
    const ephemeral = generateEcKeyPair();
    const token = cardSideToken(ephemeral.publicKey);
    const keys = completeChipAuthentication({
      ephemeralPrivateKey: ephemeral.privateKey,
      chipPublicKey: simulatorCaPublicKey,
      nonce: simulatorNonce,
      token,
    });
    expect(keys).toEqual(
      deriveSessionKeys(ecSharedX(simulatorCaPrivateKey, ephemeral.publicKey), simulatorNonce),
    );
    expect(keys.kEnc).toHaveLength(16);
    expect(keys.kEnc).not.toEqual(keys.kMac);
  });

  it('rejects a token with a flipped bit, a short token, another nonce and an invalid chip key', () => {
    const ephemeral = generateEcKeyPair();
    const token = cardSideToken(ephemeral.publicKey);
    const input = {
      ephemeralPrivateKey: ephemeral.privateKey,
      chipPublicKey: simulatorCaPublicKey,
      nonce: simulatorNonce,
      token,
    };
    const flipped = Buffer.from(token);
    flipped[7] = (flipped[7] ?? 0) ^ 0x01;
    expect(codeOf(() => completeChipAuthentication({ ...input, token: flipped }))).toBe(
      'token-mismatch',
    );
    expect(
      codeOf(() => completeChipAuthentication({ ...input, token: token.subarray(0, 7) })),
    ).toBe('token-mismatch');
    expect(
      codeOf(() => completeChipAuthentication({ ...input, nonce: hex('0001020304050608') })),
    ).toBe('token-mismatch');
    const offCurve = Buffer.from(simulatorCaPublicKey);
    offCurve[64] = (offCurve[64] ?? 0) ^ 0x01;
    expect(codeOf(() => completeChipAuthentication({ ...input, chipPublicKey: offCurve }))).toBe(
      'invalid-key',
    );
  });
});
