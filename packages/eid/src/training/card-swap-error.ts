import { CodedError } from '@sidbox/runtime';

/** Why a training card could not be put into the training reader. */
export type TrainingCardErrorCode = 'not-training' | 'unknown-scenario' | 'card-in-use';

/** A training card swap that cannot happen now; the card in the reader stays. */
export class TrainingCardError extends CodedError<TrainingCardErrorCode> {}
