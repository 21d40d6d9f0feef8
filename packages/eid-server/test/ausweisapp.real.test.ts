import { createHash } from 'node:crypto';
import type { EidStep, Outcome } from '@sidbox/protocol';
import {
  AusweisAppSupervisor,
  startAuthentication,
  type EidWorkflow,
  type SdkClient,
} from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ecPrivateKeyFromPem, ecPublicKeyOf, ecSharedX } from '../src/crypto/brainpool.js';
import {
  freePort,
  lostSimulatorRace,
  SIMULATOR_ATTEMPTS,
  SIMULATOR_RI_KEY_2,
  startTestEidServer,
  type TestEidServer,
} from './helpers/eid-server.js';
import { find, getResultRequest, parseAnswer, startSoapEService } from './helpers/soap-eservice.js';

// Complete authentications: the real AusweisApp 1.26.2 with its Simulator card (ERIKA
// MUSTERMANN) against our eID-Server running the test PKI. AusweisApp runs with pre-verification
// off, as `sidbox eid auth --test-pki` does; everything else is as in production.

let eidServer: TestEidServer;
let supervisor: AusweisAppSupervisor | undefined;

beforeAll(async () => {
  eidServer = await startTestEidServer();
});
afterAll(() => eidServer.close());
afterEach(async () => {
  await supervisor?.stop();
  supervisor = undefined;
});

async function ausweisApp(): Promise<SdkClient> {
  supervisor = new AusweisAppSupervisor({ acceptTestPki: true, logger: silentLogger() });
  return supervisor.start();
}

/** Answers the steps like a citizen at the Simulator's keypad; `stopAt` cancels there instead. */
function citizen(
  workflow: EidWorkflow,
  options: { deselect?: string[]; stopAt?: EidStep['step'] } = {},
) {
  const seen: EidStep[] = [];
  const answer = (step: EidStep): void => {
    seen.push(step);
    if (step.step === options.stopAt) return workflow.act({ type: 'cancel' });
    if (step.step === 'access-rights') {
      workflow.act({ type: 'accept', ...(options.deselect && { deselect: options.deselect }) });
    }
    if (step.step === 'insert-card') workflow.act({ type: 'insert-card', reader: 'Simulator' });
    if (step.step === 'enter-pin') workflow.act({ type: 'pin' });
  };
  workflow.onStep(answer);
  answer(workflow.step);
  return seen;
}

interface Authentication {
  sessionId: string;
  outcome: Outcome;
  steps: EidStep[];
}

/** An authentication on a new session, run again only after a lost Simulator race. */
async function authenticate(
  request: object,
  options: Parameters<typeof citizen>[1] = {},
): Promise<Authentication> {
  return authenticateWith(async () => {
    const answer = await eidServer.startSession({
      refreshAddress: `${eidServer.setup.publicOrigin}/self-check/done`,
      ...request,
    } as never);
    expect(answer.status).toBe(201);
    return JSON.parse(answer.body) as { sessionId: string; tcTokenURL: string };
  }, options);
}

/** Runs an authentication on a fresh session each attempt (see `authenticate`). */
async function authenticateWith(
  startSession: () => Promise<{ sessionId: string; tcTokenURL: string }>,
  options: Parameters<typeof citizen>[1] = {},
  server: TestEidServer = eidServer,
): Promise<Authentication> {
  for (let attempt = 1; ; attempt++) {
    const { sessionId, tcTokenURL } = await startSession();
    await supervisor?.stop();
    const workflow = startAuthentication(await ausweisApp(), { tcTokenURL });
    const steps = citizen(workflow, options);
    const outcome = await workflow.done;
    if (attempt < SIMULATOR_ATTEMPTS && lostSimulatorRace(server, sessionId)) continue;
    return { sessionId, outcome, steps };
  }
}

async function takeResult(sessionId: string) {
  const answer = await eidServer.result(sessionId);
  expect(answer.status).toBe(200);
  return JSON.parse(answer.body) as Record<string, unknown>;
}

describe('a complete authentication with the real AusweisApp and its Simulator card', () => {
  it('reads names, date of birth, address and the pseudonym, once', async () => {
    const { sessionId, outcome, steps } = await authenticate({
      operations: {
        givenNames: 'REQUIRED',
        familyNames: 'REQUIRED',
        dateOfBirth: 'REQUIRED',
        placeOfResidence: 'REQUIRED',
        restrictedId: 'REQUIRED',
      },
    });
    expect(outcome).toMatchObject({
      workflow: 'auth',
      code: 'auth-success',
      url: `${eidServer.setup.publicOrigin}/self-check/done`,
    });

    const consent = steps.find((step) => step.step === 'access-rights');
    expect(consent).toMatchObject({
      required: expect.arrayContaining([
        'GivenNames',
        'FamilyName',
        'DateOfBirth',
        'Address',
        'Pseudonym',
      ]),
    });

    const result = await takeResult(sessionId);
    const sectorKey = ecPrivateKeyFromPem(eidServer.setup.pki.sectorPrivateKeyPem);
    const expectedPseudonym = createHash('sha256')
      .update(ecSharedX(sectorKey, ecPublicKeyOf(SIMULATOR_RI_KEY_2)))
      .digest('hex');
    expect(result).toMatchObject({
      status: 'success',
      personalData: {
        givenNames: 'ERIKA',
        familyNames: 'MUSTERMANN',
        dateOfBirth: { iso: '1964-08-12' },
        placeOfResidence: {
          kind: 'structured',
          street: 'HEIDESTRAẞE 17',
          city: 'KÖLN',
          country: 'D',
          zipCode: '51147',
        },
      },
      restrictedId: expectedPseudonym,
      documentValidity: true,
    });
    expect((await eidServer.result(sessionId)).status).toBe(404);
  });

  it('answers "older than 18" without reading the date of birth', async () => {
    const { sessionId, outcome } = await authenticate({
      operations: { ageVerification: 'REQUIRED' },
      ageVerification: { age: 18 },
    });
    expect(outcome).toMatchObject({ ok: true });
    const result = await takeResult(sessionId);
    expect(result).toMatchObject({ status: 'success', ageVerification: true, personalData: {} });
    expect(result.personalData).not.toHaveProperty('dateOfBirth');
  });

  it('gives "cancelled" and reads nothing when the citizen cancels at the PIN', async () => {
    const { sessionId, outcome } = await authenticate(
      { operations: { givenNames: 'REQUIRED' } },
      { stopAt: 'enter-pin' },
    );
    expect(outcome).toMatchObject({ code: 'cancelled' });
    const result = await takeResult(sessionId);
    expect(result).toEqual({ status: 'cancelled' });
  });

  it('serves an existing eService over TR-03130 SOAP: useID, its own TC token, getResult once', async () => {
    const port = await freePort();
    const soapServer = await startTestEidServer({ serviceOrigin: `https://127.0.0.1:${port}` });
    const eService = await startSoapEService(soapServer, port);
    try {
      let sessionIdHex = '';
      const { outcome } = await authenticateWith(
        async () => {
          const started = await eService.useId({
            GivenNames: 'REQUIRED',
            PlaceOfResidence: 'ALLOWED',
          });
          sessionIdHex = started.sessionIdHex;
          return {
            sessionId: Buffer.from(sessionIdHex, 'hex').toString('utf8'),
            tcTokenURL: started.tcTokenURL,
          };
        },
        {},
        soapServer,
      );
      expect(outcome).toMatchObject({ code: 'auth-success' });
      const answer = parseAnswer((await soapServer.soap(getResultRequest(sessionIdHex, 1))).body);
      expect(find(answer, 'ResultMajor')?.text).toMatch(/#ok$/);
      expect(find(find(answer, 'GivenNames') ?? answer, 'GivenNames')?.text).toBe('ERIKA');
      expect(find(find(answer, 'PlaceOfResidence') ?? answer, 'City')?.text).toBe('KÖLN');
      const again = parseAnswer((await soapServer.soap(getResultRequest(sessionIdHex, 2))).body);
      expect(find(again, 'ResultMinor')?.text).toMatch(/getResult#invalidSession$/);
    } finally {
      await eService.close();
      await soapServer.close();
    }
  });

  it('logs session ids and outcomes, never what the card said', () => {
    expect(eidServer.logLines.join('')).toContain('session ended');
    // Timestamps, pids and session ids are numbers and hex: leave them out of the search.
    const notCardData = new Set(['time', 'pid', 'session']);
    for (const line of eidServer.logLines) {
      const fields = Object.entries(JSON.parse(line) as Record<string, unknown>);
      const text = JSON.stringify(fields.filter(([key]) => !notCardData.has(key)));
      for (const secret of [
        'ERIKA',
        'MUSTERMANN',
        '19640812',
        '1964-08-12',
        'HEIDESTRA',
        'KÖLN',
        '51147',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
