import { afterEach, describe, expect, it } from 'vitest';
import type { EidStep } from '@sidbox/protocol';
import { openEidConnection, type EidConnection } from '../src/connection.js';
import type { Reader } from '../src/sdk/messages.js';
import { Secret } from '@sidbox/runtime';
import { TrainingCardError } from '../src/training/card-swap-error.js';
import { TRAINING_READER } from '../src/training/messages.js';
import { startChangePin, type EidWorkflow } from '../src/workflow/runner.js';
import { drive, openSession, type Session } from './helpers/training.js';

/** Staff put another training card on the training reader, before or during a workflow. */

let session: Session | undefined;
let connection: EidConnection | undefined;

afterEach(async () => {
  session?.client.close();
  session = undefined;
  await connection?.close();
  connection = undefined;
});

/** Every READER event of the training reader from now on, card state only. */
function readerEvents(s: Session): Reader['card'][] {
  const cards: Reader['card'][] = [];
  s.client.onReader((reader) => {
    if (reader.name === TRAINING_READER) cards.push(reader.card ?? null);
  });
  return cards;
}

function untilStep(workflow: EidWorkflow, name: EidStep['step']): Promise<EidStep> {
  return new Promise((resolve) => {
    if (workflow.step.step === name) return resolve(workflow.step);
    const off = workflow.onStep((step) => {
      if (step.step !== name) return;
      off();
      resolve(step);
    });
  });
}

function untilReaderEvents(s: Session, cards: Reader['card'][], count: number): Promise<void> {
  return new Promise((resolve) => {
    if (cards.length >= count) return resolve();
    const off = s.client.onReader(() => {
      // This listener runs after the recorder (subscribed first).
      if (cards.length < count) return;
      off();
      resolve();
    });
  });
}

describe('training card swap', () => {
  it('before a workflow: the new card arrives with a READER event and the workflow uses it', async () => {
    session = await openSession('normal');
    const cards = readerEvents(session);
    session.channel.insertCard('puk-needed');
    expect(session.channel.scenario.id).toBe('puk-needed');
    await untilReaderEvents(session, cards, 1);
    expect(cards).toEqual([{ deactivated: false, inoperative: false, retryCounter: 0 }]);

    // The card already lies on the reader: no insert-card step, straight to the PUK.
    const run = await drive(startChangePin(session.client, { training: true }), {
      puk: ['1234567890'],
      pin: ['123456'],
      newPin: ['246810'],
    });
    expect(run.steps.map((step) => step.step)).not.toContain('insert-card');
    expect(run.steps.map((step) => step.step)).toContain('enter-puk');
    expect(run.outcome.code).toBe('pin-changed');
  });

  it('a card on the reader leaves (READER without card) before the new one arrives', async () => {
    session = await openSession('normal');
    session.channel.insertCard('normal');
    const cards = readerEvents(session);
    await untilReaderEvents(session, cards, 1);
    cards.length = 0;
    session.channel.insertCard('two-tries-left');
    await untilReaderEvents(session, cards, 2);
    expect(cards).toEqual([null, { deactivated: false, inoperative: false, retryCounter: 2 }]);
  });

  it('at the insert-card step the waiting workflow goes on by itself, without SET_CARD', async () => {
    session = await openSession('normal');
    const workflow = startChangePin(session.client, { training: true });
    await untilStep(workflow, 'insert-card');
    const sent: string[] = [];
    const send = session.channel.send.bind(session.channel);
    session.channel.send = (command) => {
      sent.push(command.cmd);
      send(command);
    };
    session.channel.insertCard('can-needed');
    const step = await untilStep(workflow, 'enter-can');
    expect(step).toMatchObject({ step: 'enter-can', training: true });
    expect(sent).not.toContain('SET_CARD');
    workflow.cancel();
    expect((await workflow.done).code).toBe('cancelled');
  });

  it('a deactivated card put in at the insert-card step ends the workflow with eid-deactivated', async () => {
    session = await openSession('normal');
    const workflow = startChangePin(session.client, { training: true });
    await untilStep(workflow, 'insert-card');
    session.channel.insertCard('deactivated');
    expect((await workflow.done).code).toBe('eid-deactivated');
  });

  it('is refused while the workflow talks to the card, and nothing changes', async () => {
    session = await openSession('normal');
    const workflow = startChangePin(session.client, { training: true });
    await untilStep(workflow, 'insert-card');
    workflow.act({ type: 'insert-card', reader: TRAINING_READER });
    await untilStep(workflow, 'enter-pin');
    const cards = readerEvents(session);
    const swap = () => session?.channel.insertCard('puk-needed');
    expect(swap).toThrow(TrainingCardError);
    expect(swap).toThrow(expect.objectContaining({ code: 'card-in-use' }));
    expect(session.channel.scenario.id).toBe('normal');
    // The old card is still there: its PIN works.
    workflow.act({ type: 'pin', value: Secret.digits('123456') });
    await untilStep(workflow, 'enter-new-pin');
    expect(cards).toEqual([]);
    workflow.cancel();
    await workflow.done;
  });

  it('an unknown scenario is a typed refusal', async () => {
    session = await openSession('normal');
    expect(() => session?.channel.insertCard('no-such-card')).toThrow(
      expect.objectContaining({ name: 'TrainingCardError', code: 'unknown-scenario' }),
    );
    expect(session.channel.scenario.id).toBe('normal');
  });

  it('the eID connection exposes the swap and the scenario in the reader', async () => {
    connection = await openEidConnection({ kind: 'training', scenario: 'normal' });
    expect(connection.trainingScenario).toBe('normal');
    const arrived = new Promise<Reader>((resolve) => connection?.client.onReader(resolve));
    connection.insertTrainingCard('expired');
    expect(connection.trainingScenario).toBe('expired');
    expect((await arrived).card).toMatchObject({ retryCounter: 3 });
  });
});
