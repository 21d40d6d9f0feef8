import { ApduError } from './apdu-error.js';

/** A command APDU (ISO/IEC 7816-4). No data and no Le make case 1; le is 1..65536. */
export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Buffer;
  le?: number;
}

const shortMaxLc = 255;
const shortMaxLe = 256;
const extendedMaxLc = 65535;
const extendedMaxLe = 65536;

function requireByte(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new ApduError('out-of-range', `${name} must be a byte`);
  }
}

/** Le in one byte (256 as 00) or two (65536 as 0000). */
function encodeLe(le: number, extended: boolean): Buffer {
  const max = extended ? extendedMaxLe : shortMaxLe;
  const value = le === max ? 0 : le;
  return extended ? Buffer.from([value >> 8, value & 0xff]) : Buffer.from([value]);
}

function lengthsOf(apdu: CommandApdu): { lc: number; le: number | undefined } {
  const lc = apdu.data?.length ?? 0;
  if (lc > extendedMaxLc) throw new ApduError('out-of-range', `Lc ${lc} exceeds ${extendedMaxLc}`);
  const { le } = apdu;
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > extendedMaxLe)) {
    throw new ApduError('out-of-range', `Le must be 1..${extendedMaxLe}`);
  }
  return { lc, le };
}

/** Cases 1–4, short when Lc and Le fit in a byte, extended otherwise. */
export function encodeCommandApdu(apdu: CommandApdu): Buffer {
  requireByte('CLA', apdu.cla);
  requireByte('INS', apdu.ins);
  requireByte('P1', apdu.p1);
  requireByte('P2', apdu.p2);
  const { lc, le } = lengthsOf(apdu);
  const header = Buffer.from([apdu.cla, apdu.ins, apdu.p1, apdu.p2]);
  const extended = lc > shortMaxLc || (le ?? 0) > shortMaxLe;
  const parts: Buffer[] = [header];
  if (extended) parts.push(Buffer.from([0]));
  if (lc > 0) {
    parts.push(extended ? Buffer.from([lc >> 8, lc & 0xff]) : Buffer.from([lc]));
    parts.push(apdu.data ?? Buffer.alloc(0));
  }
  if (le !== undefined) parts.push(encodeLe(le, extended));
  return Buffer.concat(parts);
}

function withBody(header: Buffer, data: Buffer | undefined, le: number | undefined): CommandApdu {
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = header;
  return {
    cla,
    ins,
    p1,
    p2,
    ...(data === undefined ? {} : { data: Buffer.from(data) }),
    ...(le === undefined ? {} : { le }),
  };
}

function decodeExtended(raw: Buffer): CommandApdu {
  const header = raw.subarray(0, 4);
  const leOf = (at: number): number => raw.readUInt16BE(at) || extendedMaxLe;
  if (raw.length === 7) return withBody(header, undefined, leOf(5));
  const lc = raw.readUInt16BE(5);
  if (lc === 0) throw new ApduError('malformed', 'extended Lc of 0');
  const data = raw.subarray(7, 7 + lc);
  if (raw.length === 7 + lc) return withBody(header, data, undefined);
  if (raw.length === 9 + lc) return withBody(header, data, leOf(7 + lc));
  throw new ApduError('malformed', 'extended command length does not match Lc');
}

/** Parses cases 1–4 in short or extended form; throws ApduError on anything else. */
export function decodeCommandApdu(raw: Buffer): CommandApdu {
  if (raw.length < 4) throw new ApduError('malformed', 'a command has at least 4 bytes');
  const header = raw.subarray(0, 4);
  if (raw.length === 4) return withBody(header, undefined, undefined);
  const first = raw[4] ?? 0;
  if (raw.length === 5) return withBody(header, undefined, first || shortMaxLe);
  if (first === 0) {
    if (raw.length < 7) throw new ApduError('malformed', 'truncated extended length');
    return decodeExtended(raw);
  }
  const data = raw.subarray(5, 5 + first);
  if (raw.length === 5 + first) return withBody(header, data, undefined);
  if (raw.length === 6 + first) return withBody(header, data, raw[5 + first] || shortMaxLe);
  throw new ApduError('malformed', 'short command length does not match Lc');
}
