import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oids } from '../asn1/oids.js';
import { PassiveAuthenticationError } from './passive-authentication-error.js';
import { displayName } from './passive-authentication-names.js';
import {
  digestName,
  isSupportedSignatureAlgorithm,
  verifySignature,
} from './passive-authentication-signature.js';

/** The certificates a signer must chain to: CSCAs, or document signers trusted directly (DER). */
export interface TrustList {
  certificates: Buffer[];
}

export interface VerifiedSignedData {
  /** The signed content (eContent), its digest and signature checked. */
  content: Buffer;
  signerSubject: string;
  signerIssuer: string;
  /** The signer certificate's serial number, hex. */
  signerSerialNumber: string;
  signerNotAfter: Date;
  /** The trust list certificate the signer chains to (itself when trusted directly). */
  trustAnchorSubject: string;
}

/**
 * Passive authentication of a CMS SignedData (RFC 5652, profiled by ICAO 9303-10 and TR-03110):
 * the content's digest against the signed messageDigest, the signature over the signed attributes
 * with the signer certificate's key, and the signer certificate against the trust list, all of it
 * valid at `now`. Any input that is not such a structure is 'malformed', never another exception.
 */
export function verifySignedData(
  der: Buffer,
  contentType: string,
  trust: TrustList,
  now: Date,
): VerifiedSignedData {
  try {
    return verifyParsed(parseSignedData(der), contentType, trust, now);
  } catch (error) {
    if (error instanceof PassiveAuthenticationError) throw error;
    throw new PassiveAuthenticationError('malformed', 'the SignedData cannot be read');
  }
}

function verifyParsed(
  signedData: pkijs.SignedData,
  contentType: string,
  trust: TrustList,
  now: Date,
): VerifiedSignedData {
  const { eContentType, eContent } = signedData.encapContentInfo;
  if (eContentType !== contentType) throw malformed('the signed content has another type');
  if (eContent === undefined) throw malformed('the signed content is missing');
  const content = Buffer.from(eContent.getValue());
  const [signerInfo, ...moreSigners] = signedData.signerInfos;
  if (signerInfo === undefined || moreSigners.length > 0) throw malformed('not one signer');

  const signedAttributes = checkSignedAttributes(signerInfo, contentType, content);
  const anchors = trust.certificates.map(readTrustedCertificate);
  const embedded = (signedData.certificates ?? []).filter(
    (entry): entry is pkijs.Certificate => entry instanceof pkijs.Certificate,
  );
  const signer = [...embedded, ...anchors].find((candidate) =>
    identifies(signerInfo.sid, candidate),
  );
  if (signer === undefined) {
    throw new PassiveAuthenticationError('untrusted-signer', 'the signer certificate is missing');
  }

  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;
  if (!isSupportedSignatureAlgorithm(signatureAlgorithm)) {
    throw new PassiveAuthenticationError('signature', 'unsupported signature algorithm');
  }
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  if (!verifySignature(signatureAlgorithm, publicKeyInfoOf(signer), signedAttributes, signature)) {
    throw new PassiveAuthenticationError('signature', 'the signature does not verify');
  }

  const anchor = trustAnchorFor(signer, anchors, now);
  return {
    content,
    signerSubject: displayName(signer.subject),
    signerIssuer: displayName(signer.issuer),
    signerSerialNumber: Buffer.from(signer.serialNumber.valueBlock.valueHexView).toString('hex'),
    signerNotAfter: signer.notAfter.value,
    trustAnchorSubject: displayName(anchor.subject),
  };
}

function parseSignedData(der: Buffer): pkijs.SignedData {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset !== der.length) throw malformed('not one DER object');
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  if (contentInfo.contentType !== oids.signedData) throw malformed('not a SignedData');
  return new pkijs.SignedData({ schema: contentInfo.content });
}

/** Checks content type and message digest; returns the DER the signature covers. */
function checkSignedAttributes(
  signerInfo: pkijs.SignerInfo,
  contentType: string,
  content: Buffer,
): Buffer {
  const attributes = signerInfo.signedAttrs;
  // With a content type other than id-data, RFC 5652 5.3 requires signed attributes.
  if (attributes === undefined) throw malformed('the signed attributes are missing');
  const signedType = singleValue(attributes, oids.cmsContentType);
  if (!(signedType instanceof asn1js.ObjectIdentifier) || signedType.getValue() !== contentType) {
    throw malformed('the signed content type attribute does not match');
  }
  const signedDigest = singleValue(attributes, oids.cmsMessageDigest);
  if (!(signedDigest instanceof asn1js.OctetString)) throw malformed('no message digest');

  const hash = digestName(signerInfo.digestAlgorithm.algorithmId);
  if (hash === undefined) throw new PassiveAuthenticationError('digest', 'unsupported digest');
  const digest = createHash(hash).update(content).digest();
  if (!digest.equals(Buffer.from(signedDigest.valueBlock.valueHexView))) {
    throw new PassiveAuthenticationError('digest', 'the content does not match its digest');
  }
  // The signature covers the attributes as a SET OF, not as the [0] IMPLICIT they arrive in.
  const covered = Buffer.from(attributes.encodedValue);
  covered[0] = 0x31;
  return covered;
}

function singleValue(attributes: pkijs.SignedAndUnsignedAttributes, type: string): unknown {
  const matching = attributes.attributes.filter((attribute) => attribute.type === type);
  const [only] = matching;
  if (matching.length !== 1 || only === undefined || only.values.length !== 1) {
    throw malformed('a signed attribute is missing or repeated');
  }
  return only.values[0];
}

function identifies(sid: pkijs.SignerInfo['sid'], certificate: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return (
      certificate.issuer.isEqual(sid.issuer) &&
      bytesEqual(
        certificate.serialNumber.valueBlock.valueHexView,
        sid.serialNumber.valueBlock.valueHexView,
      )
    );
  }
  // Otherwise sid is the [0] IMPLICIT SubjectKeyIdentifier, kept by pkijs as a raw block.
  const keyIdentifier = subjectKeyIdentifierOf(certificate);
  const sidBytes = (sid as asn1js.Primitive).valueBlock?.valueHexView;
  return (
    keyIdentifier !== undefined && sidBytes !== undefined && bytesEqual(keyIdentifier, sidBytes)
  );
}

function subjectKeyIdentifierOf(certificate: pkijs.Certificate): Uint8Array | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === oids.subjectKeyIdentifier);
  const value: unknown = extension?.parsedValue;
  return value instanceof asn1js.OctetString ? value.valueBlock.valueHexView : undefined;
}

/**
 * The trust list certificate the signer chains to: itself, or a CA certificate of the signer's
 * issuer name whose key verifies the signer certificate. CSCAs renew under one name (link
 * certificates), so every CA of that name is tried.
 */
function trustAnchorFor(
  signer: pkijs.Certificate,
  anchors: readonly pkijs.Certificate[],
  now: Date,
): pkijs.Certificate {
  const directlyTrusted = anchors.find((anchor) => sameCertificate(anchor, signer));
  const issuers = anchors.filter(
    (anchor) => isCertificateAuthority(anchor) && issued(anchor, signer),
  );
  if (directlyTrusted === undefined && issuers.length === 0) {
    throw new PassiveAuthenticationError('untrusted-signer', 'the signer is not trusted');
  }
  if (!validAt(signer, now)) {
    throw new PassiveAuthenticationError('expired', 'the signer certificate is not valid now');
  }
  const anchor = directlyTrusted ?? issuers.find((issuer) => validAt(issuer, now));
  if (anchor === undefined) {
    throw new PassiveAuthenticationError('expired', 'the issuing CA certificate is not valid now');
  }
  return anchor;
}

function issued(issuer: pkijs.Certificate, subject: pkijs.Certificate): boolean {
  return (
    issuer.subject.isEqual(subject.issuer) &&
    verifySignature(
      subject.signatureAlgorithm.algorithmId,
      publicKeyInfoOf(issuer),
      Buffer.from(subject.tbsView),
      Buffer.from(subject.signatureValue.valueBlock.valueHexView),
    )
  );
}

function isCertificateAuthority(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === oids.basicConstraints);
  const value: unknown = extension?.parsedValue;
  return value instanceof pkijs.BasicConstraints && value.cA === true;
}

function validAt(certificate: pkijs.Certificate, now: Date): boolean {
  const time = now.getTime();
  return (
    certificate.notBefore.value.getTime() <= time && time <= certificate.notAfter.value.getTime()
  );
}

function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return (
    bytesEqual(a.tbsView, b.tbsView) &&
    bytesEqual(a.signatureValue.valueBlock.valueHexView, b.signatureValue.valueBlock.valueHexView)
  );
}

/** Parsed once per trust list buffer: a trust list is configuration, read on every session. */
const parsedAnchors = new WeakMap<Buffer, pkijs.Certificate>();

function readTrustedCertificate(der: Buffer, index: number): pkijs.Certificate {
  const known = parsedAnchors.get(der);
  if (known !== undefined) return known;
  try {
    const certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
    parsedAnchors.set(der, certificate);
    return certificate;
  } catch {
    throw malformed(`trust list certificate ${index} cannot be read`);
  }
}

function publicKeyInfoOf(certificate: pkijs.Certificate): Buffer {
  return Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER());
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}

function malformed(message: string): PassiveAuthenticationError {
  return new PassiveAuthenticationError('malformed', message);
}
