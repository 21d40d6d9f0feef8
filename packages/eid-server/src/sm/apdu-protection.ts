import { Asn1Error, decodeTlvs, encodeTlv, type Tlv } from '../asn1/tlv.js';
import type { CommandApdu } from '../apdu/command-apdu.js';
import type { ResponseApdu } from '../apdu/response-apdu.js';
import { aesBlockSize, aesCbcDecrypt, aesCbcEncrypt, aesEcbEncrypt } from '../crypto/aes.js';
import { aesCmac } from '../crypto/cmac.js';
import { equalInConstantTime } from '../crypto/constant-time.js';
import type { SessionKeys } from '../eac/chip-authentication.js';
import { SecureMessagingError } from './secure-messaging-error.js';

/**
 * AES secure messaging of one APDU at a given send sequence counter (TR-03110-3 F, ICAO 9303-11
 * 9.8, ISO 7816-4 10), byte for byte as AusweisApp's SecureMessaging does it. Pure functions;
 * the channels in secure-messaging.ts and card-secure-messaging.ts keep the counter.
 */
const smClassBits = 0x0c;
const tagEncryptedData = 0x87;
const tagProtectedLe = 0x97;
const tagStatus = 0x99;
const tagMac = 0x8e;
const macLength = 8;
const paddingIndicator = 0x01;
/** The protected command always asks for everything: its answer outgrows the plain Le. */
const protectedLe = 65536;

function fail(code: 'format' | 'mac' | 'unprotected', message: string): never {
  throw new SecureMessagingError(code, message);
}

function sscBlock(ssc: bigint): Buffer {
  const block = Buffer.alloc(aesBlockSize);
  block.writeBigUInt64BE(ssc >> 64n, 0);
  block.writeBigUInt64BE(ssc & 0xffffffffffffffffn, 8);
  return block;
}

/** ISO/IEC 9797-1 padding method 2: 80 then zeros up to the next whole block (always adds). */
function pad(data: Buffer): Buffer {
  const padLength = aesBlockSize - (data.length % aesBlockSize);
  return Buffer.concat([data, Buffer.from([0x80]), Buffer.alloc(padLength - 1)]);
}

function unpad(padded: Buffer): Buffer {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0x00) end--;
  if (end < 0 || padded[end] !== 0x80 || padded.length - end > aesBlockSize) {
    fail('format', 'the decrypted data is not padded');
  }
  return padded.subarray(0, end);
}

function ivFor(keys: SessionKeys, ssc: bigint): Buffer {
  return aesEcbEncrypt(keys.kEnc, sscBlock(ssc));
}

function mac(keys: SessionKeys, ssc: bigint, input: Buffer): Buffer {
  return aesCmac(keys.kMac, Buffer.concat([sscBlock(ssc), input])).subarray(0, macLength);
}

function encryptedDataObject(keys: SessionKeys, ssc: bigint, data: Buffer): Buffer {
  if (data.length === 0) return Buffer.alloc(0);
  const cryptogram = aesCbcEncrypt(keys.kEnc, ivFor(keys, ssc), pad(data));
  return encodeTlv(tagEncryptedData, Buffer.concat([Buffer.from([paddingIndicator]), cryptogram]));
}

function decryptDataObject(keys: SessionKeys, ssc: bigint, object: Tlv | undefined): Buffer {
  if (object === undefined) return Buffer.alloc(0);
  const cryptogram = object.value.subarray(1);
  if (
    object.value[0] !== paddingIndicator ||
    cryptogram.length === 0 ||
    cryptogram.length % aesBlockSize !== 0
  ) {
    fail('format', 'DO87 is not padding indicator 01 and whole cipher blocks');
  }
  return Buffer.from(unpad(aesCbcDecrypt(keys.kEnc, ivFor(keys, ssc), cryptogram)));
}

/** The MAC'd part of a command: the padded header, then the data objects padded if any. */
function commandMacInput(header: Buffer, dataObjects: Buffer): Buffer {
  return dataObjects.length === 0 ? pad(header) : pad(Buffer.concat([pad(header), dataObjects]));
}

/** Le in DO97: one byte up to 256 (as 00), two bytes beyond (65536 as 0000). */
function encodeLe(le: number): Buffer {
  if (le <= 256) return Buffer.from([le & 0xff]);
  return Buffer.from([(le >> 8) & 0xff, le & 0xff]);
}

function decodeLe(value: Buffer): number {
  if (value.length === 1) return value[0] || 256;
  if (value.length === 2) return value.readUInt16BE(0) || 65536;
  return fail('format', 'DO97 has one or two bytes');
}

/**
 * Splits SM data into the objects covered by the MAC and the MAC itself, which must close the
 * data as 8E 08 ‖ mac; the MAC is checked over the bytes exactly as received.
 */
function splitMac(data: Buffer): { covered: Buffer; objects: Tlv[]; mac: Buffer } {
  const macStart = data.length - (2 + macLength);
  if (macStart < 0 || data[macStart] !== tagMac || data[macStart + 1] !== macLength) {
    fail('format', 'the data does not end with an 8-byte DO8E');
  }
  const covered = data.subarray(0, macStart);
  try {
    return { covered, objects: decodeTlvs(covered), mac: data.subarray(macStart + 2) };
  } catch (error) {
    if (error instanceof Asn1Error)
      fail('format', 'the secure-messaging data objects do not parse');
    throw error;
  }
}

/** The objects in the only order allowed, each at most once; anything else is a format error. */
function objectsInOrder(
  objects: readonly Tlv[],
  order: readonly number[],
  required: readonly number[],
): Map<number, Tlv> {
  const found = new Map<number, Tlv>();
  let position = 0;
  for (const object of objects) {
    const at = order.indexOf(object.tag, position);
    if (at === -1) fail('format', `unexpected data object ${object.tag.toString(16)}`);
    found.set(object.tag, object);
    position = at + 1;
  }
  if (required.some((tag) => !found.has(tag))) fail('format', 'a required data object is missing');
  return found;
}

export function protectCommand(keys: SessionKeys, ssc: bigint, command: CommandApdu): CommandApdu {
  if ((command.cla & smClassBits) !== 0) fail('format', 'the command is already protected');
  if ((command.ins & 0x01) !== 0) fail('format', 'odd INS (DO85) is not supported');
  const header = Buffer.from([command.cla | smClassBits, command.ins, command.p1, command.p2]);
  const dataObjects = Buffer.concat([
    encryptedDataObject(keys, ssc, command.data ?? Buffer.alloc(0)),
    command.le === undefined ? Buffer.alloc(0) : encodeTlv(tagProtectedLe, encodeLe(command.le)),
  ]);
  const checksum = encodeTlv(tagMac, mac(keys, ssc, commandMacInput(header, dataObjects)));
  return {
    cla: command.cla | smClassBits,
    ins: command.ins,
    p1: command.p1,
    p2: command.p2,
    data: Buffer.concat([dataObjects, checksum]),
    le: protectedLe,
  };
}

/** The card's side: checks and opens a protected command. */
export function unprotectCommand(
  keys: SessionKeys,
  ssc: bigint,
  command: CommandApdu,
): CommandApdu {
  if ((command.cla & smClassBits) !== smClassBits)
    fail('unprotected', 'the command has no SM class');
  const { covered, objects, mac: received } = splitMac(command.data ?? Buffer.alloc(0));
  const found = objectsInOrder(objects, [tagEncryptedData, tagProtectedLe], []);
  const header = Buffer.from([command.cla, command.ins, command.p1, command.p2]);
  if (!equalInConstantTime(mac(keys, ssc, commandMacInput(header, covered)), received)) {
    fail('mac', 'the command MAC does not verify');
  }
  const data = decryptDataObject(keys, ssc, found.get(tagEncryptedData));
  const le = found.get(tagProtectedLe);
  return {
    cla: command.cla & ~smClassBits,
    ins: command.ins,
    p1: command.p1,
    p2: command.p2,
    ...(data.length > 0 && { data }),
    ...(le !== undefined && { le: decodeLe(le.value) }),
  };
}

/** The card's side: protects a response; DO99 carries the status word, which stays outside too. */
export function protectResponse(
  keys: SessionKeys,
  ssc: bigint,
  response: ResponseApdu,
): ResponseApdu {
  const status = Buffer.alloc(2);
  status.writeUInt16BE(response.sw);
  const dataObjects = Buffer.concat([
    encryptedDataObject(keys, ssc, response.data),
    encodeTlv(tagStatus, status),
  ]);
  const checksum = encodeTlv(tagMac, mac(keys, ssc, pad(dataObjects)));
  return { data: Buffer.concat([dataObjects, checksum]), sw: response.sw };
}

/** The server's side: checks the MAC first, then the status word, then decrypts. */
export function unprotectResponse(
  keys: SessionKeys,
  ssc: bigint,
  response: ResponseApdu,
): ResponseApdu {
  if (response.data.length === 0) {
    fail('unprotected', `the card answered ${response.sw.toString(16)} without secure messaging`);
  }
  const { covered, objects, mac: received } = splitMac(response.data);
  const found = objectsInOrder(objects, [tagEncryptedData, tagStatus], [tagStatus]);
  if (!equalInConstantTime(mac(keys, ssc, pad(covered)), received)) {
    fail('mac', 'the response MAC does not verify');
  }
  const status = found.get(tagStatus)?.value ?? Buffer.alloc(0);
  if (status.length !== 2 || status.readUInt16BE(0) !== response.sw) {
    fail('format', 'DO99 does not match the status word');
  }
  return { data: decryptDataObject(keys, ssc, found.get(tagEncryptedData)), sw: response.sw };
}
