import { Writable } from 'node:stream';
import type { EidStep } from '@sidbox/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, Secret, silentLogger } from '@sidbox/runtime';
import type { ChannelClosed } from '../src/sdk/channel.js';
import type { SdkCommand } from '../src/sdk/commands.js';
import { SdkMessage, type MessageOf, type SdkMessageName } from '../src/sdk/messages.js';
import { TransportPinInAuthError, WorkflowActionError } from '../src/workflow/actions.js';
import type { WorkflowPort } from '../src/workflow/port.js';
import { startAuthentication, startChangePin } from '../src/workflow/runner.js';
import { cancelledByUser, frames as f, reader } from './helpers/workflow.js';

/** A WorkflowPort the test speaks for AusweisApp through. */
class FakePort implements WorkflowPort {
  readonly apiLevel = 2;
  readonly sent: SdkCommand[] = [];
  certificate: Promise<unknown> = Promise.resolve(f.certificate);
  closed = false;
  readonly #messages = new Set<(message: SdkMessage) => void>();
  readonly #closes = new Set<(closed: ChannelClosed) => void>();

  send(command: SdkCommand): void {
    if (this.closed) throw new Error(`closed, ${command.cmd} not sent`);
    this.sent.push(command);
  }

  request<N extends SdkMessageName>(command: SdkCommand): Promise<MessageOf<N>> {
    this.sent.push(command);
    return this.certificate.then((message) => SdkMessage.parse(message) as MessageOf<N>);
  }

  onMessage(listener: (message: SdkMessage) => void): () => void {
    this.#messages.add(listener);
    return () => this.#messages.delete(listener);
  }

  onClose(listener: (closed: ChannelClosed) => void): () => void {
    this.#closes.add(listener);
    return () => this.#closes.delete(listener);
  }

  deliver(...messages: object[]): void {
    for (const message of messages) {
      const parsed = SdkMessage.parse(message);
      for (const listener of [...this.#messages]) listener(parsed);
    }
  }

  close(expected: boolean): void {
    this.closed = true;
    for (const listener of [...this.#closes]) listener({ expected, reason: 'test' });
  }

  get names(): string[] {
    return this.sent.map((command) => command.cmd);
  }

  get listenerCount(): number {
    return this.#messages.size + this.#closes.size;
  }
}

const logger = silentLogger();
const tcTokenURL = 'https://provider.example/tctoken';
const pin = Secret.digits('123456');

function auth(port: FakePort, extra: { stepTimeoutMs?: number; cancelGraceMs?: number } = {}) {
  return startAuthentication(port, { tcTokenURL, developerMode: false, logger, ...extra });
}

describe('workflow runner', () => {
  let port: FakePort;
  beforeEach(() => {
    port = new FakePort();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts the workflow and publishes steps', async () => {
    const workflow = auth(port);
    expect(workflow.kind).toBe('auth');
    expect(workflow.step.step).toBe('starting');
    expect(port.sent).toEqual([
      { cmd: 'GET_READER_LIST' },
      { cmd: 'RUN_AUTH', tcTokenURL, developerMode: false },
    ]);
    const seen: EidStep[] = [];
    workflow.onStep((step) => seen.push(step));
    port.deliver(f.readerList(reader()), f.authStart, f.accessRights());
    await vi.waitFor(() =>
      expect(workflow.step).toMatchObject({
        step: 'access-rights',
        provider: { subjectName: 'Provider' },
      }),
    );
    expect(port.names).toContain('GET_CERTIFICATE');
    expect(seen.map((step) => step.step)).toEqual(['access-rights', 'access-rights']);
    workflow.act({ type: 'accept' });
    port.deliver(f.enter('ENTER_PIN'));
    workflow.act({ type: 'pin', value: pin });
    port.deliver(f.authOk());
    const outcome = await workflow.done;
    expect(outcome).toMatchObject({ code: 'auth-success', training: false });
    expect(workflow.step).toEqual({ workflow: 'auth', training: false, step: 'done', outcome });
    expect(port.listenerCount).toBe(0);
  });

  it('throws typed errors for actions that do not fit, and changes nothing', () => {
    const workflow = auth(port);
    port.deliver(f.readerList(reader()), f.authStart, f.accessRights());
    workflow.act({ type: 'accept' });
    port.deliver(f.enter('ENTER_PIN'));
    const step = workflow.step;
    const sent = port.sent.length;
    expect(() => workflow.act({ type: 'can', value: pin })).toThrow(WorkflowActionError);
    expect(() => workflow.act({ type: 'pin', value: Secret.digits('12345') })).toThrow(
      TransportPinInAuthError,
    );
    expect(workflow.step).toBe(step);
    expect(port.sent.length).toBe(sent);
  });

  it('lets a step listener act synchronously, keeping steps in order', async () => {
    const workflow = startChangePin(port, { logger });
    const seen: string[] = [];
    workflow.onStep((step) => {
      seen.push(step.step);
      if (step.step === 'enter-pin') workflow.act({ type: 'pin', value: pin });
      if (step.step === 'enter-new-pin') workflow.act({ type: 'new-pin', value: pin });
    });
    port.deliver(f.readerList(reader()), f.changePinStart, f.enter('ENTER_PIN'));
    port.deliver(f.enter('ENTER_NEW_PIN'), f.changePinDone(true));
    expect(seen).toEqual(['enter-pin', 'working', 'enter-new-pin', 'working', 'done']);
    expect(port.names.slice(-2)).toEqual(['SET_PIN', 'SET_NEW_PIN']);
    expect((await workflow.done).code).toBe('pin-changed');
  });

  it('survives a listener that throws', async () => {
    const workflow = startChangePin(port, { logger });
    workflow.onStep(() => {
      throw new Error('listener bug');
    });
    port.deliver(f.changePinStart, f.changePinDone(true));
    expect((await workflow.done).code).toBe('pin-changed');
  });

  it('times out a step: CANCEL, then timeout', async () => {
    vi.useFakeTimers();
    const workflow = auth(port, { stepTimeoutMs: 1_000 });
    port.deliver(f.readerList(reader()), f.authStart, f.accessRights());
    vi.advanceTimersByTime(999);
    expect(port.names).not.toContain('CANCEL');
    vi.advanceTimersByTime(1);
    expect(port.names.at(-1)).toBe('CANCEL');
    port.deliver(f.authError(cancelledByUser));
    expect((await workflow.done).code).toBe('timeout');
  });

  it('restarts the step timer with every new step', async () => {
    vi.useFakeTimers();
    const workflow = startChangePin(port, { logger, stepTimeoutMs: 1_000 });
    port.deliver(f.readerList(reader()), f.changePinStart);
    vi.advanceTimersByTime(900);
    port.deliver(f.enter('ENTER_PIN'));
    vi.advanceTimersByTime(900);
    expect(port.names).not.toContain('CANCEL');
    vi.advanceTimersByTime(100);
    expect(port.names.at(-1)).toBe('CANCEL');
    workflow.cancel();
  });

  it('finishes after the grace period when the final message never comes', async () => {
    vi.useFakeTimers();
    const workflow = auth(port, { cancelGraceMs: 500 });
    port.deliver(f.authStart);
    workflow.cancel();
    expect(port.names.at(-1)).toBe('CANCEL');
    vi.advanceTimersByTime(500);
    expect((await workflow.done).code).toBe('cancelled');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a crash at once, without waiting for any timer', async () => {
    vi.useFakeTimers();
    const workflow = auth(port);
    port.deliver(f.authStart, f.accessRights());
    port.close(false);
    expect((await workflow.done).code).toBe('eid-client-crashed');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends as crashed when the connection is gone before it starts', async () => {
    port.closed = true;
    const workflow = startChangePin(port, { logger });
    expect((await workflow.done).code).toBe('eid-client-crashed');
  });

  it('cancel after the end is a no-op', async () => {
    const workflow = auth(port);
    port.close(true);
    expect((await workflow.done).code).toBe('cancelled');
    expect(() => workflow.cancel()).not.toThrow();
    expect(() => workflow.act({ type: 'accept' })).toThrow(WorkflowActionError);
  });

  it('shows the access rights without a provider if GET_CERTIFICATE fails', async () => {
    port.certificate = Promise.reject(new Error('BAD_STATE'));
    const workflow = auth(port);
    port.deliver(f.authStart, f.accessRights());
    await Promise.resolve();
    expect(workflow.step).toMatchObject({ step: 'access-rights', provider: null });
    workflow.act({ type: 'accept' });
    expect(port.names.at(-1)).toBe('ACCEPT');
  });

  it('logs steps and outcome codes under eid-workflow', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        callback();
      },
    });
    const captured = createLogger('test', { level: 'trace', destination });
    const workflow = startChangePin(port, { logger: captured, training: true });
    port.deliver(f.changePinStart, f.changePinDone(false, 'User_Cancelled'));
    await workflow.done;
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.every((record) => record.component === 'eid-workflow')).toBe(true);
    expect(records.find((record) => record.msg === 'step')).toMatchObject({ step: 'starting' });
    expect(records.find((record) => record.msg === 'outcome')).toMatchObject({
      code: 'cancelled',
      training: true,
    });
  });
});
