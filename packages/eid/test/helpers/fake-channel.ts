import type { ChannelClosed, SdkChannel } from '../../src/sdk/channel.js';
import type { TaggedCommand } from '../../src/sdk/commands.js';

/**
 * An in-memory SdkChannel: records what the client sends and lets a test play AusweisApp.
 * `respond` answers each command as it is sent (return frames to deliver; `request` is echoed).
 */
export class FakeChannel implements SdkChannel {
  readonly sent: TaggedCommand[] = [];
  closed = false;
  respond: ((command: TaggedCommand) => Record<string, unknown>[]) | undefined;
  readonly #messages = new Set<(message: unknown) => void>();
  readonly #closes = new Set<(closed: ChannelClosed) => void>();

  send(command: TaggedCommand): void {
    if (this.closed) throw new Error('fake channel is closed');
    this.sent.push(command);
    for (const frame of this.respond?.(command) ?? []) {
      this.receive({
        ...frame,
        ...(command.request === undefined ? {} : { request: command.request }),
      });
    }
  }

  onMessage(listener: (message: unknown) => void): () => void {
    this.#messages.add(listener);
    return () => this.#messages.delete(listener);
  }

  onClose(listener: (closed: ChannelClosed) => void): () => void {
    this.#closes.add(listener);
    return () => this.#closes.delete(listener);
  }

  close(): void {
    this.#end({ expected: true, reason: 'closed by us' });
  }

  /** AusweisApp sends a frame (already parsed JSON, or an UnparsableFrame). */
  receive(frame: unknown): void {
    for (const listener of [...this.#messages]) listener(frame);
  }

  /** AusweisApp goes away. */
  die(): void {
    this.#end({ expected: false, reason: 'peer died' });
  }

  /** The `request` id of the last command sent. */
  lastRequest(): string | number | undefined {
    return this.sent.at(-1)?.request;
  }

  #end(closed: ChannelClosed): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of [...this.#closes]) listener(closed);
  }
}
