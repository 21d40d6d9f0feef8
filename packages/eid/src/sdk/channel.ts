import type { TaggedCommand } from './commands.js';

/** Why a channel closed: asked to, or the other side went away (crash, kill, network). */
export type ChannelClosed = { expected: boolean; reason: string };

/**
 * What a channel delivers for a frame that is not JSON. It carries the frame's size only, never
 * its text; the client reports it as a protocol violation.
 */
export class UnparsableFrame {
  constructor(readonly length: number) {}
}

/**
 * The smallest seam between the SDK client and whatever speaks the AusweisApp SDK: the real
 * AusweisApp over WebSocket, or the in-process training card. Incoming messages are parsed
 * JSON, not yet validated; the client validates them.
 */
export interface SdkChannel {
  send(command: TaggedCommand): void;
  onMessage(listener: (message: unknown) => void): () => void;
  onClose(listener: (closed: ChannelClosed) => void): () => void;
  close(): void;
  readonly closed: boolean;
}
