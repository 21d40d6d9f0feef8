import type { ChatRight } from '../cvc/chat.js';
import type { OperationName, RequestedOperations } from '../operations.js';
import { germanDayYearsAgo, germanToday } from './calendar-day.js';
import { RequestError } from './request-error.js';

/** What the card checks against the authenticated auxiliary data, without revealing the data. */
export type Verification = 'age' | 'place' | 'validity';

export interface OperationAccess {
  right: ChatRight;
  dataGroup?: number;
  verification?: Verification;
}

/**
 * Operations no right of the 5-byte CHAT covers: TR-03110-4 in the version AusweisApp 1.26.2 and
 * chat.ts implement reserves bits 29–32, so the e-mail address (DG22) cannot be asked for.
 */
export const unavailableOperations = ['emailAddress'] as const;
type AvailableOperation = Exclude<OperationName, (typeof unavailableOperations)[number]>;

/** Each operation's CHAT right, and the data group it reads or the check it has the card run. */
export const operationAccess: Readonly<Record<AvailableOperation, OperationAccess>> = {
  documentType: { right: 'readDG1', dataGroup: 1 },
  issuingState: { right: 'readDG2', dataGroup: 2 },
  dateOfExpiry: { right: 'readDG3', dataGroup: 3 },
  givenNames: { right: 'readDG4', dataGroup: 4 },
  familyNames: { right: 'readDG5', dataGroup: 5 },
  artisticName: { right: 'readDG6', dataGroup: 6 },
  academicTitle: { right: 'readDG7', dataGroup: 7 },
  dateOfBirth: { right: 'readDG8', dataGroup: 8 },
  placeOfBirth: { right: 'readDG9', dataGroup: 9 },
  nationality: { right: 'readDG10', dataGroup: 10 },
  birthName: { right: 'readDG13', dataGroup: 13 },
  placeOfResidence: { right: 'readDG17', dataGroup: 17 },
  communityId: { right: 'readDG18', dataGroup: 18 },
  residencePermitI: { right: 'readDG19', dataGroup: 19 },
  residencePermitII: { right: 'readDG20', dataGroup: 20 },
  phoneNumber: { right: 'readDG21', dataGroup: 21 },
  restrictedId: { right: 'restrictedIdentification' },
  ageVerification: { right: 'ageVerification', verification: 'age' },
  placeVerification: { right: 'communityIdVerification', verification: 'place' },
};

export interface AuxiliaryDataPlan {
  /** Born on or before this day, 'YYYYMMDD': now minus the age in years. */
  ageVerificationDate?: string;
  /** Hex, 1–7 bytes: the municipality id's leading digits to match. */
  communityId?: string;
  /** Today, 'YYYYMMDD': the document's validity is always verified. */
  validityDate: string;
}

export interface RequestPlan {
  requiredRights: Set<ChatRight>;
  optionalRights: Set<ChatRight>;
  auxiliaryData: AuxiliaryDataPlan;
  /** ALLOWED operations no card right serves; the result reports them as not available. */
  unavailable: OperationName[];
}

export interface PlanOptions {
  now: Date;
  /** For ageVerification: the age in whole years the citizen must have reached. */
  age?: number;
  /** For placeVerification: hex, e.g. '02760503150000' or a shorter prefix of whole bytes. */
  communityId?: string;
}

/** What the card does once the citizen has granted rights. */
export interface CardSteps {
  /** Data groups to read, ascending. */
  reads: number[];
  verifications: Verification[];
  restrictedIdentification: boolean;
}

const maxAge = 150;
const communityIdPattern = /^(?:[0-9A-Fa-f]{2}){1,7}$/;

/** The right and data group or check of an operation; undefined for an unavailable one. */
export function accessFor(operation: OperationName): OperationAccess | undefined {
  return Object.hasOwn(operationAccess, operation)
    ? operationAccess[operation as AvailableOperation]
    : undefined;
}

type Asked = [OperationName, 'REQUIRED' | 'ALLOWED'];

function askedFor(requested: RequestedOperations): Asked[] {
  const asked: Asked[] = [];
  for (const [operation, selection] of Object.entries(requested)) {
    if (selection === 'REQUIRED' || selection === 'ALLOWED')
      asked.push([operation as OperationName, selection]);
  }
  return asked;
}

function checkOptions({ age, communityId }: PlanOptions): void {
  if (age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= maxAge))
    throw new RequestError('ageOutOfRange', `the age must be whole years from 0 to ${maxAge}`);
  if (communityId !== undefined && !communityIdPattern.test(communityId))
    throw new RequestError('malformedCommunityId', 'a community id is 1 to 7 bytes in hex');
}

function auxiliaryDataFor(
  asked: ReadonlySet<OperationName>,
  { now, age, communityId }: PlanOptions,
): AuxiliaryDataPlan {
  const auxiliaryData: AuxiliaryDataPlan = { validityDate: germanToday(now) };
  if (asked.has('ageVerification')) {
    if (age === undefined) throw new RequestError('missingAge', 'age verification needs an age');
    auxiliaryData.ageVerificationDate = germanDayYearsAgo(now, age);
  }
  if (asked.has('placeVerification')) {
    if (communityId === undefined)
      throw new RequestError('missingCommunityId', 'place verification needs a community id');
    auxiliaryData.communityId = communityId.toUpperCase();
  }
  return auxiliaryData;
}

/**
 * The CHATs and auxiliary data for an eService's request. Age verification asks the card whether
 * the citizen was born on or before a day: it never reads the date of birth.
 */
export function planRequest(requested: RequestedOperations, options: PlanOptions): RequestPlan {
  checkOptions(options);
  const requiredRights = new Set<ChatRight>();
  const optionalRights = new Set<ChatRight>();
  const unavailable: OperationName[] = [];
  const asked = askedFor(requested);
  for (const [operation, selection] of asked) {
    const access = accessFor(operation);
    if (access === undefined) {
      if (selection === 'REQUIRED')
        throw new RequestError('unavailableOperation', `no card right grants ${operation}`);
      unavailable.push(operation);
      continue;
    }
    (selection === 'REQUIRED' ? requiredRights : optionalRights).add(access.right);
  }
  if (requiredRights.size === 0 && optionalRights.size === 0)
    throw new RequestError('nothingRequested', 'the request asks for nothing the card can give');
  const auxiliaryData = auxiliaryDataFor(new Set(asked.map(([operation]) => operation)), options);
  return { requiredRights, optionalRights, auxiliaryData, unavailable };
}

/**
 * The card's work given the rights the citizen granted: an ALLOWED right the citizen deselected is
 * neither read nor verified. The validity check needs no right and always runs.
 */
export function cardSteps(
  grantedRights: ReadonlySet<ChatRight>,
  requested: RequestedOperations,
): CardSteps {
  const granted = askedFor(requested)
    .flatMap(([operation]) => accessFor(operation) ?? [])
    .filter((access) => grantedRights.has(access.right));
  const verifications: Verification[] = ['validity'];
  for (const { verification } of granted) if (verification) verifications.push(verification);
  return {
    reads: granted.flatMap((access) => access.dataGroup ?? []).sort((a, b) => a - b),
    verifications,
    restrictedIdentification: granted.some((access) => access.right === 'restrictedIdentification'),
  };
}
