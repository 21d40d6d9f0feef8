import { CvcError } from './cvc-error.js';

/** A date as TR-03110-3 D.2.1.3 writes it: six unpacked BCD digits YYMMDD, the year 20YY. */
const ISO_DATE = /^20(\d\d)-(\d\d)-(\d\d)$/;

/** The six digits YYMMDD of a valid 'YYYY-MM-DD' in 2000–2099. */
function digitsOf(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new CvcError('invalid-date', 'a CVC date is YYYY-MM-DD in 2000–2099');
  const [, yy = '', mm = '', dd = ''] = match;
  const date = new Date(Date.UTC(2000 + Number(yy), Number(mm) - 1, Number(dd)));
  if (date.getUTCMonth() !== Number(mm) - 1 || date.getUTCDate() !== Number(dd)) {
    throw new CvcError('invalid-date', 'not a calendar date');
  }
  return `${yy}${mm}${dd}`;
}

/** 'YYYY-MM-DD' → the six octets of a CVC date. */
export function encodeCvcDate(isoDate: string): Buffer {
  return Buffer.from([...digitsOf(isoDate)].map(Number));
}

/** The six octets of a CVC date → 'YYYY-MM-DD'. */
export function decodeCvcDate(bytes: Buffer): string {
  if (bytes.length !== 6 || bytes.some((digit) => digit > 9)) {
    throw new CvcError('invalid-date', 'a CVC date is six unpacked BCD digits');
  }
  const digits = bytes.join('');
  const isoDate = `20${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4, 6)}`;
  digitsOf(isoDate);
  return isoDate;
}

/** The UTC calendar day of an instant, as 'YYYY-MM-DD'. */
export function cvcDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
