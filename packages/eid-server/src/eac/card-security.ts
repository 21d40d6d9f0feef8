import { createPublicKey } from 'node:crypto';
import * as asn1js from 'asn1js';
import { oids } from '../asn1/oids.js';
import { PassiveAuthenticationError } from './passive-authentication-error.js';
import { verifySignedData, type TrustList } from './passive-authentication.js';

export { PassiveAuthenticationError } from './passive-authentication-error.js';
export type { TrustList } from './passive-authentication.js';

/** A chip's static Chip Authentication key (ChipAuthenticationPublicKeyInfo, TR-03110-3 A.1.1.2). */
export interface ChipAuthenticationPublicKey {
  /** id-PK-ECDH or id-PK-DH. */
  protocol: string;
  keyId?: number;
  /** The subjectPublicKey as the SPKI carries it: for ECDH the point 04‖x‖y. */
  publicKey: Buffer;
  /** The node:crypto curve name, when the domain parameters name or describe a known curve. */
  curve?: string;
  /** Inside a PrivilegedTerminalInfo: only for terminals with the privileged terminal right. */
  privilegedTerminalsOnly: boolean;
}

/** ChipAuthenticationInfo: a CA protocol (e.g. id-CA-ECDH-AES-CBC-CMAC-128) and version. */
export interface ChipAuthenticationInfo {
  protocol: string;
  version: number;
  keyId?: number;
  privilegedTerminalsOnly: boolean;
}

export interface RestrictedIdentificationInfo {
  protocol: string;
  version: number;
  keyId: number;
  authorizedOnly: boolean;
  maxKeyLength?: number;
}

export interface PaceInfo {
  protocol: string;
  version: number;
  parameterId?: number;
}

/** The SecurityInfos SET of EF.CardAccess and EF.CardSecurity (TR-03110-3 A.1). */
export interface SecurityInfos {
  chipAuthentication: ChipAuthenticationInfo[];
  chipAuthenticationKeys: ChipAuthenticationPublicKey[];
  restrictedIdentification: RestrictedIdentificationInfo[];
  pace: PaceInfo[];
  terminalAuthenticationVersion?: number;
  /** Protocol OIDs of infos read past (domain parameters, CardInfo, eIDSecurityInfo, …). */
  otherProtocols: string[];
}

/** EF.CardSecurity's SecurityInfos, after passive authentication, with who signed them. */
export interface CardSecurity extends SecurityInfos {
  signerSubject: string;
  signerIssuer: string;
  signerSerialNumber: string;
  signerNotAfter: Date;
  trustAnchorSubject: string;
}

/** TR-03110-3 Table 4: standardized domain parameter ids of the elliptic curves. */
const standardizedCurves: Readonly<Record<number, string>> = {
  8: 'prime192v1',
  9: 'brainpoolP192r1',
  10: 'secp224r1',
  11: 'brainpoolP224r1',
  12: 'prime256v1',
  13: 'brainpoolP256r1',
  14: 'brainpoolP320r1',
  15: 'secp384r1',
  16: 'brainpoolP384r1',
  17: 'brainpoolP512r1',
  18: 'secp521r1',
};

/** Verifies EF.CardSecurity against the trust list at `now` and reads its SecurityInfos. */
export function verifyCardSecurity(
  efCardSecurity: Buffer,
  trust: TrustList,
  now: Date,
): CardSecurity {
  const verified = verifySignedData(efCardSecurity, oids.securityObject, trust, now);
  return {
    ...parseSecurityInfos(verified.content),
    signerSubject: verified.signerSubject,
    signerIssuer: verified.signerIssuer,
    signerSerialNumber: verified.signerSerialNumber,
    signerNotAfter: verified.signerNotAfter,
    trustAnchorSubject: verified.trustAnchorSubject,
  };
}

/**
 * The Chip Authentication key with a key id; without one, the only key not reserved for
 * privileged terminals (TR-03110 makes the key id optional only when it is unambiguous).
 */
export function chipAuthenticationKey(
  infos: SecurityInfos,
  keyId?: number,
): ChipAuthenticationPublicKey {
  const keys = infos.chipAuthenticationKeys;
  const candidates =
    keyId === undefined
      ? keys.filter((key) => !key.privilegedTerminalsOnly)
      : keys.filter((key) => key.keyId === keyId || (keys.length === 1 && key.keyId === undefined));
  const [found] = candidates;
  if (found !== undefined && candidates.length === 1) return found;
  throw new PassiveAuthenticationError(
    'unknown-key',
    keyId === undefined
      ? 'no single Chip Authentication key'
      : `no Chip Authentication key ${keyId}`,
  );
}

/** Reads a SecurityInfos SET (EF.CardAccess as is, or EF.CardSecurity's signed content). */
export function parseSecurityInfos(bytes: Buffer): SecurityInfos {
  try {
    const parsed = asn1js.fromBER(bytes);
    if (parsed.offset !== bytes.length) throw malformed();
    const infos: SecurityInfos = {
      chipAuthentication: [],
      chipAuthenticationKeys: [],
      restrictedIdentification: [],
      pace: [],
      otherProtocols: [],
    };
    readInto(infos, parsed.result, false);
    return infos;
  } catch (error) {
    if (error instanceof PassiveAuthenticationError) throw error;
    throw malformed();
  }
}

function readInto(infos: SecurityInfos, set: asn1js.AsnType, privileged: boolean): void {
  if (!(set instanceof asn1js.Set)) throw malformed();
  for (const element of set.valueBlock.value) {
    if (!(element instanceof asn1js.Sequence)) throw malformed();
    const [protocolBlock, required, optional, ...rest] = element.valueBlock.value;
    if (!(protocolBlock instanceof asn1js.ObjectIdentifier) || required === undefined) {
      throw malformed();
    }
    if (rest.length > 0) throw malformed();
    readInfo(infos, protocolBlock.getValue(), required, optional, privileged);
  }
}

function readInfo(
  infos: SecurityInfos,
  protocol: string,
  required: asn1js.AsnType,
  optional: asn1js.AsnType | undefined,
  privileged: boolean,
): void {
  if (protocol === oids.pkEcdh || protocol === oids.pkDh) {
    infos.chipAuthenticationKeys.push({
      protocol,
      ...publicKeyInfo(required),
      ...optionalKeyId(optional),
      privilegedTerminalsOnly: privileged,
    });
  } else if (arcsBelow(protocol, oids.caEcdh) === 1 || arcsBelow(protocol, oids.caDh) === 1) {
    infos.chipAuthentication.push({
      protocol,
      version: integer(required),
      ...optionalKeyId(optional),
      privilegedTerminalsOnly: privileged,
    });
  } else if (arcsBelow(protocol, oids.riEcdh) === 1 || arcsBelow(protocol, oids.riDh) === 1) {
    infos.restrictedIdentification.push({
      protocol,
      ...protocolParams(required),
      ...(optional === undefined ? {} : { maxKeyLength: integer(optional) }),
    });
  } else if (arcsBelow(protocol, oids.pace) === 2) {
    infos.pace.push({
      protocol,
      version: integer(required),
      ...(optional === undefined ? {} : { parameterId: integer(optional) }),
    });
  } else if (protocol === oids.terminalAuthentication) {
    infos.terminalAuthenticationVersion = integer(required);
  } else if (protocol === oids.privilegedTerminalInfo && !privileged) {
    readInto(infos, required, true);
  } else {
    infos.otherProtocols.push(protocol);
  }
}

/** How many arcs an OID has below a family's OID; undefined when it is not in the family. */
function arcsBelow(oid: string, family: string): number | undefined {
  if (!oid.startsWith(`${family}.`)) return undefined;
  return oid.slice(family.length + 1).split('.').length;
}

function publicKeyInfo(block: asn1js.AsnType): { publicKey: Buffer; curve?: string } {
  if (!(block instanceof asn1js.Sequence)) throw malformed();
  const [algorithm, subjectPublicKey] = block.valueBlock.value;
  if (!(algorithm instanceof asn1js.Sequence) || !(subjectPublicKey instanceof asn1js.BitString)) {
    throw malformed();
  }
  if (subjectPublicKey.valueBlock.unusedBits !== 0) throw malformed();
  const publicKey = Buffer.from(subjectPublicKey.valueBlock.valueHexView);
  const curve = curveOf(algorithm, Buffer.from(block.toBER()));
  return curve === undefined ? { publicKey } : { publicKey, curve };
}

/**
 * The curve of a CA key: by standardized domain parameter id, or, for an X.509-style
 * AlgorithmIdentifier (named or explicit parameters), as OpenSSL recognises it.
 */
function curveOf(algorithm: asn1js.Sequence, subjectPublicKeyInfo: Buffer): string | undefined {
  const [algorithmId, parameters] = algorithm.valueBlock.value;
  if (!(algorithmId instanceof asn1js.ObjectIdentifier)) throw malformed();
  if (algorithmId.getValue() === oids.standardizedDomainParameters) {
    return parameters === undefined ? undefined : standardizedCurves[integer(parameters)];
  }
  try {
    const key = createPublicKey({ key: subjectPublicKeyInfo, format: 'der', type: 'spki' });
    return key.asymmetricKeyDetails?.namedCurve;
  } catch {
    return undefined;
  }
}

function protocolParams(block: asn1js.AsnType): {
  version: number;
  keyId: number;
  authorizedOnly: boolean;
} {
  if (!(block instanceof asn1js.Sequence)) throw malformed();
  const [version, keyId, authorizedOnly, ...rest] = block.valueBlock.value;
  if (!(authorizedOnly instanceof asn1js.Boolean) || rest.length > 0) throw malformed();
  return {
    version: integer(version),
    keyId: integer(keyId),
    authorizedOnly: authorizedOnly.getValue(),
  };
}

function optionalKeyId(block: asn1js.AsnType | undefined): { keyId?: number } {
  return block === undefined ? {} : { keyId: integer(block) };
}

/** A small non-negative INTEGER (versions, key ids, parameter ids, key lengths). */
function integer(block: asn1js.AsnType | undefined): number {
  if (!(block instanceof asn1js.Integer)) throw malformed();
  const bytes = block.valueBlock.valueHexView;
  if (bytes.length > 4 || block.valueBlock.isHexOnly) throw malformed();
  const value = block.valueBlock.valueDec;
  if (!Number.isSafeInteger(value) || value < 0) throw malformed();
  return value;
}

function malformed(): PassiveAuthenticationError {
  return new PassiveAuthenticationError('malformed', 'the SecurityInfos cannot be read');
}
