import { describe, expect, it } from 'vitest';
import { allChatRights, type ChatRight } from '../src/cvc/chat.js';
import { operationNames, type OperationName, type RequestedOperations } from '../src/operations.js';
import {
  accessFor,
  cardSteps,
  operationAccess,
  planRequest,
  unavailableOperations,
} from '../src/request/plan.js';
import { RequestError } from '../src/request/request-error.js';

const now = new Date('2024-06-15T10:00:00Z');

/** TR-03130's operations against TR-03110-4's CHAT bits, written out once more by hand. */
const expected: Record<OperationName, { right: ChatRight; dataGroup?: number } | undefined> = {
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
  emailAddress: undefined,
  restrictedId: { right: 'restrictedIdentification' },
  ageVerification: { right: 'ageVerification' },
  placeVerification: { right: 'communityIdVerification' },
};

/** Options that satisfy every operation, so each can be planned alone. */
const options = { now, age: 18, communityId: '02760503150000' };

function requestError(run: () => unknown): RequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('planned without error');
}

describe('the operation table', () => {
  it('maps every operation to its right and data group, and names rights chat.ts knows', () => {
    for (const operation of operationNames) {
      const access = accessFor(operation);
      expect({ operation, right: access?.right, dataGroup: access?.dataGroup }).toEqual({
        operation,
        right: expected[operation]?.right,
        dataGroup: expected[operation]?.dataGroup,
      });
      if (access) expect(allChatRights).toContain(access.right);
    }
    expect(unavailableOperations).toEqual(['emailAddress']);
  });

  for (const operation of operationNames) {
    const entry = expected[operation];
    if (entry === undefined) continue;
    it(`${operation}: REQUIRED and ALLOWED ask for ${entry.right}, granted it reads what it should`, () => {
      const required = planRequest({ [operation]: 'REQUIRED' }, options);
      expect([...required.requiredRights]).toEqual([entry.right]);
      expect(required.optionalRights.size).toBe(0);
      const allowed = planRequest({ familyNames: 'PROHIBITED', [operation]: 'ALLOWED' }, options);
      expect(allowed.requiredRights.size).toBe(0);
      expect([...allowed.optionalRights]).toEqual([entry.right]);

      const request: RequestedOperations = { [operation]: 'ALLOWED' };
      const reads = entry.dataGroup === undefined ? [] : [entry.dataGroup];
      expect(cardSteps(new Set([entry.right]), request).reads).toEqual(reads);
      expect(cardSteps(new Set(), request).reads).toEqual([]);
      expect(cardSteps(new Set([entry.right]), { [operation]: 'PROHIBITED' }).reads).toEqual([]);
    });
  }
});

describe('what the card does once rights are granted', () => {
  const everything = Object.fromEntries(
    operationNames.map((operation) => [operation, 'ALLOWED']),
  ) as RequestedOperations;
  const allRights = new Set(Object.values(operationAccess).map((access) => access.right));

  it('reads every requested data group, runs every check and RI when all is granted', () => {
    expect(cardSteps(allRights, everything)).toEqual({
      reads: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 18, 19, 20, 21],
      verifications: ['validity', 'age', 'place'],
      restrictedIdentification: true,
    });
  });

  it('leaves out what the citizen deselected, but always verifies validity', () => {
    const granted = new Set<ChatRight>(['readDG4', 'readDG5']);
    expect(cardSteps(granted, everything)).toEqual({
      reads: [4, 5],
      verifications: ['validity'],
      restrictedIdentification: false,
    });
  });

  it('does not act on granted rights for operations not requested', () => {
    expect(cardSteps(allRights, { givenNames: 'REQUIRED' })).toEqual({
      reads: [4],
      verifications: ['validity'],
      restrictedIdentification: false,
    });
  });
});

describe('auxiliary data', () => {
  it('always verifies validity against today', () => {
    const plan = planRequest({ givenNames: 'REQUIRED' }, { now });
    expect(plan.auxiliaryData).toEqual({ validityDate: '20240615' });
  });

  it('takes today as the German calendar day', () => {
    const lateEveningUtc = new Date('2024-06-14T22:30:00Z');
    expect(planRequest({ givenNames: 'REQUIRED' }, { now: lateEveningUtc }).auxiliaryData).toEqual({
      validityDate: '20240615',
    });
  });

  it('asks "born on or before" for an age, without reading the date of birth', () => {
    const plan = planRequest({ ageVerification: 'REQUIRED' }, { now, age: 18 });
    expect(plan.auxiliaryData.ageVerificationDate).toBe('20060615');
    expect([...plan.requiredRights]).toEqual(['ageVerification']);
    expect(cardSteps(new Set(['ageVerification']), { ageVerification: 'REQUIRED' }).reads).toEqual(
      [],
    );
  });

  it('turns 29 February into 28 February in a year without it', () => {
    const leapDay = new Date('2024-02-29T12:00:00Z');
    expect(
      planRequest({ ageVerification: 'ALLOWED' }, { now: leapDay, age: 18 }).auxiliaryData
        .ageVerificationDate,
    ).toBe('20060228');
    expect(
      planRequest({ ageVerification: 'ALLOWED' }, { now: leapDay, age: 16 }).auxiliaryData
        .ageVerificationDate,
    ).toBe('20080229');
  });

  it('accepts ages from 0 to 150', () => {
    const day = (age: number) =>
      planRequest({ ageVerification: 'REQUIRED' }, { now, age }).auxiliaryData.ageVerificationDate;
    expect(day(0)).toBe('20240615');
    expect(day(150)).toBe('18740615');
  });

  it('passes the community id for place verification', () => {
    const plan = planRequest({ placeVerification: 'REQUIRED' }, { now, communityId: '027605' });
    expect(plan.auxiliaryData.communityId).toBe('027605');
    expect([...plan.requiredRights]).toEqual(['communityIdVerification']);
  });

  it('carries age and community id only when their verification is asked for', () => {
    const plan = planRequest({ givenNames: 'REQUIRED' }, options);
    expect(plan.auxiliaryData).toEqual({ validityDate: '20240615' });
  });
});

describe('requests the server refuses', () => {
  it('refuses a request for nothing', () => {
    for (const request of [
      {},
      { givenNames: 'PROHIBITED' },
      { emailAddress: 'ALLOWED' },
    ] satisfies RequestedOperations[])
      expect(requestError(() => planRequest(request, options)).code).toBe('nothingRequested');
  });

  it('refuses to require the e-mail address and reports it unavailable when only allowed', () => {
    expect(requestError(() => planRequest({ emailAddress: 'REQUIRED' }, options)).code).toBe(
      'unavailableOperation',
    );
    const plan = planRequest({ emailAddress: 'ALLOWED', givenNames: 'ALLOWED' }, options);
    expect(plan.unavailable).toEqual(['emailAddress']);
    expect([...plan.optionalRights]).toEqual(['readDG4']);
  });

  it('refuses an age outside 0 to 150 or not in whole years, without naming it', () => {
    for (const age of [-1, 151, 17.5, Number.NaN, Infinity]) {
      const error = requestError(() => planRequest({ ageVerification: 'REQUIRED' }, { now, age }));
      expect(error.code).toBe('ageOutOfRange');
      expect(error.message).not.toContain(String(age));
    }
  });

  it('refuses age verification without an age', () => {
    expect(requestError(() => planRequest({ ageVerification: 'ALLOWED' }, { now })).code).toBe(
      'missingAge',
    );
  });

  it('refuses a malformed community id, without naming it', () => {
    for (const communityId of ['', '027', '02760x', '0276050315000000', ' 0276']) {
      const error = requestError(() =>
        planRequest({ placeVerification: 'REQUIRED' }, { now, communityId }),
      );
      expect(error.code).toBe('malformedCommunityId');
      if (communityId !== '') expect(error.message).not.toContain(communityId);
    }
  });

  it('refuses place verification without a community id', () => {
    expect(requestError(() => planRequest({ placeVerification: 'REQUIRED' }, { now })).code).toBe(
      'missingCommunityId',
    );
  });
});
