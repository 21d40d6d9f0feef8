import { ageOverClaim, type OidcClaim, type OidcClient } from '@sidbox/protocol';
import type { AuthenticationResult } from '../authentication-result.js';
import type { RequestedOperations } from '../operations.js';
import type { PartialDate, Place } from '../personal-data.js';

/**
 * Which registered claim each OpenID scope releases. `profile` and `address` are the standard
 * scopes (OpenID Connect Core §5.4), so an off-the-shelf client asking "openid profile" works;
 * `age_over` is ours. A scope gives only the claims the platform registered, never more.
 */
export const scopeClaims = {
  profile: ['given_name', 'family_name', 'birthdate'],
  address: ['address'],
  age_over: ['age_over'],
} as const satisfies Record<string, readonly OidcClaim[]>;
export type CardScope = keyof typeof scopeClaims;
export const cardScopes = Object.keys(scopeClaims) as CardScope[];

/** Every age the contract allows (1–99): the `age_over` scope's possible ID token claims. */
export const ageOverClaims = Array.from({ length: 99 }, (_, index) => ageOverClaim(index + 1));

/** The provider's claims configuration: scope → the ID token claims it may carry. */
export function providerClaims(): Record<string, string[]> {
  return {
    openid: ['sub'],
    profile: [...scopeClaims.profile],
    address: [...scopeClaims.address],
    age_over: ageOverClaims,
  };
}

/** The scopes a platform may ask for: `openid`, and each scope releasing a claim it registered. */
export function allowedScopes(client: Pick<OidcClient, 'claims'>): string[] {
  const registered = new Set<OidcClaim>(client.claims);
  return [
    'openid',
    ...cardScopes.filter((scope) => scopeClaims[scope].some((claim) => registered.has(claim))),
  ];
}

/**
 * The claims one sign-in releases: those of the requested scopes the platform registered. The
 * provider has refused any other scope already (invalid_scope); unknown ones it ignores.
 */
export function grantedClaims(client: Pick<OidcClient, 'claims'>, scope: string): OidcClaim[] {
  const requested = new Set(scope.split(' '));
  const released = new Set<OidcClaim>(
    cardScopes.filter((name) => requested.has(name)).flatMap((name) => scopeClaims[name]),
  );
  return client.claims.filter((claim) => released.has(claim));
}

const claimOperations = {
  given_name: 'givenNames',
  family_name: 'familyNames',
  birthdate: 'dateOfBirth',
  address: 'placeOfResidence',
  age_over: 'ageVerification',
} as const satisfies Record<OidcClaim, keyof RequestedOperations>;

/**
 * What the card is asked for: the pseudonym (`sub`) and exactly the granted claims, each
 * REQUIRED — the platform registered them as needed, and the citizen can still cancel in
 * AusweisApp. "Older than N" is asked of the card without reading the date of birth.
 */
export function cardRequest(
  claims: readonly OidcClaim[],
  minimumAge: number | undefined,
): { operations: RequestedOperations; ageVerification?: { age: number } } {
  const operations: RequestedOperations = { restrictedId: 'REQUIRED' };
  for (const claim of claims) operations[claimOperations[claim]] = 'REQUIRED';
  return claims.includes('age_over') && minimumAge !== undefined
    ? { operations, ageVerification: { age: minimumAge } }
    : { operations };
}

/** OpenID Connect's `address` claim (Core §5.1.1). */
export interface AddressClaim {
  formatted: string;
  street_address?: string;
  locality?: string;
  region?: string;
  postal_code?: string;
  /** As the card holds it: "D" for Germany (ICAO 9303), else the country's code. */
  country?: string;
}

export type CardClaims = Record<string, string | boolean | AddressClaim>;

/**
 * The ID token's claims from a card reading, for the granted claims only. A value the card does
 * not hold (NOTONCHIP, "no residence in Germany") is left out rather than invented.
 */
export function cardClaims(
  claims: readonly OidcClaim[],
  minimumAge: number | undefined,
  result: AuthenticationResult,
): CardClaims {
  const data = result.personalData;
  const out: CardClaims = {};
  for (const claim of claims) {
    switch (claim) {
      case 'given_name':
        if (data.givenNames !== undefined) out.given_name = data.givenNames;
        break;
      case 'family_name':
        if (data.familyNames !== undefined) out.family_name = data.familyNames;
        break;
      case 'birthdate':
        if (data.dateOfBirth !== undefined) out.birthdate = birthdate(data.dateOfBirth);
        break;
      case 'address': {
        const address = data.placeOfResidence && addressClaim(data.placeOfResidence);
        if (address !== undefined) out.address = address;
        break;
      }
      case 'age_over':
        if (minimumAge !== undefined && result.ageVerification !== undefined)
          out[ageOverClaim(minimumAge)] = result.ageVerification;
        break;
    }
  }
  return out;
}

/**
 * OpenID's `birthdate` is YYYY-MM-DD, or YYYY alone when the day is not known (Core §5.1); a
 * card may hold only the year and month, which is then given as the year.
 */
export function birthdate(date: PartialDate): string {
  return date.month !== undefined && date.day !== undefined
    ? date.iso
    : String(date.year).padStart(4, '0');
}

export function addressClaim(place: Place): AddressClaim | undefined {
  switch (place.kind) {
    case 'structured': {
      const { street, zipCode, city, state, country } = place;
      const formatted = [street, [zipCode, city].filter(Boolean).join(' '), state]
        .filter((line) => line !== undefined && line !== '')
        .join('\n');
      return {
        formatted,
        ...(street !== undefined && { street_address: street }),
        locality: city,
        ...(state !== undefined && { region: state }),
        ...(zipCode !== undefined && { postal_code: zipCode }),
        country,
      };
    }
    case 'freetext':
      return { formatted: place.text };
    case 'none':
      return undefined;
  }
}

/** `sub`: the card's Restricted Identification pseudonym in the member's sector, lower-case hex. */
export const subject = (restrictedId: Buffer): string => restrictedId.toString('hex');
