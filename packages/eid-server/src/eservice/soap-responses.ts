import type { GetResultOutcome, OperationsAllowedByUser } from '../authentication-result.js';
import type { OperationName } from '../operations.js';
import { DSS_NAMESPACE, type DssResult, dssResultXml } from '../xml/dss-result.js';
import { hexBinary } from '../xml/hex-binary.js';
import { soapEnvelope } from '../xml/soap-envelope.js';
import { el, type XmlFragment } from '../xml/write.js';
import type { PresharedKey } from './soap-requests.js';
import {
  EID_NAMESPACE,
  eidResultMinor,
  mandatoryOperationElements,
  tr03130OperationNames,
} from './soap-names.js';
import { personalDataXml } from './soap-personal-data.js';

function eidEnvelope(body: XmlFragment): string {
  return soapEnvelope({ body }, { eid: EID_NAMESPACE, dss: DSS_NAMESPACE });
}

/** One element per operation in XSD order; optional ones only when not PROHIBITED. */
function operationsXml(
  name: string,
  valueOf: (operation: OperationName) => string | undefined,
): XmlFragment {
  return el(
    `eid:${name}`,
    tr03130OperationNames.map(([ours, theirs]) => {
      const value = valueOf(ours);
      if (value === undefined && !mandatoryOperationElements.has(theirs)) return undefined;
      return el(`eid:${theirs}`, value ?? 'PROHIBITED');
    }),
  );
}

export interface UseIdAnswer {
  /** The id the eService names in getResult (hexBinary, at least 16 octets). */
  sessionId: Buffer;
  /** Where AusweisApp finds the server; omitted when the eService knows it. */
  eCardServerAddress?: string;
  psk: PresharedKey;
}

export function useIdResponse(answer: UseIdAnswer): string {
  return eidEnvelope(
    el('eid:useIDResponse', [
      el('eid:Session', el('eid:ID', hexBinary(answer.sessionId))),
      answer.eCardServerAddress === undefined
        ? undefined
        : el('eid:eCardServerAddress', answer.eCardServerAddress),
      el('eid:PSK', [el('eid:ID', answer.psk.id), el('eid:Key', hexBinary(answer.psk.key))]),
      dssResultXml({ major: 'ok' }),
    ]),
  );
}

/** A refused useID (e.g. eidResultMinor.missingArgument): a Result and no session. */
export function useIdErrorResponse(minor: string, message?: string): string {
  const result: DssResult = {
    major: 'error',
    minor,
    ...(message === undefined ? {} : { message }),
  };
  return eidEnvelope(el('eid:useIDResponse', dssResultXml(result)));
}

function failureResult(outcome: Exclude<GetResultOutcome, { status: 'done' }>): DssResult {
  switch (outcome.status) {
    case 'not-ready':
      return { major: 'error', minor: eidResultMinor.noResultYet };
    case 'not-found':
      return { major: 'error', minor: eidResultMinor.invalidSession };
    case 'invalid-counter':
      return { major: 'error', minor: eidResultMinor.invalidCounter };
    case 'cancelled':
      return { major: 'error', minor: eidResultMinor.cancellationByUser };
    case 'invalid-document':
      return { major: 'error', minor: eidResultMinor.invalidDocument };
    case 'failed':
      return {
        major: 'error',
        minor: outcome.minor ?? eidResultMinor.internalError,
        ...(outcome.message === undefined ? {} : { message: outcome.message }),
      };
  }
}

function verificationXml(name: string, fulfils: boolean | undefined): XmlFragment | undefined {
  return fulfils === undefined
    ? undefined
    : el(`eid:${name}`, el('eid:FulfilsRequest', String(fulfils)));
}

export function getResultResponse(outcome: GetResultOutcome): string {
  if (outcome.status !== 'done') {
    return eidEnvelope(el('eid:getResultResponse', dssResultXml(failureResult(outcome))));
  }
  const { result } = outcome;
  const allowed: OperationsAllowedByUser = result.operationsAllowedByUser;
  return eidEnvelope(
    el('eid:getResultResponse', [
      personalDataXml(result.personalData, result.restrictedId),
      verificationXml('FulfilsAgeVerification', result.ageVerification),
      verificationXml('FulfilsPlaceVerification', result.placeVerification),
      operationsXml('OperationsAllowedByUser', (operation) => allowed[operation]),
      dssResultXml({ major: 'ok' }),
    ]),
  );
}

export interface ServerInfo {
  versionString: string;
  major: number;
  minor: number;
  bugfix?: number;
  /** What the terminal certificate lets this server read or verify. */
  documentVerificationRights: readonly OperationName[];
}

export function getServerInfoResponse(info: ServerInfo): string {
  const rights = new Set(info.documentVerificationRights);
  return eidEnvelope(
    el('eid:getServerInfoResponse', [
      el('eid:ServerVersion', [
        el('eid:VersionString', info.versionString),
        el('eid:Major', String(info.major)),
        el('eid:Minor', String(info.minor)),
        info.bugfix === undefined ? undefined : el('eid:Bugfix', String(info.bugfix)),
      ]),
      operationsXml('DocumentVerificationRights', (operation) =>
        rights.has(operation) ? 'ALLOWED' : undefined,
      ),
    ]),
  );
}

/** SOAP 1.1 Fault: Client for a request we refuse, Server for our own failure. */
export function soapFault(code: 'Client' | 'Server', message: string): string {
  return soapEnvelope({
    body: el('soap:Fault', [el('faultcode', `soap:${code}`), el('faultstring', message)]),
  });
}
