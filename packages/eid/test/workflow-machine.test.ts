import type { WorkflowKind } from '@sidbox/protocol';
import { describe, expect, it } from 'vitest';
import { Secret } from '@sidbox/runtime';
import {
  TransportPinInAuthError,
  WorkflowActionError,
  type UserAction,
} from '../src/workflow/actions.js';
import {
  BASIC,
  Harness,
  KEYPAD,
  SIMULATOR,
  cancelledByUser,
  frames as f,
  reader,
} from './helpers/workflow.js';

const pin = Secret.digits('111111');
const transportPin = Secret.digits('11111');
const can = Secret.digits('222222');
const puk = Secret.digits('3333333333');
const newPin = Secret.digits('444444');

/** The final message AusweisApp sends after CANCEL. */
function cancelledFinal(kind: WorkflowKind): object {
  return kind === 'auth' ? f.authError(cancelledByUser, 'User_Cancelled') : f.changePinDone(false);
}

function runStart(kind: WorkflowKind, readers: object[] = [reader()]): Harness {
  return Harness.of(kind).msg(
    f.readerList(...readers),
    kind === 'auth' ? f.authStart : f.changePinStart,
  );
}

/** Past the access rights (auth) or straight after the start (change PIN). */
function atCard(kind: WorkflowKind, readers: object[] = [reader()]): Harness {
  const h = runStart(kind, readers);
  if (kind === 'auth') h.msg(f.accessRights()).ok({ type: 'accept' });
  return h;
}

type Reach = { kind: WorkflowKind; step: string; readerInUse: boolean; at: () => Harness };

/** Every step each workflow can wait in, reached the way AusweisApp leads there. */
const steps: Reach[] = [
  { kind: 'auth', step: 'starting', readerInUse: false, at: () => runStart('auth') },
  {
    kind: 'auth',
    step: 'access-rights',
    readerInUse: false,
    at: () => runStart('auth').msg(f.accessRights()),
  },
  {
    kind: 'auth',
    step: 'insert-card',
    readerInUse: false,
    at: () => atCard('auth', [reader(SIMULATOR, null)]).msg(f.insertCard),
  },
  {
    kind: 'auth',
    step: 'enter-pin',
    readerInUse: true,
    at: () => atCard('auth').msg(f.enter('ENTER_PIN')),
  },
  {
    kind: 'auth',
    step: 'enter-can',
    readerInUse: true,
    at: () => atCard('auth').msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 }))),
  },
  {
    kind: 'auth',
    step: 'enter-puk',
    readerInUse: true,
    at: () => atCard('auth').msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 }))),
  },
  {
    kind: 'auth',
    step: 'working',
    readerInUse: true,
    at: () => atCard('auth').msg(f.enter('ENTER_PIN')).ok({ type: 'pin', value: pin }),
  },
  { kind: 'change-pin', step: 'starting', readerInUse: false, at: () => runStart('change-pin') },
  {
    kind: 'change-pin',
    step: 'insert-card',
    readerInUse: false,
    at: () => atCard('change-pin', [reader(SIMULATOR, null)]).msg(f.insertCard),
  },
  {
    kind: 'change-pin',
    step: 'enter-pin',
    readerInUse: true,
    at: () => atCard('change-pin').msg(f.enter('ENTER_PIN')),
  },
  {
    kind: 'change-pin',
    step: 'enter-can',
    readerInUse: true,
    at: () => atCard('change-pin').msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 }))),
  },
  {
    kind: 'change-pin',
    step: 'enter-puk',
    readerInUse: true,
    at: () => atCard('change-pin').msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 }))),
  },
  {
    kind: 'change-pin',
    step: 'enter-new-pin',
    readerInUse: true,
    at: () => atCard('change-pin').msg(f.enter('ENTER_NEW_PIN')),
  },
  {
    kind: 'change-pin',
    step: 'working',
    readerInUse: true,
    at: () => atCard('change-pin').msg(f.enter('ENTER_PIN')).ok({ type: 'pin', value: pin }),
  },
];

/** Each action with the one step it belongs to (values fit a basic reader). */
const actions: { action: UserAction; validIn: string }[] = [
  { action: { type: 'accept' }, validIn: 'access-rights' },
  { action: { type: 'insert-card', reader: SIMULATOR }, validIn: 'insert-card' },
  { action: { type: 'pin', value: pin }, validIn: 'enter-pin' },
  { action: { type: 'can', value: can }, validIn: 'enter-can' },
  { action: { type: 'puk', value: puk }, validIn: 'enter-puk' },
  { action: { type: 'new-pin', value: newPin }, validIn: 'enter-new-pin' },
];

describe.each(steps)('$kind at $step', ({ kind, step, readerInUse, at }) => {
  it('is reached', () => {
    expect(at().state.step.step).toBe(step);
  });

  it('cancel sends CANCEL and ends as cancelled with the final message', () => {
    const h = at();
    const sentBefore = h.sent.length;
    h.ok({ type: 'cancel' });
    expect(h.sentNames.slice(sentBefore)).toEqual(['CANCEL']);
    expect(h.state.step.step).toBe('working');
    h.ok({ type: 'cancel' }); // a second cancel is a no-op
    expect(h.sentNames.slice(sentBefore)).toEqual(['CANCEL']);
    h.msg(cancelledFinal(kind));
    expect(h.outcome?.code).toBe('cancelled');
    expect(h.state.step.step).toBe('done');
  });

  it('cancel finishes after the grace period if AusweisApp never answers', () => {
    const h = at();
    h.ok({ type: 'cancel' });
    expect(h.outcome).toBeNull();
    h.fireTimer();
    expect(h.outcome?.code).toBe('cancelled');
  });

  it('times out: CANCEL, then outcome timeout (the machine reason wins)', () => {
    const h = at();
    h.fireTimer();
    expect(h.sentNames.at(-1)).toBe('CANCEL');
    h.msg(cancelledFinal(kind));
    expect(h.outcome?.code).toBe('timeout');
  });

  it('a crash of AusweisApp ends at once with eid-client-crashed', () => {
    const h = at();
    const sentBefore = h.sent.length;
    h.feed({ type: 'channel-closed', expected: false });
    expect(h.outcome?.code).toBe('eid-client-crashed');
    expect(h.sent.length).toBe(sentBefore);
    expect(h.effects.at(-1)).toEqual({ type: 'finish', outcome: h.outcome });
  });

  it('an orderly close ends as cancelled', () => {
    const h = at();
    h.feed({ type: 'channel-closed', expected: true });
    expect(h.outcome?.code).toBe('cancelled');
  });

  it(`card removal ${readerInUse ? 'cancels with card-removed' : 'is no reason to cancel'}`, () => {
    const h = at();
    const sentBefore = h.sent.length;
    h.msg(f.readerEvent(reader(BASIC, null)));
    if (!readerInUse) {
      expect(h.sent.length).toBe(sentBefore);
      return;
    }
    expect(h.sentNames.slice(sentBefore)).toEqual(['CANCEL']);
    h.msg(cancelledFinal(kind));
    expect(h.outcome?.code).toBe('card-removed');
  });

  it('a reader unplugged mid-flow counts as card removal', () => {
    if (!readerInUse) return;
    const h = at().msg({ msg: 'READER', name: BASIC, attached: false });
    h.msg(cancelledFinal(kind));
    expect(h.outcome?.code).toBe('card-removed');
  });

  it('BAD_STATE for a command of ours cancels with eid-error', () => {
    const h = at().msg(f.badState('SET_PIN'));
    expect(h.sentNames.at(-1)).toBe('CANCEL');
    h.msg(cancelledFinal(kind));
    expect(h.outcome?.code).toBe('eid-error');
  });

  it.each(actions.filter((a) => a.validIn !== step))(
    'refuses $action.type and changes nothing',
    ({ action }) => {
      const h = at();
      const before = h.state;
      const effects = h.effects.length;
      const { rejection } = h.act(action);
      expect(rejection).toBeInstanceOf(WorkflowActionError);
      expect(rejection?.code).toBe('not-now');
      expect(h.state).toBe(before);
      expect(h.effects.length).toBe(effects);
    },
  );

  it('refuses every action but cancel once finished', () => {
    const h = at();
    h.feed({ type: 'channel-closed', expected: false });
    for (const { action } of actions) expect(h.act(action).rejection?.code).toBe('finished');
    expect(h.act({ type: 'cancel' }).rejection).toBeUndefined();
  });
});

describe('authentication', () => {
  it('shows who asks, lets optional rights go, and passes the PIN on', () => {
    const h = runStart('auth').msg(f.accessRights());
    expect(h.effects.filter((e) => e.type === 'request-certificate')).toHaveLength(1);
    h.feed({ type: 'certificate', certificate: f.certificate as never });
    const step = h.state.step;
    expect(step).toMatchObject({
      step: 'access-rights',
      provider: { subjectName: 'Provider', validUntil: '2026-12-31' },
      optional: ['Address', 'DoctoralDegree'],
      requiredAge: 18,
    });
    h.ok({ type: 'accept', deselect: ['Address'] });
    expect(h.sent.at(-1)).toEqual({ cmd: 'SET_ACCESS_RIGHTS', chat: ['DoctoralDegree'] });
    h.msg(f.accessRights(['DoctoralDegree']));
    expect(h.sent.at(-1)).toEqual({ cmd: 'ACCEPT' });
    expect(h.state.step.step).toBe('working');
    h.msg(f.enter('ENTER_PIN')).ok({ type: 'pin', value: pin });
    expect(h.sent.at(-1)).toEqual({ cmd: 'SET_PIN', value: pin });
    h.msg(f.authOk('https://provider.example/refresh?x=1'));
    expect(h.outcome).toMatchObject({
      workflow: 'auth',
      code: 'auth-success',
      ok: true,
      messageKey: 'eid.outcome.auth-success',
      url: 'https://provider.example/refresh?x=1',
      retryCounter: 3,
      training: false,
    });
  });

  it('accepts without SET_ACCESS_RIGHTS when nothing is deselected', () => {
    const h = runStart('auth').msg(f.accessRights()).ok({ type: 'accept', deselect: [] });
    expect(h.sentNames.at(-1)).toBe('ACCEPT');
  });

  it('refuses to deselect a required or unknown right', () => {
    const h = runStart('auth').msg(f.accessRights());
    const before = h.state;
    expect(h.act({ type: 'accept', deselect: ['FamilyName'] }).rejection?.code).toBe(
      'unknown-right',
    );
    expect(h.state).toBe(before);
  });

  it('cancels with eid-error if AusweisApp refuses our SET_ACCESS_RIGHTS', () => {
    const h = runStart('auth')
      .msg(f.accessRights())
      .ok({ type: 'accept', deselect: ['Address'] });
    h.msg({ ...f.accessRights(), error: 'nope' });
    expect(h.sentNames.at(-1)).toBe('CANCEL');
  });

  it('keeps the access-rights step without a certificate', () => {
    const h = runStart('auth').msg(f.accessRights());
    h.feed({ type: 'certificate', certificate: null });
    expect(h.state.step).toMatchObject({ step: 'access-rights', provider: null });
  });

  it('refuses a 5-digit transport PIN with a typed error, unchanged', () => {
    const h = atCard('auth').msg(f.enter('ENTER_PIN'));
    const before = h.state;
    const { rejection } = h.act({ type: 'pin', value: transportPin });
    expect(rejection).toBeInstanceOf(TransportPinInAuthError);
    expect(h.state).toBe(before);
  });

  it.each([
    ['pin', '1234567'],
    ['can', '12345'],
    ['puk', '123456789'],
  ] as const)('refuses %s with %s (wrong length)', (type, digits) => {
    const h = atCard('auth').msg(
      f.enter(
        type === 'pin' ? 'ENTER_PIN' : type === 'can' ? 'ENTER_CAN' : 'ENTER_PUK',
        reader(BASIC, { retryCounter: type === 'puk' ? 0 : 1 }),
      ),
    );
    const error = h.act({ type, value: Secret.digits(digits) }).rejection;
    expect(error?.code).toBe('wrong-length');
    expect(error?.message).not.toContain(digits);
  });

  it('refuses a missing value on a basic reader', () => {
    const h = atCard('auth').msg(f.enter('ENTER_PIN'));
    expect(h.act({ type: 'pin' }).rejection?.code).toBe('value-required');
  });

  it('uses a keypad reader without values', () => {
    const h = atCard('auth', [reader(KEYPAD)]).msg(f.enter('ENTER_PIN', reader(KEYPAD)));
    expect(h.state.step).toMatchObject({ step: 'enter-pin', keypad: true });
    expect(h.act({ type: 'pin', value: pin }).rejection?.code).toBe('value-not-allowed');
    h.ok({ type: 'pin' });
    expect(h.sent.at(-1)).toEqual({ cmd: 'SET_PIN' });
  });

  it('walks the whole card: 3 → 2 → CAN → last PIN → PUK → PIN', () => {
    const h = atCard('auth').msg(f.enter('ENTER_PIN'));
    expect(h.state.step).toMatchObject({
      step: 'enter-pin',
      retryCounter: 3,
      minDigits: 6,
      maxDigits: 6,
      lastAttemptWrong: false,
    });
    h.ok({ type: 'pin', value: pin }).msg(f.enter('ENTER_PIN', reader(BASIC, { retryCounter: 2 })));
    expect(h.state.step).toMatchObject({ retryCounter: 2, lastAttemptWrong: true });
    h.ok({ type: 'pin', value: pin }).msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 })));
    expect(h.state.step).toMatchObject({ step: 'enter-can', lastAttemptWrong: false });
    h.ok({ type: 'can', value: can }).msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 })));
    expect(h.state.step).toMatchObject({ step: 'enter-can', lastAttemptWrong: true });
    h.ok({ type: 'can', value: can }).msg(f.enter('ENTER_PIN', reader(BASIC, { retryCounter: 1 })));
    expect(h.state.step).toMatchObject({
      step: 'enter-pin',
      retryCounter: 1,
      lastAttemptWrong: false,
    });
    h.ok({ type: 'pin', value: pin }).msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 })));
    expect(h.state.step).toMatchObject({ step: 'enter-puk', lastAttemptWrong: false });
    h.ok({ type: 'puk', value: puk }).msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 })));
    expect(h.state.step).toMatchObject({ step: 'enter-puk', lastAttemptWrong: true });
    h.ok({ type: 'puk', value: puk }).msg(f.enter('ENTER_PIN', reader(BASIC, { retryCounter: 3 })));
    expect(h.state.step).toMatchObject({
      step: 'enter-pin',
      retryCounter: 3,
      lastAttemptWrong: false,
    });
    h.ok({ type: 'pin', value: pin }).msg(f.authOk());
    expect(h.outcome).toMatchObject({ code: 'auth-success', retryCounter: 3 });
    expect(h.sentNames.filter((name) => name.startsWith('SET_'))).toEqual([
      'SET_PIN',
      'SET_PIN',
      'SET_CAN',
      'SET_CAN',
      'SET_PIN',
      'SET_PUK',
      'SET_PUK',
      'SET_PIN',
    ]);
  });

  it('a malformed value comes back with error and changes nothing', () => {
    const h = atCard('auth').msg(f.enter('ENTER_PIN')).ok({ type: 'pin', value: pin });
    h.msg(f.enter('ENTER_PIN', reader(), 'You must provide 6 digits'));
    expect(h.state.step).toMatchObject({
      step: 'enter-pin',
      retryCounter: 3,
      lastAttemptWrong: false,
    });
  });

  it('cancels a deactivated card waiting in INSERT_CARD', () => {
    const h = atCard('auth', [reader(BASIC, { deactivated: true })]).msg(f.insertCard);
    expect(h.sentNames.at(-1)).toBe('CANCEL');
    h.msg(cancelledFinal('auth'));
    expect(h.outcome?.code).toBe('eid-deactivated');
  });

  it('cancels when a deactivated card is put on the reader', () => {
    const h = atCard('auth', [reader(BASIC, null)]).msg(f.insertCard);
    expect(h.state.step).toMatchObject({
      step: 'insert-card',
      readers: [{ name: BASIC, card: null }],
    });
    h.msg(f.readerEvent(reader(BASIC, { deactivated: true })), cancelledFinal('auth'));
    expect(h.outcome?.code).toBe('eid-deactivated');
  });

  it('cancels when the card inserted with SET_CARD turns out deactivated', () => {
    const h = atCard('auth', [reader(SIMULATOR, null)]).msg(f.insertCard);
    h.ok({ type: 'insert-card', reader: SIMULATOR });
    h.msg(f.readerEvent(reader(SIMULATOR, { deactivated: true })), cancelledFinal('auth'));
    expect(h.outcome?.code).toBe('eid-deactivated');
  });

  it('goes on when AusweisApp shelves the Simulator card after the card phase', () => {
    const h = atCard('auth', [reader(SIMULATOR, null)]).msg(f.insertCard);
    h.ok({ type: 'insert-card', reader: SIMULATOR });
    h.msg(f.readerEvent(reader(SIMULATOR, {})));
    const sentBefore = h.sent.length;
    h.msg(f.readerEvent(reader(SIMULATOR, null)));
    expect(h.sent.length).toBe(sentBefore);
    expect(h.state.phase).toBe('running');
  });

  it('shows an unknown (non-eID) card as a problem and keeps waiting', () => {
    const h = atCard('auth', [reader(BASIC, null)]).msg(f.insertCard);
    h.msg(f.readerEvent({ ...reader(BASIC, null), card: {} }));
    expect(h.state.step).toMatchObject({ step: 'insert-card', problem: 'unknown-card' });
    expect(h.state.phase).toBe('running');
  });

  it('surfaces no reader as insert-card without readers; the timeout says no-reader', () => {
    const h = atCard('auth', []).msg(f.insertCard);
    expect(h.state.step).toMatchObject({ step: 'insert-card', readers: [] });
    h.fireTimer();
    h.msg(cancelledFinal('auth'));
    expect(h.outcome?.code).toBe('no-reader');
  });

  it('inserts the Simulator card with SET_CARD', () => {
    const h = atCard('auth', [reader(SIMULATOR, null)]).msg(f.insertCard);
    expect(h.act({ type: 'insert-card', reader: BASIC }).rejection?.code).toBe('unknown-reader');
    h.ok({ type: 'insert-card', reader: SIMULATOR });
    expect(h.sent.at(-1)).toEqual({ cmd: 'SET_CARD', name: SIMULATOR });
    expect(h.state.step.step).toBe('working');
  });

  it('goes back to insert-card when SET_CARD is refused', () => {
    const h = atCard('auth', [reader(SIMULATOR, null)]).msg(f.insertCard);
    h.ok({ type: 'insert-card', reader: SIMULATOR }).msg({ msg: 'INSERT_CARD', error: 'x' });
    expect(h.state.step.step).toBe('insert-card');
  });

  it('cancels an inoperative PUK (ENTER_PUK with inoperative)', () => {
    const h = atCard('auth').msg(
      f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0, inoperative: true })),
    );
    expect(h.sentNames.at(-1)).toBe('CANCEL');
    h.msg(cancelledFinal('auth'));
    expect(h.outcome?.code).toBe('card-inoperative');
  });

  it('reads a bare final error right after SET_PUK as an inoperative PUK (1.26.2)', () => {
    const h = atCard('auth').msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 })));
    h.ok({ type: 'puk', value: puk }).msg(f.authError('/al/common#internalError'));
    expect(h.outcome?.code).toBe('card-inoperative');
  });

  it('answers PAUSE with CONTINUE', () => {
    const h = atCard('auth').msg({ msg: 'PAUSE', cause: 'BadCardPosition' });
    expect(h.sent.at(-1)).toEqual({ cmd: 'CONTINUE' });
    expect(h.state.phase).toBe('running');
  });

  it('shows progress while working', () => {
    const h = atCard('auth').msg({ msg: 'STATUS', workflow: 'AUTH', progress: 40, state: null });
    expect(h.state.step).toMatchObject({ step: 'working', progress: 40 });
  });

  it('ends with invalid-request if RUN_AUTH is refused', () => {
    const h = Harness.of('auth').msg({ msg: 'AUTH', error: 'Invalid tcTokenURL' });
    expect(h.outcome?.code).toBe('invalid-request');
    expect(h.sentNames).toEqual(['GET_READER_LIST', 'RUN_AUTH']);
  });

  it('ignores a final message of an earlier workflow before its own start', () => {
    const h = Harness.of('auth').msg(f.authError(cancelledByUser));
    expect(h.outcome).toBeNull();
    h.msg(f.authStart, f.authOk());
    expect(h.outcome?.code).toBe('auth-success');
  });

  it('ignores refusals of request() calls and of CANCEL', () => {
    const h = runStart('auth').msg(f.accessRights());
    h.msg({ msg: 'BAD_STATE', error: 'GET_CERTIFICATE', request: 'r1' }, f.badState('CANCEL'));
    expect(h.state.phase).toBe('running');
  });

  it('ignores a stale timer of an earlier step', () => {
    const h = runStart('auth');
    const stale = h.state.timerId;
    h.msg(f.accessRights());
    h.feed({ type: 'timer-fired', timerId: stale });
    expect(h.state.phase).toBe('running');
  });

  it('counts a success that overtook our CANCEL', () => {
    const h = atCard('auth').msg(f.enter('ENTER_PIN')).ok({ type: 'pin', value: pin });
    h.fireTimer();
    h.msg(f.authOk());
    expect(h.outcome?.code).toBe('auth-success');
  });

  it('cancels on ENTER_NEW_PIN, which authentication never asks for', () => {
    const h = atCard('auth').msg(f.enter('ENTER_NEW_PIN'));
    expect(h.sentNames.at(-1)).toBe('CANCEL');
  });

  it('marks training outcomes and steps', () => {
    const h = Harness.of('auth', { training: true }).msg(f.authStart, f.authOk());
    expect(h.outcome?.training).toBe(true);
    expect(h.state.step.training).toBe(true);
  });

  it('keeps url and detail of a failed authentication', () => {
    const h = runStart('auth').msg(
      f.authError('/dp#trustedChannelEstablishmentFailed', undefined, 'https://p.example/err'),
    );
    expect(h.outcome).toMatchObject({
      code: 'provider-unreachable',
      ok: false,
      url: 'https://p.example/err',
      detail: {
        major: 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error',
        minor:
          'http://www.bsi.bund.de/ecard/api/1.1/resultminor/dp#trustedChannelEstablishmentFailed',
      },
    });
  });
});

describe('give-up ends with what the driver could not supply', () => {
  const cases: [string, (h: Harness) => Harness, string, number?][] = [
    ['PIN asked first', (h) => h.msg(f.enter('ENTER_PIN')), 'cancelled', 3],
    [
      'PIN wrong once',
      (h) =>
        h
          .msg(f.enter('ENTER_PIN'))
          .ok({ type: 'pin', value: pin })
          .msg(f.enter('ENTER_PIN', reader(BASIC, { retryCounter: 2 }))),
      'wrong-pin',
      2,
    ],
    [
      'CAN needed',
      (h) => h.msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 }))),
      'pin-suspended',
      1,
    ],
    [
      'CAN wrong',
      (h) =>
        h
          .msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 })))
          .ok({ type: 'can', value: can })
          .msg(f.enter('ENTER_CAN', reader(BASIC, { retryCounter: 1 }))),
      'wrong-can',
      1,
    ],
    [
      'PUK needed',
      (h) => h.msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 }))),
      'pin-blocked',
      0,
    ],
    [
      'PUK wrong',
      (h) =>
        h
          .msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 })))
          .ok({ type: 'puk', value: puk })
          .msg(f.enter('ENTER_PUK', reader(BASIC, { retryCounter: 0 }))),
      'wrong-puk',
      0,
    ],
  ];

  it.each(['auth', 'change-pin'] as const)('%s: no reader → no-reader', (kind) => {
    const h = atCard(kind, []).msg(f.insertCard).ok({ type: 'give-up' });
    h.msg(cancelledFinal(kind));
    expect(h.outcome?.code).toBe('no-reader');
  });

  describe.each(['auth', 'change-pin'] as const)('%s', (kind) => {
    it.each(cases)('%s → %s', (_name, reach, code, retryCounter) => {
      const h = reach(atCard(kind)).ok({ type: 'give-up' });
      expect(h.sentNames.at(-1)).toBe('CANCEL');
      h.msg(cancelledFinal(kind));
      expect(h.outcome).toMatchObject({ code, retryCounter });
    });
  });
});

describe('PIN change', () => {
  it('takes the 5-digit transport PIN and a new 6-digit PIN', () => {
    const h = atCard('change-pin').msg(f.enter('ENTER_PIN'));
    expect(h.state.step).toMatchObject({ step: 'enter-pin', minDigits: 5, maxDigits: 6 });
    h.ok({ type: 'pin', value: transportPin }).msg(f.enter('ENTER_NEW_PIN'));
    expect(h.act({ type: 'new-pin', value: transportPin }).rejection?.code).toBe('wrong-length');
    h.ok({ type: 'new-pin', value: newPin });
    expect(h.sent.slice(-2)).toEqual([
      { cmd: 'SET_PIN', value: transportPin },
      { cmd: 'SET_NEW_PIN', value: newPin },
    ]);
    h.msg(f.changePinDone(true));
    expect(h.outcome).toMatchObject({
      code: 'pin-changed',
      ok: true,
      messageKey: 'eid.outcome.pin-changed',
    });
  });

  it('refuses 4 digits', () => {
    const h = atCard('change-pin').msg(f.enter('ENTER_PIN'));
    expect(h.act({ type: 'pin', value: Secret.digits('1234') }).rejection?.code).toBe(
      'wrong-length',
    );
  });

  it('accepts the Simulator quirk: success right after SET_CARD', () => {
    const h = atCard('change-pin', [reader(SIMULATOR, null)]).msg(f.insertCard);
    h.ok({ type: 'insert-card', reader: SIMULATOR }).msg(f.changePinDone(true));
    expect(h.outcome?.code).toBe('pin-changed');
  });

  it.each([
    [undefined, 'eid-error'],
    ['Card_Removed', 'card-removed'],
    ['User_Cancelled', 'cancelled'],
    ['Change_Pin_Input_Timeout', 'timeout'],
    ['Establish_Pace_Channel_Puk_Inoperative', 'card-inoperative'],
  ])('maps success:false with reason %s to %s', (reason, code) => {
    const h = atCard('change-pin').msg(f.enter('ENTER_PIN')).ok({ type: 'pin', value: pin });
    h.msg(f.changePinDone(false, reason));
    expect(h.outcome?.code).toBe(code);
  });

  it('cancels on ACCESS_RIGHTS, which a PIN change never asks for', () => {
    const h = runStart('change-pin').msg(f.accessRights());
    expect(h.sentNames.at(-1)).toBe('CANCEL');
  });

  it('ignores AUTH messages', () => {
    const h = runStart('change-pin').msg(f.authOk());
    expect(h.state.phase).toBe('running');
  });
});
