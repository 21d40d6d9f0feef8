/**
 * pcscd's own client protocol on its UNIX socket (pcsc-lite winscard_msg.h), the few messages
 * a watcher needs. Every message is a header {u32 size, u32 command} + a fixed struct, native
 * (little-endian) byte order. Verified against pcsc-lite 1.9.9 (Debian 12), protocol 4.4.
 */
export const CMD_VERSION = 0x11;
export const CMD_WAIT_READER_STATE_CHANGE = 0x13;

/** The protocol versions whose reader-state layout this file decodes. */
export const SUPPORTED_PROTOCOLS: readonly (readonly [number, number])[] = [[4, 4]];

/** version_struct {i32 major, i32 minor, u32 rv}. */
export const VERSION_REPLY_SIZE = 12;
/** wait_reader_state_change {u32 timeOut, u32 rv}: pcscd's "something changed" signal. */
export const SIGNAL_SIZE = 8;

/** READER_STATE: name[128], eventCounter, readerState, readerSharing, atr[33] (+3 pad), atrLen, protocol. */
const MAX_READERNAME = 128;
const READER_STATE_SIZE = 184;
const MAX_READERS = 16;
export const READER_STATES_SIZE = READER_STATE_SIZE * MAX_READERS;

/** SCARD_PRESENT in readerState. */
const SCARD_PRESENT = 0x0004;

export function header(command: number, size: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeUInt32LE(size, 0);
  buffer.writeUInt32LE(command, 4);
  return buffer;
}

export function versionRequest([major, minor]: readonly [number, number]): Buffer {
  const body = Buffer.alloc(VERSION_REPLY_SIZE);
  body.writeInt32LE(major, 0);
  body.writeInt32LE(minor, 4);
  return Buffer.concat([header(CMD_VERSION, body.length), body]);
}

export function parseVersionReply(reply: Buffer): { major: number; minor: number; rv: number } {
  return { major: reply.readInt32LE(0), minor: reply.readInt32LE(4), rv: reply.readUInt32LE(8) };
}

export interface ReaderSnapshot {
  name: string;
  cardPresent: boolean;
  /** Hex ATR of the card, "" without a card. Identifies the card type, not the person. */
  atr: string;
}

/** Decodes pcscd's reader table; empty slots have an empty name. */
export function parseReaderStates(table: Buffer): ReaderSnapshot[] {
  const readers: ReaderSnapshot[] = [];
  for (let slot = 0; slot < MAX_READERS; slot++) {
    const entry = table.subarray(slot * READER_STATE_SIZE, (slot + 1) * READER_STATE_SIZE);
    const nameEnd = entry.indexOf(0);
    const name = entry.subarray(
      0,
      nameEnd < 0 || nameEnd > MAX_READERNAME ? MAX_READERNAME : nameEnd,
    );
    if (name.length === 0) continue;
    const cardPresent = (entry.readUInt32LE(132) & SCARD_PRESENT) !== 0;
    const atrLength = Math.min(entry.readUInt32LE(176), 33);
    readers.push({
      name: name.toString('utf8'),
      cardPresent,
      atr: cardPresent ? entry.subarray(140, 140 + atrLength).toString('hex') : '',
    });
  }
  return readers;
}
