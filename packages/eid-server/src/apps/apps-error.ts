import { CodedError } from '@sidbox/runtime';

/** Why the members' apps cannot be served as configured, or the hub did not answer as agreed. */
export type AppsErrorCode = 'origin-not-allowed' | 'hub-unreachable' | 'hub-answer-invalid';

export class AppsError extends CodedError<AppsErrorCode> {}
