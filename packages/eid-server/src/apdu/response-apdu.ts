import { ApduError } from './apdu-error.js';

/** A response APDU: the data field and the status word SW1SW2 as one number (0x9000). */
export interface ResponseApdu {
  data: Buffer;
  sw: number;
}

export function decodeResponseApdu(raw: Buffer): ResponseApdu {
  if (raw.length < 2) throw new ApduError('malformed', 'a response has at least the status word');
  return {
    data: Buffer.from(raw.subarray(0, raw.length - 2)),
    sw: raw.readUInt16BE(raw.length - 2),
  };
}

export function encodeResponseApdu(response: ResponseApdu): Buffer {
  if (!Number.isInteger(response.sw) || response.sw < 0 || response.sw > 0xffff) {
    throw new ApduError('out-of-range', 'the status word must be two bytes');
  }
  const sw = Buffer.alloc(2);
  sw.writeUInt16BE(response.sw);
  return Buffer.concat([response.data, sw]);
}
