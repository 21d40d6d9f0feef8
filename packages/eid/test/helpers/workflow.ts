import type { Outcome, WorkflowKind } from '@sidbox/protocol';
import type { SdkCommand } from '../../src/sdk/commands.js';
import { SdkMessage } from '../../src/sdk/messages.js';
import type { UserAction } from '../../src/workflow/actions.js';
import {
  startMachine,
  type Effect,
  type MachineConfig,
  type MachineEvent,
  type MachineState,
  type Transition,
} from '../../src/workflow/machine.js';
import { reduce } from '../../src/workflow/reduce.js';

/** Frames as AusweisApp sends them, for hand-written sequences modelled on the SDK docs. */

export const BASIC = 'REINER SCT cyberJack RFID basis 00 00';
export const KEYPAD = 'REINER SCT cyberJack RFID komfort 00 00';
export const SIMULATOR = 'Simulator';

type CardPatch = { retryCounter?: number; deactivated?: boolean; inoperative?: boolean };

export function reader(name = BASIC, card: CardPatch | null = {}, extra: object = {}) {
  return {
    name,
    attached: true,
    insertable: name === SIMULATOR,
    keypad: name === KEYPAD || name === SIMULATOR,
    card: card && { deactivated: false, inoperative: false, retryCounter: 3, ...card },
    ...extra,
  };
}

const MAJOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#';
const MINOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultminor';

export const frames = {
  readerList: (...readers: object[]) => ({ msg: 'READER_LIST', readers }),
  readerEvent: (r: object) => ({ msg: 'READER', ...r }),
  authStart: { msg: 'AUTH' },
  changePinStart: { msg: 'CHANGE_PIN' },
  accessRights: (optional = ['Address', 'DoctoralDegree']) => ({
    msg: 'ACCESS_RIGHTS',
    chat: {
      required: ['FamilyName', 'GivenNames'],
      optional,
      effective: ['FamilyName', 'GivenNames', ...optional],
    },
    aux: { requiredAge: '18' },
  }),
  certificate: {
    msg: 'CERTIFICATE',
    description: {
      issuerName: 'Issuer',
      issuerUrl: 'https://issuer.example',
      subjectName: 'Provider',
      subjectUrl: 'https://provider.example',
      termsOfUsage: 'terms',
      purpose: 'purpose',
    },
    validity: { effectiveDate: '2026-01-01', expirationDate: '2026-12-31' },
  },
  insertCard: { msg: 'INSERT_CARD' },
  enter: (msg: string, r: object = reader(), error?: string) => ({
    msg,
    reader: r,
    ...(error !== undefined && { error }),
  }),
  authOk: (url = 'https://provider.example/refresh?ResultMajor=ok') => ({
    msg: 'AUTH',
    result: { major: `${MAJOR}ok` },
    url,
  }),
  authError: (minor: string, reason?: string, url?: string) => ({
    msg: 'AUTH',
    result: {
      major: `${MAJOR}error`,
      minor: `${MINOR}${minor}`,
      ...(reason !== undefined && { reason }),
    },
    ...(url !== undefined && { url }),
  }),
  changePinDone: (success: boolean, reason?: string) => ({
    msg: 'CHANGE_PIN',
    success,
    ...(reason !== undefined && { reason }),
  }),
  badState: (cmd: string) => ({ msg: 'BAD_STATE', error: cmd }),
};

export const cancelledByUser = '/sal#cancellationByUser';

export function config(kind: WorkflowKind, patch: Partial<MachineConfig> = {}): MachineConfig {
  return {
    kind,
    training: false,
    stepTimeoutMs: 60_000,
    cancelGraceMs: 2_000,
    run:
      kind === 'auth'
        ? { cmd: 'RUN_AUTH', tcTokenURL: 'https://provider.example/tctoken' }
        : { cmd: 'RUN_CHANGE_PIN' },
    ...patch,
  };
}

/** Drives the pure machine and records every effect. */
export class Harness {
  state: MachineState;
  readonly effects: Effect[] = [];

  constructor(machineConfig: MachineConfig) {
    const start = startMachine(machineConfig);
    this.state = start.state;
    this.effects.push(...start.effects);
  }

  static of(kind: WorkflowKind, patch: Partial<MachineConfig> = {}): Harness {
    return new Harness(config(kind, patch));
  }

  feed(event: MachineEvent): Transition {
    const transition = reduce(this.state, event);
    this.state = transition.state;
    this.effects.push(...transition.effects);
    return transition;
  }

  msg(...messages: object[]): this {
    for (const message of messages)
      this.feed({ type: 'message', message: SdkMessage.parse(message) });
    return this;
  }

  act(action: UserAction): Transition {
    return this.feed({ type: 'action', action });
  }

  /** Acts and fails the test if the machine refused. */
  ok(action: UserAction): this {
    const { rejection } = this.act(action);
    if (rejection) throw rejection;
    return this;
  }

  fireTimer(): Transition {
    return this.feed({ type: 'timer-fired', timerId: this.state.timerId });
  }

  get sent(): SdkCommand[] {
    return this.effects.flatMap((e) => (e.type === 'send' ? [e.command] : []));
  }

  get sentNames(): string[] {
    return this.sent.map((command) => command.cmd);
  }

  get outcome(): Outcome | null {
    return this.state.outcome;
  }

  get published(): string[] {
    return this.effects.flatMap((e) => (e.type === 'publish' ? [e.step.step] : []));
  }
}
