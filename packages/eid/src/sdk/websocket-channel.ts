import { setTimeout as delay } from 'node:timers/promises';
import { WebSocket, type RawData } from 'ws';
import { Listeners, OnceEvent, silentLogger, type Logger } from '@sidbox/runtime';
import { UnparsableFrame, type ChannelClosed, type SdkChannel } from './channel.js';
import { serializeCommand, type TaggedCommand } from './commands.js';

export interface WebSocketConnectOptions {
  /** Shown by AusweisApp as "used by …" and logged there. */
  userAgent?: string;
  /** Limit for one connection attempt (TCP connect plus upgrade). */
  timeoutMs?: number;
  /** Keep retrying a refused connection for this long: AusweisApp opens its port a moment after writing the port file. */
  retryUntilMs?: number;
  logger?: Logger;
}

const retryPauseMs = 25;

/**
 * The AusweisApp SDK over its WebSocket (`ws://127.0.0.1:<port>/eID-Kernel`). Sends no
 * `Origin` header (AusweisApp 2.5+ rejects any). Messages that arrive before the first
 * `onMessage` subscriber are kept, so nothing sent right after connecting is lost.
 */
export class WebSocketChannel implements SdkChannel {
  readonly #socket: WebSocket;
  readonly #messages: Listeners<unknown>;
  readonly #closes: OnceEvent<ChannelClosed>;
  readonly #early: unknown[] = [];
  #closeRequested = false;

  private constructor(socket: WebSocket, logger: Logger) {
    this.#socket = socket;
    const onListenerError = (error: unknown) =>
      logger.error({ err: error }, 'SDK channel listener failed');
    this.#messages = new Listeners(onListenerError);
    this.#closes = new OnceEvent(onListenerError);
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
    socket.on('close', (code) => this.#closed(code));
    // After 'open', errors are always followed by 'close', which is what we report.
    socket.on('error', (error) => logger.warn({ err: error }, 'SDK WebSocket error'));
  }

  static async connect(
    url: string,
    options: WebSocketConnectOptions = {},
  ): Promise<WebSocketChannel> {
    const deadline = Date.now() + (options.retryUntilMs ?? 0);
    const logger = options.logger ?? silentLogger();
    for (;;) {
      try {
        return await open(
          url,
          options.userAgent ?? 'SIDbox',
          options.timeoutMs ?? 5000,
          (socket) => new WebSocketChannel(socket, logger),
        );
      } catch (error) {
        if (!isConnectionRefused(error) || Date.now() >= deadline) throw error;
        await delay(retryPauseMs);
      }
    }
  }

  get closed(): boolean {
    return this.#closes.happened || this.#socket.readyState !== WebSocket.OPEN;
  }

  /** Serializes here and only here: the one place where a Secret's digits are revealed. */
  send(command: TaggedCommand): void {
    if (this.closed) throw new Error(`cannot send ${command.cmd}: the channel is closed`);
    this.#socket.send(serializeCommand(command));
  }

  onMessage(listener: (message: unknown) => void): () => void {
    const remove = this.#messages.add(listener);
    if (this.#early.length > 0) {
      for (const message of this.#early.splice(0)) this.#messages.emit(message);
    }
    return remove;
  }

  onClose(listener: (closed: ChannelClosed) => void): () => void {
    return this.#closes.on(listener);
  }

  close(): void {
    if (this.#closes.happened || this.#closeRequested) return;
    this.#closeRequested = true;
    this.#socket.close(1000);
  }

  #receive(data: RawData, isBinary: boolean): void {
    const buffer = toBuffer(data);
    let message: unknown;
    try {
      message = isBinary ? new UnparsableFrame(buffer.length) : JSON.parse(buffer.toString('utf8'));
    } catch {
      // The parser's error text quotes the frame, so it is dropped.
      message = new UnparsableFrame(buffer.length);
    }
    if (this.#messages.size === 0) this.#early.push(message);
    else this.#messages.emit(message);
  }

  #closed(code: number): void {
    const closed: ChannelClosed = this.#closeRequested
      ? { expected: true, reason: 'closed by us' }
      : { expected: false, reason: `AusweisApp closed the connection (code ${code})` };
    this.#closes.emit(closed);
  }
}

/**
 * Opens the socket and wraps it right in the 'open' event: AusweisApp sends READER events at
 * once, and ws delivers them before a promise continuation would have subscribed.
 */
function open<T>(
  url: string,
  userAgent: string,
  timeoutMs: number,
  wrap: (socket: WebSocket) => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      headers: { 'User-Agent': userAgent },
      handshakeTimeout: timeoutMs,
      perMessageDeflate: false,
    });
    const fail = (error: Error) => {
      socket.removeAllListeners();
      // Keep a late error from an abandoned socket from becoming an uncaught exception.
      socket.on('error', () => undefined);
      socket.terminate();
      reject(error);
    };
    socket.once('error', fail);
    socket.once('unexpected-response', (_request, response) =>
      fail(new Error(`AusweisApp refused the WebSocket upgrade: HTTP ${response.statusCode}`)),
    );
    socket.once('open', () => {
      socket.removeAllListeners();
      resolve(wrap(socket));
    });
  });
}

function isConnectionRefused(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ECONNREFUSED';
}

/** ws hands over one Buffer with its default binaryType; the other shapes are for completeness. */
function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
