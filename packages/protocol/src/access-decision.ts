import type { AccessReason, AccessWindow, EidAppSettings } from './eid-apps.js';

/**
 * The card data an app asks for, by TR-03130 operation name, all REQUIRED: derived from the
 * app's kind and nothing else, so no admin can ask for more than the kind needs.
 */
export function eidAppOperations(settings: EidAppSettings): Record<string, 'REQUIRED'> {
  switch (settings.kind) {
    case 'form':
      return Object.fromEntries(settings.cardData.map((item) => [item, 'REQUIRED' as const]));
    case 'access':
      return { restrictedId: 'REQUIRED' };
    case 'age':
      return { ageVerification: 'REQUIRED' };
  }
}

/** Weekday 1 (Monday) … 7 and "HH:MM" of an instant in a time zone. */
export function localClock(at: Date, timeZone: string): { day: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { day, time: `${part('hour')}:${part('minute')}` };
}

/** No windows means any time; otherwise one window must hold the local day and time. */
export function withinWindows(
  windows: readonly AccessWindow[],
  at: Date,
  timeZone: string,
): boolean {
  if (windows.length === 0) return true;
  const { day, time } = localClock(at, timeZone);
  return windows.some(
    (window) => window.days.includes(day) && window.from <= time && time < window.to,
  );
}

export interface AccessPerson {
  windows: readonly AccessWindow[];
  revoked: boolean;
}

/** The one rule the hub and an offline access point both apply. */
export function decideAccess(
  person: AccessPerson | undefined,
  at: Date,
  timeZone: string,
): { granted: boolean; reason: AccessReason } {
  if (person === undefined) return { granted: false, reason: 'unknown' };
  if (person.revoked) return { granted: false, reason: 'revoked' };
  if (!withinWindows(person.windows, at, timeZone))
    return { granted: false, reason: 'outside-window' };
  return { granted: true, reason: 'granted' };
}
