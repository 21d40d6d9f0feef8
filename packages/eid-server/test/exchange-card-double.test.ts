import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationService,
  type AuthenticationRequest,
} from '../src/authentication-service.js';
import { loadEidServerConfig, type LoadedConfig, type LoadedService } from '../src/config/load.js';
import { ecSharedX } from '../src/crypto/brainpool.js';
import { encodeAuxiliaryData } from '../src/cvc/auxiliary-data.js';
import { EidServerError } from '../src/errors.js';
import { presentOutcome } from '../src/http/present-result.js';
import { SIMULATOR_CVCA_NAME } from '../src/pki/test-pki.js';
import { SELF_CHECK_SERVICE, writeTestSetup, type TestSetup } from '../src/pki/test-setup.js';
import { CardDouble, type CardDoubleOptions } from './card-double/card.js';
import {
  makeCardIdentity,
  makeDocumentPki,
  type DocumentPki,
} from './card-double/card-identity.js';
import { EidClientDouble, type ClientHooks } from './card-double/client.js';
import { resultMinor } from './card-double/client-messages.js';
import { sw } from './card-double/status-words.js';
import { makeCardSecurity } from './fixtures/card-security-builder.js';
import { capturingLogger } from './helpers/eid-server.js';

/**
 * The eID-Server's PAOS exchange against a card that checks what AusweisApp 1.26.2's Simulator
 * does not: the Terminal Authentication signature (over the auxiliary data too), the terminal's
 * chain, and the effective rights of every command.
 */
let dir: string;
let setup: TestSetup;
let config: LoadedConfig;
let service: LoadedService;
let documents: DocumentPki;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-card-double-'));
  setup = await writeTestSetup(dir, { host: 'localhost', port: 4443 });
  const loaded = await loadEidServerConfig(setup.configFile);
  documents = makeDocumentPki('Card double');
  config = { ...loaded, trust: { certificates: [documents.csca.der] } };
  const selfCheck = loaded.services.get(SELF_CHECK_SERVICE);
  if (selfCheck === undefined) throw new Error('the test setup has no self-check service');
  service = selfCheck;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function newCard(options: Partial<CardDoubleOptions> = {}): CardDouble {
  return new CardDouble({
    trustAnchor: { name: SIMULATOR_CVCA_NAME, publicKey: setup.pki.cvcaPublicKey },
    identity: makeCardIdentity(documents.documentSigner),
    ...options,
  });
}

const everything: AuthenticationRequest = {
  operations: {
    givenNames: 'REQUIRED',
    familyNames: 'REQUIRED',
    dateOfBirth: 'REQUIRED',
    placeOfResidence: 'REQUIRED',
    restrictedId: 'REQUIRED',
    ageVerification: 'REQUIRED',
    placeVerification: 'REQUIRED',
    nationality: 'ALLOWED',
  },
  ageVerification: { age: 18 },
  placeVerification: { communityId: '02760503' },
};

interface Authentication {
  auth: AuthenticationService;
  sessionId: string;
  card: CardDouble;
  run: ReturnType<EidClientDouble['run']>;
  logLines: string[];
}

function authenticate(
  request: AuthenticationRequest,
  hooks: ClientHooks = {},
  { card = newCard(), now = new Date() }: { card?: CardDouble; now?: Date } = {},
): Authentication {
  const logLines: string[] = [];
  const auth = new AuthenticationService(config, capturingLogger(logLines), () => now);
  const { sessionId } = auth.start(service, request);
  const run = new EidClientDouble(auth, sessionId, card, hooks).run();
  return { auth, sessionId, card, run, logLines };
}

function outcomeOf({ auth, sessionId }: Authentication) {
  const lookup = auth.takeResult(service, sessionId);
  if (lookup.kind !== 'finished') throw new Error(`the session is ${lookup.kind}`);
  return JSON.parse(JSON.stringify(presentOutcome(lookup.outcome))) as Record<string, unknown>;
}

function expectFailure(authentication: Authentication, reason: string): void {
  expect(authentication.run.result.major).toBe('error');
  expect(outcomeOf(authentication)).toEqual({ status: 'failed', reason });
  const log = authentication.logLines.join('\n');
  // The date of birth as the card and the result give it; a bare "1964" turns up in timestamps.
  for (const personal of ['ERIKA', 'MUSTERMANN', '19640812', '1964-08-12', 'HEIDESTRA']) {
    expect(log).not.toContain(personal);
  }
}

/** The first byte of the 8-byte MAC at the end of a protected response (before SW1 SW2). */
function withFlippedMac(response: Buffer): Buffer {
  const copy = Buffer.from(response);
  const macStart = copy.length - 2 - 8;
  copy[macStart] = (copy[macStart] ?? 0) ^ 0x01;
  return copy;
}

describe('a full authentication against the card double', () => {
  it('reads the names, date of birth and address, verifies age, place and validity', () => {
    const authentication = authenticate(everything);
    expect(authentication.run.result).toEqual({ major: 'ok' });
    const sectorPrivateKey = service.credentials.sectorPrivateKey ?? Buffer.alloc(0);
    const riPublicKey = authentication.card.restrictedIdentificationPublicKey;
    const pseudonym = createHash('sha256').update(ecSharedX(sectorPrivateKey, riPublicKey));
    expect(outcomeOf(authentication)).toEqual({
      status: 'success',
      personalData: {
        givenNames: 'ERIKA',
        familyNames: 'MUSTERMANN',
        dateOfBirth: { year: 1964, month: 8, day: 12, iso: '1964-08-12' },
        nationality: 'D',
        placeOfResidence: {
          kind: 'structured',
          street: 'HEIDESTRA\u1e9eE 17',
          city: 'K\u00d6LN',
          country: 'D',
          zipCode: '51147',
        },
      },
      restrictedId: pseudonym.digest('hex'),
      ageVerification: true,
      placeVerification: true,
      documentValidity: true,
      operationsAllowedByUser: {
        givenNames: 'ALLOWED',
        familyNames: 'ALLOWED',
        dateOfBirth: 'ALLOWED',
        placeOfResidence: 'ALLOWED',
        restrictedId: 'ALLOWED',
        ageVerification: 'ALLOWED',
        placeVerification: 'ALLOWED',
        nationality: 'ALLOWED',
      },
    });
  });

  it('has the card check the server’s real TA signature over the auxiliary data', () => {
    const { card } = authenticate(everything);
    const externalAuthenticate = card.log.find((entry) => entry.command.ins === 0x82);
    expect(externalAuthenticate?.sw).toBe(sw.ok);
    expect(card.log.filter((entry) => entry.sw !== sw.ok)).toEqual([]);
  });

  it('verifies the age on either side of the 63rd birthday (born 1964-08-12, German time)', () => {
    const ageOn = (now: string) =>
      outcomeOf(
        authenticate({ ...everything, ageVerification: { age: 63 } }, {}, { now: new Date(now) }),
      )['ageVerification'];
    expect(ageOn('2027-08-12T08:00:00Z')).toBe(true);
    expect(ageOn('2027-08-11T20:00:00Z')).toBe(false);
  });

  it('verifies the place of residence by the community id prefix', () => {
    const placeFor = (communityId: string) =>
      outcomeOf(authenticate({ ...everything, placeVerification: { communityId } }))[
        'placeVerification'
      ];
    expect(placeFor('02760503150000')).toBe(true);
    expect(placeFor('0276')).toBe(true);
    expect(placeFor('02760504')).toBe(false);
  });

  it('reports an expired document as not valid', () => {
    const card = newCard({
      holder: { dateOfBirth: '19640812', dateOfExpiry: '20200101', communityId: '02760503150000' },
    });
    expect(outcomeOf(authenticate(everything, {}, { card }))['documentValidity']).toBe(false);
  });

  it('does not read an optional right the citizen deselected, and says so', () => {
    const authentication = authenticate(everything, {
      chooseRights: ({ required, optional }) =>
        [...required, ...optional].filter((right) => right !== 'readDG10'),
    });
    const outcome = outcomeOf(authentication);
    expect(outcome['status']).toBe('success');
    expect(outcome['personalData']).not.toHaveProperty('nationality');
    expect(outcome['operationsAllowedByUser']).not.toHaveProperty('nationality');
    expect(outcome['operationsAllowedByUser']).toHaveProperty('givenNames', 'ALLOWED');
    const reads = authentication.card.log
      .filter((entry) => entry.secureMessaging && entry.command.ins === 0xb0)
      .map((entry) => entry.command.p1 & 0x1f);
    expect(reads).toEqual([4, 5, 8, 17]);
  });
});

describe('what the card refuses, and how the session ends', () => {
  it('a wrong TA signature: the card answers 6300, the client reports an error', () => {
    const authentication = authenticate(everything, {
      signature: (signature) =>
        Buffer.concat([signature.subarray(0, 63), Buffer.from([~(signature[63] ?? 0) & 0xff])]),
    });
    expect(authentication.run.cardFailure).toEqual({
      command: 'EXTERNAL AUTHENTICATE',
      sw: sw.verificationFailed,
    });
    expectFailure(authentication, 'client-error');
  });

  it('a signature over other auxiliary data: the card refuses the server’s signature', () => {
    const authentication = authenticate(everything, {
      auxiliaryData: () =>
        encodeAuxiliaryData({ ageVerificationDate: '19000101', validityDate: '20000101' }),
    });
    expect(authentication.run.cardFailure).toEqual({
      command: 'EXTERNAL AUTHENTICATE',
      sw: sw.verificationFailed,
    });
    expectFailure(authentication, 'client-error');
  });

  it('a tampered response MAC → secure-messaging', () => {
    const authentication = authenticate(everything, {
      transmitResponses: ([first, ...rest]) => [withFlippedMac(first ?? Buffer.alloc(0)), ...rest],
    });
    expectFailure(authentication, 'secure-messaging');
  });

  it('a replayed response (protected at an earlier SSC) → secure-messaging', () => {
    const authentication = authenticate(everything, {
      transmitResponses: (responses) =>
        responses.map((response, i) => (i === 1 ? (responses[0] ?? response) : response)),
    });
    expectFailure(authentication, 'secure-messaging');
  });

  it('a wrong Chip Authentication token → chip-authentication', () => {
    const authentication = authenticate(everything, {
      authenticationToken: (token) => Buffer.from(token.map((byte) => byte ^ 0xff)),
    });
    expectFailure(authentication, 'chip-authentication');
  });

  it('an EF.CardSecurity signed by an untrusted signer → passive-authentication', () => {
    const card = newCard();
    const untrusted = makeDocumentPki('Untrusted');
    const authentication = authenticate(
      everything,
      {
        efCardSecurity: () =>
          makeCardSecurity({
            content: card.securityInfos,
            signer: untrusted.documentSigner,
          }),
      },
      { card },
    );
    expectFailure(authentication, 'passive-authentication');
  });

  it('a required right taken away → rights', () => {
    const authentication = authenticate(everything, {
      chooseRights: ({ required, optional }) =>
        [...required, ...optional].filter((right) => right !== 'readDG4'),
    });
    expectFailure(authentication, 'rights');
  });

  it.each(['EAC1', 'EAC2'] as const)('cancel at %s → cancelled', (step) => {
    const authentication = authenticate(everything, { cancelAt: step });
    expect(authentication.run.sent.at(-1)).toContain(resultMinor.cancellationByUser);
    expect(authentication.run.result.major).toBe('error');
    expect(outcomeOf(authentication)).toEqual({ status: 'cancelled' });
  });

  it('a PAOS message that does not answer the last MessageID (a replay) → protocol', () => {
    const authentication = authenticate(everything, {
      outgoing: (xml, sent) => (sent.length === 2 ? (sent[1] ?? xml) : xml),
    });
    expectFailure(authentication, 'protocol');
  });

  it('a CHAT no decoder accepts → protocol, answered in PAOS, not thrown', () => {
    const authentication = authenticate(everything, {
      outgoing: (xml) =>
        xml.replace(
          /<(\w+:)?CertificateHolderAuthorizationTemplate>[0-9A-Fa-f]+</,
          '<$1CertificateHolderAuthorizationTemplate>7F4C0100<',
        ),
    });
    expectFailure(authentication, 'protocol');
    expect(authentication.run.result.major).toBe('error');
  });

  it('refuses any message after the end', () => {
    const authentication = authenticate(everything);
    const { auth, sessionId, run } = authentication;
    for (const message of [run.sent[0] ?? '', run.sent.at(-1) ?? '']) {
      expect(() => auth.paos(sessionId, message)).toThrow(
        expect.objectContaining({ name: EidServerError.name, code: 'not-found' }),
      );
    }
    expect(outcomeOf(authentication)['status']).toBe('success');
  });
});
