import type { ChannelClosed } from '../sdk/channel.js';
import type { SdkCommand } from '../sdk/commands.js';
import type { MessageOf, SdkMessage, SdkMessageName } from '../sdk/messages.js';

/**
 * What an eID workflow needs from an SDK connection, and nothing more. `SdkClient` implements
 * it for both the real AusweisApp and the training card.
 */
export interface WorkflowPort {
  /** Fire and forget: commands that AusweisApp answers by moving the workflow on. */
  send(command: SdkCommand): void;
  /** A command with a direct reply, correlated by `request`; rejects with a typed SdkError. */
  request<N extends SdkMessageName>(
    command: SdkCommand,
    expect: N,
    timeoutMs?: number,
  ): Promise<MessageOf<N>>;
  /** Every validated incoming message, replies included, in arrival order. */
  onMessage(listener: (message: SdkMessage) => void): () => void;
  onClose(listener: (closed: ChannelClosed) => void): () => void;
  readonly apiLevel: number;
}
