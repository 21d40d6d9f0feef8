import { execFileSync } from 'node:child_process';
import { open, type FileHandle } from 'node:fs/promises';

/** Encodes records exactly as the kernel writes `struct input_event` on 64-bit Linux. */
export function inputEvents(...events: [type: number, code: number, value: number][]): Buffer {
  const now = BigInt(Date.now()) * 1000n;
  return Buffer.concat(
    events.map(([type, code, value], i) => {
      const record = Buffer.alloc(24);
      const micros = now + BigInt(i);
      record.writeBigInt64LE(micros / 1_000_000n, 0);
      record.writeBigInt64LE(micros % 1_000_000n, 8);
      record.writeUInt16LE(type, 16);
      record.writeUInt16LE(code, 18);
      record.writeInt32LE(value, 20);
      return record;
    }),
  );
}

/** A key press or release followed by EV_SYN/SYN_REPORT, plus the EV_MSC scan code keyboards send. */
export const key = (code: number, value: 0 | 1 | 2): Buffer =>
  inputEvents([4, 4, 0x70000 + code], [1, code, value], [0, 0, 0]);

export function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

/** Opens the FIFO's writing end; resolves once the adapter's reader has opened the other end. */
export function openWriter(path: string): Promise<FileHandle> {
  return open(path, 'w');
}
