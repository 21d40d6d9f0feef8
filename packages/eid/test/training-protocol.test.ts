import { afterEach, describe, expect, it } from 'vitest';
import type { TaggedCommand } from '../src/sdk/commands.js';
import { SdkMessage } from '../src/sdk/messages.js';
import { Secret } from '@sidbox/runtime';
import { TrainingCard } from '../src/training/card.js';
import { createTrainingChannel, type TrainingChannel } from '../src/training/channel.js';
import { TRAINING_READER } from '../src/training/messages.js';
import { trainingCardValues, trainingScenarios } from '../src/training/scenarios.js';
import { parseTcToken } from '../src/training/tc-token.js';

/** The training AusweisApp at the wire: raw commands in, raw messages out. */

type Frame = Record<string, unknown>;

class Wire {
  readonly received: Frame[] = [];
  #waiters: (() => void)[] = [];

  constructor(readonly channel: TrainingChannel) {
    channel.onMessage((message) => {
      this.received.push(message as Frame);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** The next message not yet taken. */
  async next(): Promise<Frame> {
    while (this.received.length === 0) await new Promise<void>((wake) => this.#waiters.push(wake));
    const frame = this.received.shift() as Frame;
    // Every frame must be a valid SDK message for our client.
    expect(SdkMessage.safeParse(frame).success).toBe(true);
    return frame;
  }

  /** Raw values go out as they are, as from any SDK client (serializeCommand reveals them). */
  send(command: Frame): void {
    const { value } = command;
    const raw = value === undefined || value instanceof Secret ? value : { reveal: () => value };
    this.channel.send({ ...command, ...(raw !== undefined && { value: raw }) } as TaggedCommand);
  }

  async ask(command: Frame): Promise<Frame> {
    this.send(command);
    return this.next();
  }
}

let wire: Wire | undefined;

async function connect(scenario = 'normal'): Promise<Wire> {
  const w = new Wire(createTrainingChannel(scenario));
  wire = w;
  expect(await w.next()).toEqual({
    msg: 'READER',
    name: TRAINING_READER,
    attached: true,
    insertable: true,
    keypad: false,
    card: null,
  });
  return w;
}

/** RUN_CHANGE_PIN up to ENTER_PIN, with the training card inserted. */
async function changePinAtPin(scenario = 'normal'): Promise<Wire> {
  const w = await connect(scenario);
  expect(await w.ask({ cmd: 'RUN_CHANGE_PIN' })).toEqual({ msg: 'CHANGE_PIN' });
  expect(await w.next()).toEqual({ msg: 'INSERT_CARD' });
  w.send({ cmd: 'SET_CARD', name: TRAINING_READER });
  expect(await w.next()).toMatchObject({ msg: 'READER', card: { retryCounter: 3 } });
  expect(await w.next()).toMatchObject({ msg: 'ENTER_PIN', reader: { name: TRAINING_READER } });
  return w;
}

afterEach(() => {
  wire?.channel.close();
  wire = undefined;
});

describe('training AusweisApp protocol', () => {
  it('never answers synchronously inside send', async () => {
    const w = await connect();
    w.send({ cmd: 'GET_INFO' });
    expect(w.received).toEqual([]);
    expect(await w.next()).toMatchObject({ msg: 'INFO' });
  });

  it('says clearly that it is a training card, and echoes request', async () => {
    const w = await connect();
    expect(await w.ask({ cmd: 'GET_INFO', request: 7 })).toMatchObject({
      msg: 'INFO',
      request: 7,
      VersionInfo: { Name: 'SIDbox Training Card', 'Specification-Title': 'TR-03124' },
    });
  });

  it('speaks API levels 1 and 2, current 2, like 1.26.2', async () => {
    const w = await connect();
    expect(await w.ask({ cmd: 'GET_API_LEVEL' })).toEqual({
      msg: 'API_LEVEL',
      available: [1, 2],
      current: 2,
    });
    expect(await w.ask({ cmd: 'SET_API_LEVEL', level: 3 })).toEqual({
      msg: 'API_LEVEL',
      current: 2,
      error: 'Unknown level',
    });
    expect(await w.ask({ cmd: 'SET_API_LEVEL' })).toMatchObject({
      error: 'Level cannot be undefined',
    });
    expect(await w.ask({ cmd: 'SET_API_LEVEL', level: 1 })).toEqual({
      msg: 'API_LEVEL',
      current: 1,
    });
    expect(await w.ask({ cmd: 'GET_READER_LIST' })).toMatchObject({
      reader: [{ name: TRAINING_READER }],
    });
    expect(await w.ask({ cmd: 'GET_STATUS' })).toEqual({
      msg: 'UNKNOWN_COMMAND',
      error: 'GET_STATUS',
    });
  });

  it('answers reader and status queries', async () => {
    const w = await connect();
    expect(await w.ask({ cmd: 'GET_READER_LIST' })).toMatchObject({
      readers: [{ name: TRAINING_READER }],
    });
    expect(await w.ask({ cmd: 'GET_READER', name: 'Other' })).toEqual({
      msg: 'READER',
      name: 'Other',
      attached: false,
    });
    expect(await w.ask({ cmd: 'GET_STATUS' })).toEqual({
      msg: 'STATUS',
      workflow: null,
      progress: null,
      state: null,
    });
  });

  it.each(['FOO', 'INTERRUPT', 'CONTINUE', 'GET_LOG'])(
    'answers %s with UNKNOWN_COMMAND',
    async (cmd) => {
      const w = await connect();
      expect(await w.ask({ cmd })).toEqual({ msg: 'UNKNOWN_COMMAND', error: cmd });
    },
  );

  it('answers a command without cmd with INVALID', async () => {
    const w = await connect();
    expect(await w.ask({ request: 1 })).toEqual({
      msg: 'INVALID',
      error: 'Command cannot be undefined',
      request: 1,
    });
  });

  it.each([
    'SET_PIN',
    'SET_CAN',
    'SET_PUK',
    'SET_NEW_PIN',
    'ACCEPT',
    'GET_CERTIFICATE',
    'SET_CARD',
    'CANCEL',
  ])('answers %s out of state with BAD_STATE', async (cmd) => {
    const w = await connect();
    expect(await w.ask({ cmd })).toEqual({ msg: 'BAD_STATE', error: cmd });
  });

  it.each([
    [{}, 'tcTokenURL cannot be undefined'],
    [{ tcTokenURL: 'not a url' }, 'Invalid tcTokenURL'],
    [{ tcTokenURL: 'file:///tctoken' }, 'Validation of tcTokenURL failed'],
  ])('refuses RUN_AUTH %j', async (fields, error) => {
    const w = await connect();
    expect(await w.ask({ cmd: 'RUN_AUTH', ...fields })).toEqual({ msg: 'AUTH', error });
  });

  it('refuses a second workflow while one runs', async () => {
    const w = await changePinAtPin();
    expect(await w.ask({ cmd: 'RUN_CHANGE_PIN' })).toEqual({
      msg: 'BAD_STATE',
      error: 'RUN_CHANGE_PIN',
    });
  });

  it.each([
    [{ cmd: 'SET_PIN' }, 'Value cannot be undefined'],
    [{ cmd: 'SET_PIN', value: 1234 }, 'Invalid value'],
    [{ cmd: 'SET_PIN', value: '1234' }, 'You must provide 5 - 6 digits'],
    [{ cmd: 'SET_PIN', value: '12a456' }, 'You must provide 5 - 6 digits'],
  ])('refuses a malformed PIN %j without using a try', async (command, error) => {
    const w = await changePinAtPin();
    expect(await w.ask(command)).toMatchObject({
      msg: 'ENTER_PIN',
      error,
      reader: { card: { retryCounter: 3 } },
    });
  });

  it('enforces 6 digits for the new PIN, 6 for the CAN and 10 for the PUK', async () => {
    const w = await changePinAtPin();
    w.send({ cmd: 'SET_PIN', value: '000000' });
    expect(await w.next()).toMatchObject({ msg: 'READER', card: { retryCounter: 2 } });
    expect(await w.next()).toMatchObject({
      msg: 'ENTER_PIN',
      reader: { card: { retryCounter: 2 } },
    });
    w.send({ cmd: 'SET_PIN', value: '000000' });
    await w.next();
    expect(await w.next()).toMatchObject({
      msg: 'ENTER_CAN',
      reader: { card: { retryCounter: 1 } },
    });
    expect(await w.ask({ cmd: 'SET_CAN', value: '12345' })).toMatchObject({
      msg: 'ENTER_CAN',
      error: 'You must provide 6 digits',
    });
    expect(await w.ask({ cmd: 'SET_CAN', value: trainingCardValues.can })).toMatchObject({
      msg: 'ENTER_PIN',
    });
    w.send({ cmd: 'SET_PIN', value: '000000' });
    await w.next();
    expect(await w.next()).toMatchObject({
      msg: 'ENTER_PUK',
      reader: { card: { retryCounter: 0 } },
    });
    expect(await w.ask({ cmd: 'SET_PUK', value: '123456789' })).toMatchObject({
      error: 'You must provide 10 digits',
    });
    w.send({ cmd: 'SET_PUK', value: trainingCardValues.puk });
    expect(await w.next()).toMatchObject({ msg: 'READER', card: { retryCounter: 3 } });
    expect(await w.next()).toMatchObject({ msg: 'ENTER_PIN' });
    expect(await w.ask({ cmd: 'SET_PIN', value: trainingCardValues.pin })).toMatchObject({
      msg: 'ENTER_NEW_PIN',
    });
    expect(await w.ask({ cmd: 'SET_NEW_PIN', value: '12345' })).toMatchObject({
      msg: 'ENTER_NEW_PIN',
      error: 'You must provide 6 digits',
    });
    expect(await w.ask({ cmd: 'SET_NEW_PIN', value: '246810' })).toEqual({
      msg: 'CHANGE_PIN',
      success: true,
    });
  });

  it('takes the value through the wire format: a Secret arrives as digits', async () => {
    const w = await changePinAtPin();
    w.send({ cmd: 'SET_PIN', value: Secret.digits(trainingCardValues.pin) });
    expect(await w.next()).toMatchObject({ msg: 'ENTER_NEW_PIN' });
  });

  it('CANCEL ends a PIN change with success:false', async () => {
    const w = await changePinAtPin();
    expect(await w.ask({ cmd: 'CANCEL' })).toEqual({
      msg: 'CHANGE_PIN',
      success: false,
      reason: 'User_Cancelled',
    });
    expect(await w.ask({ cmd: 'CANCEL' })).toEqual({ msg: 'BAD_STATE', error: 'CANCEL' });
  });

  it('a deactivated card leaves the workflow waiting in INSERT_CARD', async () => {
    const w = await connect('deactivated');
    await w.ask({ cmd: 'RUN_CHANGE_PIN' });
    expect(await w.next()).toEqual({ msg: 'INSERT_CARD' });
    w.send({ cmd: 'SET_CARD', name: TRAINING_READER });
    expect(await w.next()).toMatchObject({ msg: 'READER', card: { deactivated: true } });
    expect(await w.ask({ cmd: 'GET_STATUS' })).toMatchObject({ state: 'INSERT_CARD' });
  });

  it('refuses SET_CARD for an unknown reader', async () => {
    const w = await connect();
    await w.ask({ cmd: 'RUN_CHANGE_PIN' });
    await w.next();
    expect(await w.ask({ cmd: 'SET_CARD', name: 'Simulator' })).toEqual({
      msg: 'INSERT_CARD',
      error: 'Unknown reader name',
    });
  });

  it('closes expectedly on close() and unexpectedly on crash()', async () => {
    const a = createTrainingChannel('normal');
    const b = createTrainingChannel('normal');
    const closedA = new Promise((resolve) => a.onClose(resolve));
    const closedB = new Promise((resolve) => b.onClose(resolve));
    a.close();
    b.crash();
    expect(await closedA).toEqual({ expected: true, reason: 'closed by client' });
    expect(await closedB).toEqual({ expected: false, reason: 'training AusweisApp crashed' });
    expect(a.closed).toBe(true);
    expect(() => a.send({ cmd: 'GET_INFO' })).toThrow(/closed/);
  });

  it('rejects an unknown scenario, naming the known ones', () => {
    expect(() => createTrainingChannel('nope')).toThrow(/normal/);
  });
});

describe('training card rules', () => {
  const setup = trainingScenarios.find((s) => s.id === 'puk-needed')?.setup;

  it('unblocks with the PUK ten times, then is inoperative', () => {
    if (!setup) throw new Error('scenario missing');
    const card = new TrainingCard(trainingCardValues, setup);
    for (let unblock = 0; unblock < 10; unblock++) {
      expect(card.checkPuk(trainingCardValues.puk)).toBe('right');
      for (let i = 0; i < 3; i++) card.checkPin('000000');
      expect(card.retryCounter).toBe(0);
    }
    expect(card.checkPuk('0000000000')).toBe('wrong');
    expect(card.checkPuk(trainingCardValues.puk)).toBe('inoperative');
    expect(card.info).toEqual({ deactivated: false, inoperative: true, retryCounter: 0 });
  });

  it('never prints its numbers', () => {
    if (!setup) throw new Error('scenario missing');
    const card = new TrainingCard({ ...trainingCardValues, pin: '918273' }, setup);
    expect(JSON.stringify(card)).not.toContain('918273');
  });
});

describe('TC token parsing', () => {
  it('reads a namespaced token with entities and CDATA', () => {
    const xml = `<?xml version="1.0"?><tc:TCTokenType xmlns:tc="urn:x">
      <tc:ServerAddress>https://eid.example</tc:ServerAddress>
      <tc:RefreshAddress><![CDATA[https://p.example/r?a=1&b=2]]></tc:RefreshAddress>
      <tc:CommunicationErrorAddress>https://p.example/e?a=1&amp;b=2</tc:CommunicationErrorAddress>
    </tc:TCTokenType>`;
    expect(parseTcToken(xml)).toEqual({
      refreshAddress: 'https://p.example/r?a=1&b=2',
      communicationErrorAddress: 'https://p.example/e?a=1&b=2',
    });
  });

  it('is not fooled by other XML or a token without RefreshAddress', () => {
    expect(parseTcToken('<html><RefreshAddress>x</RefreshAddress></html>')).toBeUndefined();
    expect(
      parseTcToken('<TCTokenType><ServerAddress>x</ServerAddress></TCTokenType>'),
    ).toBeUndefined();
  });
});
