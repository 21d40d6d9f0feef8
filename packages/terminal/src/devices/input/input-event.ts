/** Linux `struct input_event` on 64-bit: timeval (2 × 8 bytes), type u16, code u16, value s32. */
export const INPUT_EVENT_SIZE = 24;
export const EV_KEY = 1;

/** EV_KEY values as the kernel sends them. */
export const KEY_RELEASE = 0;
export const KEY_PRESS = 1;

export interface InputEvent {
  /** Kernel timestamp in microseconds. */
  timeUs: number;
  type: number;
  code: number;
  value: number;
}

/**
 * Splits a chunk of the device stream into whole events. Reads from a pipe may end mid-record,
 * so the incomplete tail comes back as `rest` to be prepended to the next chunk.
 */
export function parseInputEvents(chunk: Buffer): { events: InputEvent[]; rest: Buffer } {
  const events: InputEvent[] = [];
  let offset = 0;
  for (; offset + INPUT_EVENT_SIZE <= chunk.length; offset += INPUT_EVENT_SIZE) {
    const seconds = chunk.readBigInt64LE(offset);
    const micros = chunk.readBigInt64LE(offset + 8);
    events.push({
      timeUs: Number(seconds * 1_000_000n + micros),
      type: chunk.readUInt16LE(offset + 16),
      code: chunk.readUInt16LE(offset + 18),
      value: chunk.readInt32LE(offset + 20),
    });
  }
  return { events, rest: Buffer.from(chunk.subarray(offset)) };
}
