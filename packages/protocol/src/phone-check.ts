import { z } from 'zod';

/**
 * "Ihr Smartphone einrichten": the terminal asks the association's eID-Server for a one-time
 * self-check that the citizen opens on their own phone (a QR code on the kiosk). The terminal
 * learns only how far the check got, never what the card said.
 */
export const phoneCheckPaths = {
  /** POST: a new check (no body, no key: like the self-check's start, it is public). */
  create: '/phone-checks',
  /** GET `${status}/<statusToken>`: the check's state. */
  status: '/phone-checks',
  /** The page the QR code opens on the phone: `${link}/<linkToken>`. */
  link: '/phone',
} as const;

/** 32 random bytes, base64url: the link's and the status route's tokens. */
export const PhoneCheckToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a 43-character token');

/**
 * How far a check got. `waiting`: nobody opened the link yet; `opened`: the phone started the
 * check (the link is used up); `ready`: the phone's AusweisApp read the card and the phone
 * showed the result; `failed`: it was cancelled or did not work; `expired`: the link was not
 * used in time, or the phone never came back.
 */
export const phoneCheckStates = ['waiting', 'opened', 'ready', 'failed', 'expired'] as const;
export const PhoneCheckState = z.enum(phoneCheckStates);
export type PhoneCheckState = z.infer<typeof PhoneCheckState>;

/** The states after which nothing changes any more. */
export const finalPhoneCheckStates: readonly PhoneCheckState[] = ['ready', 'failed', 'expired'];

/** The answer to `POST /phone-checks` (201). */
export const PhoneCheckCreated = z.strictObject({
  /** What the QR code encodes: `<eID-Server origin>/phone/<linkToken>`. */
  link: z.url({ protocol: /^https$/ }),
  /** Known only to the terminal that asked: it reads the state with it. */
  statusToken: PhoneCheckToken,
  /** Until when the link can be opened. */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type PhoneCheckCreated = z.infer<typeof PhoneCheckCreated>;

/** The answer to `GET /phone-checks/<statusToken>`: the state only, never personal data. */
export const PhoneCheckStatus = z.strictObject({
  state: PhoneCheckState,
  expiresAt: z.iso.datetime({ offset: true }),
});
export type PhoneCheckStatus = z.infer<typeof PhoneCheckStatus>;
