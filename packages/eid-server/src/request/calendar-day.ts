/**
 * Calendar days as the eID card compares them: 'YYYYMMDD' in German local time, since the card's
 * dates of birth and expiry are German calendar days.
 */
const germanDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function germanCalendarDay(now: Date): CalendarDay {
  const parts = Object.fromEntries(
    germanDay.formatToParts(now).map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year ?? NaN, month: parts.month ?? NaN, day: parts.day ?? NaN };
}

function yyyymmdd({ year, month, day }: CalendarDay): string {
  return [
    String(year).padStart(4, '0'),
    String(month).padStart(2, '0'),
    String(day).padStart(2, '0'),
  ].join('');
}

/** Today in Germany, 'YYYYMMDD'. */
export function germanToday(now: Date): string {
  return yyyymmdd(germanCalendarDay(now));
}

/**
 * The German calendar day `years` years before now, 'YYYYMMDD'. A 29 February that the earlier
 * year lacks becomes 28 February: whoever was born then has had the birthday already.
 */
export function germanDayYearsAgo(now: Date, years: number): string {
  const today = germanCalendarDay(now);
  const year = today.year - years;
  const lastDayOfMonth = new Date(Date.UTC(year, today.month, 0)).getUTCDate();
  return yyyymmdd({ year, month: today.month, day: Math.min(today.day, lastDayOfMonth) });
}
