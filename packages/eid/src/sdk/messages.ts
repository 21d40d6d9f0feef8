import { z } from 'zod';

/**
 * Messages AusweisApp sends over its SDK WebSocket (API levels 1–3), validated at runtime.
 * Objects are loose: newer AusweisApp versions add fields, and that must not break us.
 */

const request = { request: z.unknown().optional() };

export const Card = z.looseObject({
  deactivated: z.boolean().optional(),
  inoperative: z.boolean().optional(),
  /** PIN tries left; −1 = not yet known. Level 3 sends `{}` for a non-eID card. */
  retryCounter: z.number().int().optional(),
});
export type Card = z.infer<typeof Card>;

export const Reader = z.looseObject({
  name: z.string(),
  attached: z.boolean(),
  insertable: z.boolean().optional(),
  keypad: z.boolean().optional(),
  card: Card.nullable().optional(),
});
export type Reader = z.infer<typeof Reader>;

export const VersionInfo = z.looseObject({
  Name: z.string(),
  'Implementation-Title': z.string(),
  'Implementation-Vendor': z.string(),
  'Implementation-Version': z.string(),
  'Specification-Title': z.string(),
  'Specification-Vendor': z.string(),
  'Specification-Version': z.string(),
});

export const AuthResult = z.looseObject({
  major: z.string(),
  minor: z.string().optional(),
  message: z.string().optional(),
  description: z.string().optional(),
  language: z.string().optional(),
  /** Stable failure code, 1.26.3+. */
  reason: z.string().optional(),
});
export type AuthResult = z.infer<typeof AuthResult>;

export const Chat = z.looseObject({
  required: z.array(z.string()),
  optional: z.array(z.string()),
  effective: z.array(z.string()),
});

export const Aux = z.looseObject({
  ageVerificationDate: z.string().optional(),
  requiredAge: z.union([z.string(), z.number()]).optional(),
  validityDate: z.string().optional(),
  communityId: z.string().optional(),
});

export const CertificateDescription = z.looseObject({
  issuerName: z.string(),
  issuerUrl: z.string(),
  subjectName: z.string(),
  subjectUrl: z.string(),
  termsOfUsage: z.string(),
  purpose: z.string(),
});

const readerMessage = { ...request, reader: Reader, error: z.string().optional() };
const errorMessage = { ...request, error: z.string() };

export const SdkMessage = z.discriminatedUnion('msg', [
  z.looseObject({
    msg: z.literal('INFO'),
    ...request,
    VersionInfo,
    AusweisApp: z.string().optional(),
  }),
  z.looseObject({
    msg: z.literal('API_LEVEL'),
    ...request,
    available: z.array(z.number().int()).optional(),
    current: z.number().int(),
    error: z.string().optional(),
  }),
  z.looseObject({
    msg: z.literal('STATUS'),
    ...request,
    workflow: z.string().nullable(),
    progress: z.number().int().nullable(),
    state: z.string().nullable(),
  }),
  z.looseObject({
    msg: z.literal('READER'),
    ...request,
    ...Reader.shape,
    error: z.string().optional(),
  }),
  z.looseObject({
    msg: z.literal('READER_LIST'),
    ...request,
    readers: z.array(Reader).optional(),
    /** API level 1 uses `reader` instead of `readers`. */
    reader: z.array(Reader).optional(),
  }),
  z.looseObject({
    msg: z.literal('AUTH'),
    ...request,
    error: z.string().optional(),
    result: AuthResult.optional(),
    url: z.string().optional(),
  }),
  z.looseObject({
    msg: z.literal('CHANGE_PIN'),
    ...request,
    error: z.string().optional(),
    success: z.boolean().optional(),
    reason: z.string().optional(),
  }),
  z.looseObject({
    msg: z.literal('ACCESS_RIGHTS'),
    ...request,
    chat: Chat,
    transactionInfo: z.string().optional(),
    aux: Aux.optional(),
    error: z.string().optional(),
  }),
  z.looseObject({
    msg: z.literal('CERTIFICATE'),
    ...request,
    description: CertificateDescription,
    validity: z.looseObject({ effectiveDate: z.string(), expirationDate: z.string() }),
  }),
  z.looseObject({ msg: z.literal('INSERT_CARD'), ...request, error: z.string().optional() }),
  z.looseObject({ msg: z.literal('ENTER_PIN'), ...readerMessage }),
  z.looseObject({ msg: z.literal('ENTER_CAN'), ...readerMessage }),
  z.looseObject({ msg: z.literal('ENTER_PUK'), ...readerMessage }),
  z.looseObject({ msg: z.literal('ENTER_NEW_PIN'), ...readerMessage }),
  /** Level 3 (2.2.0+): the card is badly placed; answer with CONTINUE. */
  z.looseObject({ msg: z.literal('PAUSE'), ...request, cause: z.string() }),
  z.looseObject({ msg: z.literal('BAD_STATE'), ...errorMessage }),
  z.looseObject({ msg: z.literal('INVALID'), ...errorMessage }),
  z.looseObject({ msg: z.literal('UNKNOWN_COMMAND'), ...errorMessage }),
  z.looseObject({ msg: z.literal('INTERNAL_ERROR'), ...errorMessage }),
]);
export type SdkMessage = z.infer<typeof SdkMessage>;
export type SdkMessageName = SdkMessage['msg'];
export type MessageOf<N extends SdkMessageName> = Extract<SdkMessage, { msg: N }>;

/** The "paused, waiting for an answer" messages that gate which command AusweisApp accepts. */
export const stateMessages = [
  'ACCESS_RIGHTS',
  'INSERT_CARD',
  'ENTER_PIN',
  'ENTER_CAN',
  'ENTER_PUK',
  'ENTER_NEW_PIN',
  'PAUSE',
] as const satisfies readonly SdkMessageName[];
export type StateMessageName = (typeof stateMessages)[number];

export function isStateMessage(m: SdkMessage): m is MessageOf<StateMessageName> {
  return (stateMessages as readonly string[]).includes(m.msg);
}

export const errorMessages = ['BAD_STATE', 'INVALID', 'UNKNOWN_COMMAND', 'INTERNAL_ERROR'] as const;
export type ErrorMessageName = (typeof errorMessages)[number];
