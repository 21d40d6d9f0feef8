import { aesBlockSize, aesCbcEncrypt, aesEcbEncrypt } from './aes.js';

/** RFC 4493: doubling in GF(2^128), the step that makes the two subkeys. */
function double(block: Buffer): Buffer {
  const doubled = Buffer.alloc(aesBlockSize);
  for (let i = 0; i < aesBlockSize; i++) {
    doubled[i] = (((block[i] ?? 0) << 1) | ((block[i + 1] ?? 0) >> 7)) & 0xff;
  }
  if (((block[0] ?? 0) & 0x80) !== 0)
    doubled[aesBlockSize - 1] = (doubled[aesBlockSize - 1] ?? 0) ^ 0x87;
  return doubled;
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ (b[i] ?? 0)));
}

/** AES-CMAC (RFC 4493, NIST SP 800-38B) with a 128, 192 or 256 bit key: the full 16-byte tag. */
export function aesCmac(key: Buffer, message: Buffer): Buffer {
  const zero = Buffer.alloc(aesBlockSize);
  const k1 = double(aesEcbEncrypt(key, zero));
  const k2 = double(k1);
  const lastStart = Math.max(0, Math.ceil(message.length / aesBlockSize) - 1) * aesBlockSize;
  const tail = message.subarray(lastStart);
  const last =
    tail.length === aesBlockSize
      ? xor(tail, k1)
      : xor(
          Buffer.concat([tail, Buffer.from([0x80]), Buffer.alloc(aesBlockSize - 1 - tail.length)]),
          k2,
        );
  // CBC-MAC over the complete blocks before the last one is the last block of a zero-IV CBC.
  const chained =
    lastStart === 0
      ? zero
      : aesCbcEncrypt(key, zero, message.subarray(0, lastStart)).subarray(-aesBlockSize);
  return aesEcbEncrypt(key, xor(chained, last));
}
