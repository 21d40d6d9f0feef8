import { CodedError } from '@sidbox/runtime';

/** Why a phone check cannot be made or served: the cap, or a configuration it cannot run with. */
export type PhoneCheckErrorCode = 'too-many-checks' | 'no-tc-token';

export class PhoneCheckError extends CodedError<PhoneCheckErrorCode> {}
