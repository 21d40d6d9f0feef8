import type { DssResult } from '../xml/dss-result.js';

/** What the client sent in its SOAP header (WS-Addressing). */
export interface PaosHeader {
  messageId: string;
  /** The MessageID of the server message this one answers; absent on StartPAOS. */
  relatesTo?: string;
}

/** ISO 24727 ConnectionHandle, echoed back to the client as it came (hex strings stay text). */
export interface ConnectionHandle {
  contextHandle?: string;
  ifdName?: string;
  slotIndex?: string;
  cardApplication?: string;
  slotHandle?: string;
}

export interface UserAgent {
  name: string;
  versionMajor: number;
  versionMinor: number;
  versionSubminor?: number;
}

export interface ApiVersion {
  major: number;
  minor?: number;
  subminor?: number;
}

export interface StartPaos {
  type: 'StartPAOS';
  header: PaosHeader;
  sessionIdentifier: string;
  connectionHandle: ConnectionHandle;
  userAgent?: UserAgent;
  supportedApiVersions: ApiVersion[];
}

export interface Eac1Output {
  protocol: 'EAC1';
  /** The CHAT the citizen confirmed (the effective one). */
  chat?: Buffer;
  /** CARs of the card's trust anchors, sent when the client found no chain for them. */
  certificationAuthorityReferences: string[];
  efCardAccess: Buffer;
  idPicc: Buffer;
  challenge: Buffer;
}

export interface Eac2Output {
  protocol: 'EAC2';
  efCardSecurity: Buffer;
  authenticationToken: Buffer;
  nonce: Buffer;
}

/** The client asks for the TA signature (EACAdditionalInputType) because EAC2 came without one. */
export interface Eac2ChallengeOutput {
  protocol: 'EAC2Challenge';
  challenge: Buffer;
}

export type DidAuthenticateOutput = Eac1Output | Eac2Output | Eac2ChallengeOutput;

export interface DidAuthenticateResponse {
  type: 'DIDAuthenticateResponse';
  header: PaosHeader;
  result: DssResult;
  /** Absent exactly when result.major is 'error'. */
  output?: DidAuthenticateOutput;
}

export interface TransmitResponse {
  type: 'TransmitResponse';
  header: PaosHeader;
  /** An error here may still come with the APDUs answered before the unexpected status. */
  result: DssResult;
  outputApdus: Buffer[];
}

export interface InitializeFrameworkResponse {
  type: 'InitializeFrameworkResponse';
  header: PaosHeader;
  result: DssResult;
}

export type ClientMessage =
  StartPaos | DidAuthenticateResponse | TransmitResponse | InitializeFrameworkResponse;
