import { Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import type { EidStep } from '@sidbox/protocol';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, Secret, type Logger } from '@sidbox/runtime';
import { TRAINING_READER } from '../src/training/messages.js';
import type { UserAction } from '../src/workflow/actions.js';
import { startAuthentication, startChangePin, type EidWorkflow } from '../src/workflow/runner.js';
import {
  drive,
  openSession,
  startProvider,
  type Script,
  type Session,
} from './helpers/training.js';
import { Harness, frames as f, reader } from './helpers/workflow.js';

/** PIN, CAN, PUK and new PIN must never show up in any output, however it is produced. */

const values = { pin: '918273', can: '564738', puk: '9081726354', transportPin: '90817' };
const NEW_PIN = '507162';
const distinctive = [values.pin, values.can, values.puk, values.transportPin, NEW_PIN];

/** Everything the code under test printed, published, returned or threw. */
const output: string[] = [];
const capture = (...texts: string[]) => output.push(...texts);

function memoryLogger(): Logger {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      capture(chunk.toString());
      callback();
    },
  });
  return createLogger('secrecy', { level: 'trace', destination });
}

let provider: Awaited<ReturnType<typeof startProvider>>;
let logger: Logger;
const sessions: Session[] = [];

beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  await provider.close();
});
beforeEach(() => {
  logger = memoryLogger();
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => capture(format(...args)));
  }
});
afterEach(() => {
  for (const session of sessions.splice(0)) session.client.close();
  vi.restoreAllMocks();
});

async function session(scenario: string): Promise<Session> {
  const opened = await openSession(scenario, values, logger);
  sessions.push(opened);
  return opened;
}

/** Drives a workflow and records every step, the outcome and the objects involved. */
async function record(workflow: EidWorkflow, script: Script, extra: () => unknown[] = () => []) {
  workflow.onStep((step: EidStep) => capture(JSON.stringify(step), inspect(step, { depth: null })));
  const run = await drive(workflow, {
    ...script,
    onStep: (step, wf) => {
      tryRefused(wf, step);
      return script.onStep?.(step, wf) ?? false;
    },
  });
  capture(JSON.stringify(run.outcome), inspect(run.outcome, { depth: null }));
  for (const object of [workflow, ...extra()]) {
    capture(inspect(object, { depth: null, showHidden: true }), JSON.stringify(object) ?? '');
  }
  return run;
}

/** Wrong-length and out-of-step values with our digits: the errors must not echo them. */
function tryRefused(workflow: EidWorkflow, step: EidStep): void {
  const attempts: UserAction[] = [
    { type: 'pin', value: Secret.digits(values.transportPin) },
    { type: 'can', value: Secret.digits(`${values.can}1`) },
    { type: 'puk', value: Secret.digits(values.pin) },
    { type: 'new-pin', value: Secret.digits(values.puk) },
  ];
  for (const action of attempts) {
    if (
      step.step === 'enter-pin' &&
      action.type === 'pin' &&
      step.maxDigits === 6 &&
      step.minDigits === 5
    ) {
      continue; // 5 digits are a valid (wrong) transport PIN in a PIN change
    }
    try {
      workflow.act(action);
      throw new Error(`accepted ${action.type} in ${step.step}`);
    } catch (error) {
      capture(
        String(error),
        (error as Error).stack ?? '',
        inspect(error, { depth: null, showHidden: true }),
      );
    }
  }
}

function expectNoSecrets(): void {
  const all = output.join('\n');
  expect(all.length).toBeGreaterThan(1_000);
  expect(all).toContain('"component":"eid-workflow"');
  for (const digits of distinctive) expect(all).not.toContain(digits);
}

describe('no PIN, CAN or PUK in any output', () => {
  beforeEach(() => {
    output.length = 0;
  });

  it('PIN change with wrong PINs, the CAN, the PIN and a new PIN', async () => {
    const s = await session('normal');
    const run = await record(
      startChangePin(s.client, { training: true, logger }),
      { pin: ['000000', '000000', values.pin], can: [values.can], newPin: [NEW_PIN] },
      () => [s.client, s.channel],
    );
    expect(run.outcome.code).toBe('pin-changed');
    expect(output.join('\n')).toContain('SET_CAN');
    expect(output.join('\n')).toContain('[redacted]');
    expectNoSecrets();
  });

  it('PUK unblock, then authentication with consent', async () => {
    const s = await session('puk-needed');
    const unblock = await record(startChangePin(s.client, { training: true, logger }), {
      puk: [values.puk],
      pin: [values.pin],
      newPin: [NEW_PIN],
    });
    expect(unblock.outcome.code).toBe('pin-changed');
    const auth = await record(
      startAuthentication(s.client, {
        tcTokenURL: `${provider.base}/tctoken`,
        training: true,
        logger,
      }),
      { pin: [NEW_PIN], deselect: ['Address'] },
      () => [s.client],
    );
    expect(auth.outcome.code).toBe('auth-success');
    expectNoSecrets();
  });

  it('transport PIN change and a card removed mid-flow', async () => {
    const transport = await session('transport-pin');
    const changed = await record(startChangePin(transport.client, { training: true, logger }), {
      pin: [values.transportPin],
      newPin: [NEW_PIN],
    });
    expect(changed.outcome.code).toBe('pin-changed');
    const removed = await session('card-removed');
    const run = await record(startChangePin(removed.client, { training: true, logger }), {
      pin: [values.pin],
    });
    expect(run.outcome.code).toBe('card-removed');
    expectNoSecrets();
  });

  it('the pure machine state and effects print no digits', () => {
    const h = Harness.of('auth', { training: true })
      .msg(f.readerList(reader(TRAINING_READER)), f.authStart, f.accessRights())
      .ok({ type: 'accept' })
      .msg(f.enter('ENTER_PIN', reader(TRAINING_READER)))
      .ok({ type: 'pin', value: Secret.digits(values.pin) });
    expect(h.sent.at(-1)?.cmd).toBe('SET_PIN');
    capture(
      inspect(h.state, { depth: null, showHidden: true }),
      inspect(h.effects, { depth: null, showHidden: true }),
      JSON.stringify(h.effects),
      JSON.stringify(h.state),
      String(
        h.effects.map((effect) => (effect.type === 'send' ? `${effect.command.cmd}` : effect.type)),
      ),
    );
    const all = output.join('\n');
    expect(all).toContain('SET_PIN');
    for (const digits of distinctive) expect(all).not.toContain(digits);
  });
});

describe('Secret', () => {
  const secret = Secret.digits(values.pin);

  it('prints as [redacted] in every way', () => {
    const printed = [
      String(secret),
      `${secret}`,
      secret + '',
      JSON.stringify({ pin: secret }),
      inspect(secret),
      inspect({ nested: { pin: secret } }, { depth: null, showHidden: true }),
      format('%s %o %O %j', secret, secret, secret, secret),
      new Error(`bad ${secret}`).message,
      String(new Error('x', { cause: secret }).cause),
    ];
    for (const text of printed) {
      expect(text).toContain('[redacted]');
      expect(text).not.toContain(values.pin);
    }
    expect(secret.reveal()).toBe(values.pin);
    expect(secret.length).toBe(6);
  });

  it('refuses non-digits without echoing them', () => {
    expect(() => Secret.digits('9182x3')).toThrow(/digits only/);
    try {
      Secret.digits('9182x3');
    } catch (error) {
      expect(String(error)).not.toContain('9182x3');
    }
  });
});
