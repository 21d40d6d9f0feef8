import { Listeners, OnceEvent, silentLogger, type Logger } from '@sidbox/runtime';
import type { WorkflowPort } from '../workflow/port.js';
import { UnparsableFrame, type ChannelClosed, type SdkChannel } from './channel.js';
import { describeCommand, type SdkCommand, type TaggedCommand } from './commands.js';
import { Deadlines } from './deadlines.js';
import {
  ApiLevelError,
  ChannelClosedError,
  ProtocolViolationError,
  SdkError,
  SdkTimeoutError,
  replyError,
} from './errors.js';
import {
  SdkMessage,
  errorMessages,
  type ErrorMessageName,
  type MessageOf,
  type Reader,
  type SdkMessageName,
} from './messages.js';

export interface SdkClientOptions {
  logger?: Logger;
  /** Default limit for `request`; AusweisApp answers direct commands within milliseconds. */
  requestTimeoutMs?: number;
  /** The level assumed until AusweisApp reports one (1.26 starts at 2, 2.2+ at 3). */
  apiLevel?: number;
}

/**
 * Workflow starts whose first message comes without our `request`: 1.26.2 echoes it only when
 * it refuses the start (observed), so an untagged start message settles the pending start.
 */
const untaggedReplies: Partial<Record<string, SdkMessageName>> = {
  RUN_AUTH: 'AUTH',
  RUN_CHANGE_PIN: 'CHANGE_PIN',
};

/** The API levels we speak, best first. */
export const supportedApiLevels = [3, 2] as const;

interface Pending {
  command: string;
  expect: SdkMessageName;
  resolve: (message: SdkMessage) => void;
  reject: (error: SdkError) => void;
}

/**
 * A typed AusweisApp SDK connection over any `SdkChannel`: validates every incoming frame,
 * correlates replies by `request`, turns error replies into typed errors, and keeps the
 * current reader list.
 */
export class SdkClient implements WorkflowPort {
  readonly #channel: SdkChannel;
  readonly #logger: Logger;
  readonly #timeoutMs: number;
  readonly #pending = new Map<string, Pending>();
  readonly #deadlines = new Deadlines<string>();
  readonly #readers = new Map<string, Reader>();
  readonly #messages: Listeners<SdkMessage>;
  readonly #readerEvents: Listeners<Reader>;
  readonly #statusEvents: Listeners<MessageOf<'STATUS'>>;
  readonly #errors: Listeners<SdkError>;
  readonly #closes: OnceEvent<ChannelClosed>;
  #apiLevel: number;
  #nextRequest = 1;

  constructor(channel: SdkChannel, options: SdkClientOptions = {}) {
    this.#channel = channel;
    this.#logger = options.logger ?? silentLogger();
    this.#timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.#apiLevel = options.apiLevel ?? 2;
    const onListenerError = (error: unknown) =>
      this.#logger.error({ err: error }, 'SDK client listener failed');
    this.#messages = new Listeners(onListenerError);
    this.#readerEvents = new Listeners(onListenerError);
    this.#statusEvents = new Listeners(onListenerError);
    this.#errors = new Listeners(onListenerError);
    this.#closes = new OnceEvent(onListenerError);
    channel.onMessage((frame) => this.#receive(frame));
    channel.onClose((closed) => this.#closed(closed));
  }

  get apiLevel(): number {
    return this.#apiLevel;
  }

  /** Known readers by name, from READER events and READER_LIST replies. */
  get readers(): ReadonlyMap<string, Reader> {
    return this.#readers;
  }

  get closed(): boolean {
    return this.#closes.happened || this.#channel.closed;
  }

  /** Fire and forget. Throws ChannelClosedError if the connection is gone. */
  send(command: SdkCommand): void {
    this.#assertOpen(command);
    this.#debug(command, 'SDK send');
    this.#channel.send(command);
  }

  request<N extends SdkMessageName>(
    command: SdkCommand,
    expect: N,
    timeoutMs = this.#timeoutMs,
  ): Promise<MessageOf<N>> {
    return new Promise<MessageOf<N>>((resolve, reject) => {
      this.#assertOpen(command);
      const request = `r${this.#nextRequest++}`;
      const name = command.cmd;
      this.#deadlines.add(request, timeoutMs, () => {
        this.#pending.delete(request);
        reject(new SdkTimeoutError(name, timeoutMs));
      });
      const settle = (message: SdkMessage) => resolve(message as MessageOf<N>);
      this.#pending.set(request, { command: name, expect, resolve: settle, reject });
      this.#debug({ ...command, request }, 'SDK request');
      this.#channel.send({ ...command, request });
    });
  }

  onMessage(listener: (message: SdkMessage) => void): () => void {
    return this.#messages.add(listener);
  }

  /** READER messages (events and GET_READER replies) as reader objects. */
  onReader(listener: (reader: Reader) => void): () => void {
    return this.#readerEvents.add(listener);
  }

  onStatus(listener: (status: MessageOf<'STATUS'>) => void): () => void {
    return this.#statusEvents.add(listener);
  }

  /** Frames that failed validation; they are also logged. */
  onError(listener: (error: SdkError) => void): () => void {
    return this.#errors.add(listener);
  }

  onClose(listener: (closed: ChannelClosed) => void): () => void {
    return this.#closes.on(listener);
  }

  close(): void {
    this.#channel.close();
  }

  getInfo(): Promise<MessageOf<'INFO'>> {
    return this.request({ cmd: 'GET_INFO' }, 'INFO');
  }

  getApiLevel(): Promise<MessageOf<'API_LEVEL'>> {
    return this.request({ cmd: 'GET_API_LEVEL' }, 'API_LEVEL');
  }

  /** Resolves with the level now in force; rejects with ApiLevelError if refused. */
  async setApiLevel(level: number): Promise<number> {
    const reply = await this.request({ cmd: 'SET_API_LEVEL', level }, 'API_LEVEL');
    if (reply.error !== undefined) {
      throw new ApiLevelError(`AusweisApp refused API level ${level}: ${reply.error}`);
    }
    return reply.current;
  }

  /** Switches to the best level both sides speak (1.26 offers [1,2] → 2; 2.2+ → 3). */
  async negotiateApiLevel(preferred: readonly number[] = supportedApiLevels): Promise<number> {
    const { available = [], current } = await this.getApiLevel();
    const level = preferred.find((candidate) => available.includes(candidate));
    if (level === undefined) {
      throw new ApiLevelError(`AusweisApp offers API levels [${available.join(',')}] only`);
    }
    return level === current ? current : this.setApiLevel(level);
  }

  async getReaderList(): Promise<Reader[]> {
    const reply = await this.request({ cmd: 'GET_READER_LIST' }, 'READER_LIST');
    return reply.readers ?? reply.reader ?? [];
  }

  async getReader(name: string): Promise<Reader> {
    return readerOf(await this.request({ cmd: 'GET_READER', name }, 'READER'));
  }

  getStatus(): Promise<MessageOf<'STATUS'>> {
    return this.request({ cmd: 'GET_STATUS' }, 'STATUS');
  }

  getCertificate(): Promise<MessageOf<'CERTIFICATE'>> {
    return this.request({ cmd: 'GET_CERTIFICATE' }, 'CERTIFICATE');
  }

  getAccessRights(): Promise<MessageOf<'ACCESS_RIGHTS'>> {
    return this.request({ cmd: 'GET_ACCESS_RIGHTS' }, 'ACCESS_RIGHTS');
  }

  /** `chat` lists the optional rights to keep; `[]` drops all optional rights. */
  setAccessRights(chat: string[]): Promise<MessageOf<'ACCESS_RIGHTS'>> {
    return this.request({ cmd: 'SET_ACCESS_RIGHTS', chat }, 'ACCESS_RIGHTS');
  }

  /** Logs a command without its secret; skipped early because it runs for every request. */
  #debug(command: TaggedCommand, what: string): void {
    if (this.#logger.isLevelEnabled('debug')) {
      this.#logger.debug({ command: describeCommand(command) }, what);
    }
  }

  #assertOpen(command: SdkCommand): void {
    if (!this.closed) return;
    const closed = this.#closes.value ?? { expected: true, reason: 'closed' };
    throw new ChannelClosedError(closed.expected, `${command.cmd} not sent, ${closed.reason}`);
  }

  #receive(frame: unknown): void {
    const parsed = frame instanceof UnparsableFrame ? undefined : SdkMessage.safeParse(frame);
    if (!parsed?.success) {
      const error = new ProtocolViolationError(
        msgName(frame),
        parsed ? parsed.error.issues.map((issue) => issue.path.join('.') || '(root)') : ['(json)'],
      );
      this.#logger.warn({ err: error }, 'invalid frame from AusweisApp');
      this.#settle(requestOf(frame), () => error);
      this.#errors.emit(error);
      return;
    }
    const message = parsed.data;
    this.#track(message);
    this.#messages.emit(message);
    this.#settle(requestOf(message) ?? this.#untaggedStart(message), (pending) => {
      if (isErrorMessage(message)) return replyError(message.msg, pending.command, message.error);
      if (message.msg !== pending.expect) return new ProtocolViolationError(message.msg, ['msg']);
      return message;
    });
  }

  /** The pending workflow start an untagged start message answers, if any. */
  #untaggedStart(message: SdkMessage): string | undefined {
    for (const [request, pending] of this.#pending) {
      if (untaggedReplies[pending.command] === message.msg) return request;
    }
    return undefined;
  }

  /** Resolves or rejects the request a reply belongs to, if it is still waiting. */
  #settle(request: string | undefined, outcome: (pending: Pending) => SdkMessage | SdkError): void {
    const pending = request === undefined ? undefined : this.#pending.get(request);
    if (!pending || request === undefined) return;
    this.#pending.delete(request);
    this.#deadlines.delete(request);
    const result = outcome(pending);
    if (result instanceof SdkError) pending.reject(result);
    else pending.resolve(result);
  }

  /** Keeps `readers` and `apiLevel` current and feeds the convenience streams. */
  #track(message: SdkMessage): void {
    switch (message.msg) {
      case 'READER': {
        const reader = readerOf(message);
        if (reader.attached) this.#readers.set(reader.name, reader);
        else this.#readers.delete(reader.name);
        this.#readerEvents.emit(reader);
        break;
      }
      case 'READER_LIST':
        this.#readers.clear();
        for (const reader of message.readers ?? message.reader ?? []) {
          this.#readers.set(reader.name, reader);
        }
        break;
      case 'API_LEVEL':
        this.#apiLevel = message.current;
        break;
      case 'STATUS':
        this.#statusEvents.emit(message);
        break;
    }
  }

  #closed(closed: ChannelClosed): void {
    this.#logger.info(
      { expected: closed.expected, reason: closed.reason },
      'SDK connection closed',
    );
    this.#deadlines.clear();
    for (const pending of this.#pending.values()) {
      pending.reject(new ChannelClosedError(closed.expected, closed.reason));
    }
    this.#pending.clear();
    this.#closes.emit(closed);
  }
}

function isErrorMessage(message: SdkMessage): message is MessageOf<ErrorMessageName> {
  return (errorMessages as readonly string[]).includes(message.msg);
}

function readerOf(message: MessageOf<'READER'>): Reader {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { msg, request, error, ...reader } = message;
  return reader;
}

function requestOf(frame: unknown): string | undefined {
  if (typeof frame !== 'object' || frame === null || !('request' in frame)) return undefined;
  return typeof frame.request === 'string' ? frame.request : undefined;
}

function msgName(frame: unknown): string | undefined {
  if (typeof frame !== 'object' || frame === null || !('msg' in frame)) return undefined;
  return typeof frame.msg === 'string' ? frame.msg : undefined;
}
