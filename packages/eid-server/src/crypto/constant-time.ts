import { timingSafeEqual } from 'node:crypto';

/** Compares MACs and tokens without leaking, through timing, where they first differ. */
export function equalInConstantTime(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
