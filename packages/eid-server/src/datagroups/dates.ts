import type { PartialDate } from '../personal-data.js';
import { DataGroupError } from './datagroup-error.js';

/** TR-03110-4 GeneralDate: YYYYMMDD where an unknown month and day, or day, are spaces. */
const generalDatePattern = /^(\d{4})(?:(\d{2})(\d{2}| {2})| {4})$/;
const fullDatePattern = /^(\d{4})(\d{2})(\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function partialDate(year: number, month?: number, day?: number): PartialDate {
  if (month !== undefined && (month < 1 || month > 12))
    throw new DataGroupError('malformed', 'month out of range');
  if (month !== undefined && day !== undefined && (day < 1 || day > daysIn(year, month)))
    throw new DataGroupError('malformed', 'day out of range');
  const parts = [String(year).padStart(4, '0')];
  if (month !== undefined) parts.push(String(month).padStart(2, '0'));
  if (month !== undefined && day !== undefined) parts.push(String(day).padStart(2, '0'));
  return {
    year,
    ...(month === undefined ? {} : { month }),
    ...(day === undefined ? {} : { day }),
    iso: parts.join('-'),
  };
}

/** A complete date (Date ::= NumericString SIZE(8), YYYYMMDD), as on DG3. */
export function parseDate(text: string): PartialDate {
  const match = fullDatePattern.exec(text);
  if (match === null) throw new DataGroupError('malformed', 'expected a date YYYYMMDD');
  return partialDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * A date of which the year, month and day may be unknown (as on DG8). Undefined when nothing is
 * known: an all-space date tells no year.
 */
export function parseGeneralDate(text: string): PartialDate | undefined {
  if (text === ' '.repeat(8)) return undefined;
  const match = generalDatePattern.exec(text);
  if (match === null) throw new DataGroupError('malformed', 'expected a date YYYYMMDD');
  const [, year, month, day] = match;
  const known = (part: string | undefined) =>
    part === undefined || part.trim() === '' ? undefined : Number(part);
  return partialDate(Number(year), known(month), known(day));
}
