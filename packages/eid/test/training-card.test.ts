import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { trainingScenarios } from '../src/training/scenarios.js';
import { startAuthentication, startChangePin } from '../src/workflow/runner.js';
import {
  drive,
  openSession,
  startProvider,
  stepNames,
  type Run,
  type Session,
} from './helpers/training.js';
import { silentLogger } from '@sidbox/runtime';

/** The training card through the real SdkClient and the real workflows, end to end. */

const logger = silentLogger();
const PIN = '123456';
const TRANSPORT = '12345';
const CAN = '654321';
const PUK = '1234567890';
const NEW_PIN = '246810';

let session: Session | undefined;
let provider: Awaited<ReturnType<typeof startProvider>>;

beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  await provider.close();
});
afterEach(() => {
  session?.client.close();
  session = undefined;
});

async function open(scenario: string): Promise<Session> {
  session = await openSession(scenario);
  return session;
}

function changePin({ client }: Session, script: Parameters<typeof drive>[1]): Promise<Run> {
  return drive(startChangePin(client, { training: true, logger }), script);
}

function authenticate(
  { client }: Session,
  script: Parameters<typeof drive>[1],
  path = '/tctoken',
): Promise<Run> {
  const tcTokenURL = `${provider.base}${path}`;
  return drive(startAuthentication(client, { tcTokenURL, training: true, logger }), script);
}

function expectTraining(run: Run): void {
  expect(run.outcome.training).toBe(true);
  expect(run.steps.every((step) => step.training)).toBe(true);
}

describe('training scenarios list', () => {
  it('has every scenario with German and English texts and the card values', () => {
    expect(trainingScenarios.map((s) => s.id)).toEqual([
      'transport-pin',
      'normal',
      'two-tries-left',
      'can-needed',
      'puk-needed',
      'deactivated',
      'puk-used-up',
      'card-removed',
      'expired',
    ]);
    for (const scenario of trainingScenarios) {
      expect(scenario.title.de && scenario.title.en && scenario.description.de).toBeTruthy();
      expect(scenario.description.en).toBeTruthy();
      expect(scenario.cardValues).toContain(`CAN ${CAN}`);
    }
    expect(trainingScenarios[0]?.cardValues).toContain(`transport PIN ${TRANSPORT}`);
  });
});

describe('PIN change on the training card', () => {
  it('transport PIN → own PIN, then the own PIN works and the transport PIN no more', async () => {
    const s = await open('transport-pin');
    const first = await changePin(s, { pin: [TRANSPORT], newPin: [NEW_PIN] });
    expect(stepNames(first)).toEqual([
      'starting',
      'insert-card',
      'working',
      'enter-pin',
      'working',
      'enter-new-pin',
      'working',
      'done',
    ]);
    expect(first.outcome).toMatchObject({ code: 'pin-changed', ok: true, retryCounter: 3 });
    expectTraining(first);
    const again = await changePin(s, { pin: [NEW_PIN], newPin: [PIN] });
    expect(again.outcome.code).toBe('pin-changed');
    const transportAgain = await changePin(s, { pin: [TRANSPORT] });
    expect(transportAgain.outcome).toMatchObject({ code: 'wrong-pin', retryCounter: 2 });
  });

  it('wrong PIN → 2 tries → CAN (wrong, right) → last PIN → success', async () => {
    const s = await open('normal');
    const run = await changePin(s, {
      pin: ['000000', '000000', PIN],
      can: ['111111', CAN],
      newPin: [NEW_PIN],
    });
    const pinSteps = run.steps.filter(
      (step) => step.step === 'enter-pin' || step.step === 'enter-can',
    );
    expect(pinSteps).toMatchObject([
      { step: 'enter-pin', retryCounter: 3, lastAttemptWrong: false },
      { step: 'enter-pin', retryCounter: 2, lastAttemptWrong: true },
      { step: 'enter-can', lastAttemptWrong: false },
      { step: 'enter-can', lastAttemptWrong: true },
      { step: 'enter-pin', retryCounter: 1, lastAttemptWrong: false },
    ]);
    expect(run.outcome).toMatchObject({ code: 'pin-changed', retryCounter: 3 });
  });

  it('two-tries-left starts at counter 2', async () => {
    const run = await changePin(await open('two-tries-left'), { pin: [PIN], newPin: [NEW_PIN] });
    expect(run.steps.find((step) => step.step === 'enter-pin')).toMatchObject({ retryCounter: 2 });
    expect(run.outcome.code).toBe('pin-changed');
  });

  it('can-needed asks for the CAN first; without it the outcome is pin-suspended', async () => {
    const s = await open('can-needed');
    const giveUp = await changePin(s, { pin: [PIN] });
    expect(giveUp.outcome).toMatchObject({ code: 'pin-suspended', retryCounter: 1 });
    const run = await changePin(s, { can: [CAN], pin: [PIN], newPin: [NEW_PIN] });
    expect(stepNames(run)).toContain('enter-can');
    expect(run.outcome.code).toBe('pin-changed');
  });

  it('a wrong last PIN blocks it; the PUK unblocks it (counter back to 3)', async () => {
    const s = await open('can-needed');
    const blocked = await changePin(s, { can: [CAN], pin: ['000000'] });
    expect(blocked.outcome).toMatchObject({ code: 'pin-blocked', retryCounter: 0 });
    const run = await changePin(s, { puk: ['0000000000', PUK], pin: [PIN], newPin: [NEW_PIN] });
    expect(run.steps.filter((step) => step.step === 'enter-puk')).toMatchObject([
      { lastAttemptWrong: false },
      { lastAttemptWrong: true },
    ]);
    expect(run.steps.find((step) => step.step === 'enter-pin')).toMatchObject({ retryCounter: 3 });
    expect(run.outcome.code).toBe('pin-changed');
  });

  it('puk-needed without a PUK ends as pin-blocked; a wrong one as wrong-puk', async () => {
    const s = await open('puk-needed');
    expect((await changePin(s, {})).outcome.code).toBe('pin-blocked');
    expect((await changePin(s, { puk: ['0000000000'] })).outcome.code).toBe('wrong-puk');
  });

  it('deactivated: eid-deactivated', async () => {
    const run = await changePin(await open('deactivated'), { pin: [PIN] });
    expect(run.outcome.code).toBe('eid-deactivated');
    expectTraining(run);
  });

  it('puk-used-up: the right PUK makes the card inoperative, and it stays so', async () => {
    const s = await open('puk-used-up');
    const run = await changePin(s, { puk: [PUK], pin: [PIN] });
    expect(run.outcome).toMatchObject({
      code: 'card-inoperative',
      detail: { reason: 'Establish_Pace_Channel_Puk_Inoperative' },
    });
    const next = await changePin(s, { puk: [PUK] });
    expect(next.outcome.code).toBe('card-inoperative');
    expect(stepNames(next)).not.toContain('enter-puk');
  });

  it('card-removed: the card leaves the reader after the PIN entry', async () => {
    const s = await open('card-removed');
    const run = await changePin(s, { pin: [PIN], newPin: [NEW_PIN] });
    expect(run.outcome.code).toBe('card-removed');
    expectTraining(run);
    const again = await changePin(s, { pin: [PIN], newPin: [NEW_PIN] });
    expect(again.outcome.code).toBe('pin-changed');
  });

  it('cancel ends as cancelled', async () => {
    const run = await changePin(await open('normal'), {
      onStep: (step, workflow) => {
        if (step.step !== 'enter-pin') return false;
        workflow.cancel();
        return true;
      },
    });
    expect(run.outcome).toMatchObject({ code: 'cancelled', detail: { reason: 'User_Cancelled' } });
  });

  it('a crash of the (training) AusweisApp ends as eid-client-crashed', async () => {
    const s = await open('normal');
    const run = await changePin(s, {
      onStep: (step) => {
        if (step.step !== 'enter-pin') return false;
        s.channel.crash();
        return true;
      },
    });
    expect(run.outcome.code).toBe('eid-client-crashed');
  });

  it('expired test data still allow a PIN change', async () => {
    const run = await changePin(await open('expired'), { pin: [PIN], newPin: [NEW_PIN] });
    expect(run.outcome.code).toBe('pin-changed');
  });
});

describe('authentication on the training card', () => {
  it('consents with a deselected optional right and returns the refresh address', async () => {
    const s = await open('normal');
    const chats: unknown[] = [];
    s.client.onMessage((message) => {
      if (message.msg === 'ACCESS_RIGHTS') chats.push(message.chat.effective);
    });
    const run = await authenticate(s, {
      deselect: ['Address'],
      pin: [PIN],
      // Consent only once the provider is shown, as a citizen would.
      onStep: (step) => step.step === 'access-rights' && step.provider === null,
    });
    expect(run.steps.find((step) => step.step === 'access-rights' && step.provider)).toMatchObject({
      provider: { subjectName: 'SIDbox Schulungsdienst / Training service' },
      required: ['FamilyName', 'GivenNames', 'DateOfBirth'],
      optional: ['Address', 'DoctoralDegree'],
    });
    expect(chats.at(-1)).toEqual(['FamilyName', 'GivenNames', 'DateOfBirth', 'DoctoralDegree']);
    expect(run.outcome).toMatchObject({ code: 'auth-success', ok: true, training: true });
    const url = new URL(run.outcome.url ?? '');
    expect(url.pathname).toBe('/refresh');
    expect(url.searchParams.get('session')).toBe('1');
    expect(url.searchParams.get('lang')).toBe('de');
    expect(url.searchParams.get('ResultMajor')).toBe('ok');
    expectTraining(run);
  });

  it('follows a redirect to the TC token', async () => {
    const run = await authenticate(await open('normal'), { pin: [PIN] }, '/redirect-to-token');
    expect(run.outcome.code).toBe('auth-success');
  });

  it('a redirect without a token sends the browser to its target', async () => {
    const run = await authenticate(await open('normal'), {}, '/redirect-to-page');
    expect(run.outcome).toMatchObject({
      code: 'provider-unreachable',
      url: `${provider.base}/sorry`,
    });
  });

  it('an answer without a token fails without url', async () => {
    const run = await authenticate(await open('normal'), {}, '/no-token');
    expect(run.outcome.code).toBe('provider-unreachable');
    expect(run.outcome.url).toBeUndefined();
  });

  it('an unreachable TC token URL: provider-unreachable without url, like AusweisApp', async () => {
    const s = await open('normal');
    const tcTokenURL = 'http://127.0.0.1:1/tctoken';
    const run = await drive(startAuthentication(s.client, { tcTokenURL, training: true, logger }));
    expect(run.outcome).toMatchObject({
      code: 'provider-unreachable',
      detail: { minor: expect.stringContaining('#trustedChannelEstablishmentFailed') },
    });
    expect(run.outcome.url).toBeUndefined();
  });

  it('wrong PIN in auth: wrong-pin when the driver has no other', async () => {
    const run = await authenticate(await open('normal'), { pin: ['000000'] });
    expect(run.outcome).toMatchObject({ code: 'wrong-pin', retryCounter: 2 });
    expect(new URL(run.outcome.url ?? '').pathname).toBe('/error');
    expect(new URL(run.outcome.url ?? '').searchParams.get('ResultMajor')).toBe('error');
  });

  it('a transport-PIN card: transport-pin-required', async () => {
    const run = await authenticate(await open('transport-pin'), { pin: [PIN] });
    expect(run.outcome).toMatchObject({
      code: 'transport-pin-required',
      detail: { reason: 'Establish_Pace_Channel_No_Active_Pin' },
    });
  });

  it('expired: card-expired', async () => {
    const run = await authenticate(await open('expired'), { pin: [PIN] });
    expect(run.outcome).toMatchObject({ code: 'card-expired', detail: { reason: 'Card_Expired' } });
  });

  it('card-removed: card-removed', async () => {
    const run = await authenticate(await open('card-removed'), { pin: [PIN] });
    expect(run.outcome.code).toBe('card-removed');
  });

  it('deactivated: eid-deactivated', async () => {
    const run = await authenticate(await open('deactivated'), { pin: [PIN] });
    expect(run.outcome.code).toBe('eid-deactivated');
  });

  it('can-needed and puk-needed work in auth too', async () => {
    expect(
      (await authenticate(await open('can-needed'), { can: [CAN], pin: [PIN] })).outcome.code,
    ).toBe('auth-success');
    session?.client.close();
    const run = await authenticate(await open('puk-needed'), { puk: [PUK], pin: [PIN] });
    expect(run.outcome).toMatchObject({ code: 'auth-success', retryCounter: 3 });
  });

  it('cancel at the access rights sends the citizen to the error address', async () => {
    const run = await authenticate(await open('normal'), {
      onStep: (step, workflow) => {
        if (step.step !== 'access-rights') return false;
        workflow.cancel();
        return true;
      },
    });
    expect(run.outcome.code).toBe('cancelled');
    const url = new URL(run.outcome.url ?? '');
    expect(url.pathname).toBe('/error');
    expect(url.searchParams.get('ResultMinor')).toBe('cancellationByUser');
  });
});
