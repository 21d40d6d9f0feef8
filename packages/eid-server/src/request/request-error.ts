import { CodedError } from '@sidbox/runtime';

/** An eService request the server cannot carry out; the message never repeats its values. */
export type RequestErrorCode =
  | 'nothingRequested'
  | 'unavailableOperation'
  | 'ageOutOfRange'
  | 'missingAge'
  | 'malformedCommunityId'
  | 'missingCommunityId';

export class RequestError extends CodedError<RequestErrorCode> {}
