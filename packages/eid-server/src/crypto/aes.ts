import { createCipheriv, createDecipheriv } from 'node:crypto';
import { CryptoError } from './crypto-error.js';

export const aesBlockSize = 16;

function algorithm(key: Buffer, mode: 'ecb' | 'cbc'): string {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new CryptoError('invalid-key', `an AES key has 16, 24 or 32 bytes, not ${key.length}`);
  }
  return `aes-${key.length * 8}-${mode}`;
}

function requireWholeBlocks(data: Buffer): void {
  if (data.length % aesBlockSize !== 0) {
    throw new CryptoError('invalid-key', 'AES input must be whole blocks');
  }
}

/** AES in ECB mode over whole blocks, no padding (the caller pads as its protocol says). */
export function aesEcbEncrypt(key: Buffer, blocks: Buffer): Buffer {
  requireWholeBlocks(blocks);
  const cipher = createCipheriv(algorithm(key, 'ecb'), key, null).setAutoPadding(false);
  return Buffer.concat([cipher.update(blocks), cipher.final()]);
}

/** AES-CBC over whole blocks, no padding. */
export function aesCbcEncrypt(key: Buffer, iv: Buffer, blocks: Buffer): Buffer {
  requireWholeBlocks(blocks);
  const cipher = createCipheriv(algorithm(key, 'cbc'), key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(blocks), cipher.final()]);
}

/** AES-CBC decryption over whole blocks, no padding removed. */
export function aesCbcDecrypt(key: Buffer, iv: Buffer, blocks: Buffer): Buffer {
  requireWholeBlocks(blocks);
  const decipher = createDecipheriv(algorithm(key, 'cbc'), key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(blocks), decipher.final()]);
}
