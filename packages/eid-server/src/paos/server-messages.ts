import { type DssResult, dssResultXml } from '../xml/dss-result.js';
import { hexBinary, parseHexBinary } from '../xml/hex-binary.js';
import { el, type XmlContent, type XmlFragment } from '../xml/write.js';
import type { ConnectionHandle } from './client-message.js';
import { paosEnvelope, type PaosOutgoing } from './envelope.js';
import { PaosError } from './error.js';
import { DID_NAME, EAC_PROTOCOL, paosNamespaces } from './namespaces.js';

/** The message being answered and the card slot the client named in StartPAOS. */
export interface PaosReplyContext {
  /** The MessageID of the client message this one answers. */
  relatesTo: string;
  connectionHandle: ConnectionHandle;
}

export interface Eac1Input {
  /** Terminal chain, DV first then AT: the client links them by CAR/CHR. */
  certificates: readonly Buffer[];
  certificateDescription: Buffer;
  requiredChat: Buffer;
  optionalChat?: Buffer;
  authenticatedAuxiliaryData?: Buffer;
  transactionInfo?: string;
}

export interface Eac2Input {
  certificates: readonly Buffer[];
  /** The terminal's ephemeral public key as the card wants it (04 ‖ x ‖ y). */
  ephemeralPublicKey: Buffer;
  /** The TA signature, r ‖ s. */
  signature: Buffer;
}

export interface TransmitApdu {
  apdu: Buffer;
  /** Status words (hex, e.g. "9000") the client accepts; any other stops the batch. */
  acceptableStatusCodes?: readonly string[];
}

const isoBody = { xmlns: paosNamespaces.iso, 'xmlns:iso': paosNamespaces.iso };

function hexElement(name: string, bytes: Buffer | undefined): XmlFragment | undefined {
  return bytes === undefined ? undefined : el(name, hexBinary(bytes));
}

function optionalText(name: string, value: string | undefined): XmlFragment | undefined {
  return value === undefined ? undefined : el(name, value);
}

function connectionHandleXml(handle: ConnectionHandle): XmlFragment {
  return el(
    'ConnectionHandle',
    [
      optionalText('ContextHandle', handle.contextHandle),
      optionalText('IFDName', handle.ifdName),
      optionalText('SlotIndex', handle.slotIndex),
      optionalText('CardApplication', handle.cardApplication),
      optionalText('SlotHandle', handle.slotHandle),
    ],
    { 'xsi:type': 'iso:ConnectionHandleType' },
  );
}

/** AusweisApp tells the EAC steps apart by xsi:type (namespace-aware), so xsi is declared. */
function didAuthenticate(
  ctx: PaosReplyContext,
  inputType: string,
  protocolData: XmlContent,
): PaosOutgoing {
  const body = el(
    'DIDAuthenticate',
    [
      connectionHandleXml(ctx.connectionHandle),
      el('DIDName', DID_NAME),
      el('AuthenticationProtocolData', protocolData, {
        'xsi:type': `iso:${inputType}`,
        Protocol: EAC_PROTOCOL,
      }),
    ],
    { ...isoBody, 'xmlns:xsi': paosNamespaces.xsi },
  );
  return paosEnvelope(ctx.relatesTo, body);
}

function certificatesXml(certificates: readonly Buffer[]): XmlFragment[] {
  return certificates.map((certificate) => el('Certificate', hexBinary(certificate)));
}

/** EAC1InputType: terminal chain, description and the CHATs the citizen is asked to confirm. */
export function didAuthenticateEac1(ctx: PaosReplyContext, input: Eac1Input): PaosOutgoing {
  if (input.certificates.length === 0) {
    throw new PaosError('invalid-argument', 'EAC1 needs at least one certificate');
  }
  return didAuthenticate(ctx, 'EAC1InputType', [
    ...certificatesXml(input.certificates),
    el('CertificateDescription', hexBinary(input.certificateDescription)),
    el('RequiredCHAT', hexBinary(input.requiredChat)),
    hexElement('OptionalCHAT', input.optionalChat),
    hexElement('AuthenticatedAuxiliaryData', input.authenticatedAuxiliaryData),
    input.transactionInfo === undefined ? undefined : el('TransactionInfo', input.transactionInfo),
  ]);
}

/** EAC2InputType: the ephemeral key for Chip Authentication and the TA signature. */
export function didAuthenticateEac2(ctx: PaosReplyContext, input: Eac2Input): PaosOutgoing {
  return didAuthenticate(ctx, 'EAC2InputType', [
    ...certificatesXml(input.certificates),
    el('EphemeralPublicKey', hexBinary(input.ephemeralPublicKey)),
    el('Signature', hexBinary(input.signature)),
  ]);
}

function statusCodeXml(code: string): XmlFragment {
  if (parseHexBinary(code) === undefined || code === '') {
    throw new PaosError('invalid-argument', 'status code is not hex');
  }
  return el('AcceptableStatusCode', code.toUpperCase());
}

/** A batch of (secure-messaging) APDUs for the card in the given slot. */
export function transmit(
  ctx: PaosReplyContext,
  slotHandle: string,
  apdus: readonly TransmitApdu[],
): PaosOutgoing {
  if (apdus.length === 0) throw new PaosError('invalid-argument', 'Transmit needs an APDU');
  const body = el(
    'Transmit',
    [
      el('SlotHandle', slotHandle),
      apdus.map(({ apdu, acceptableStatusCodes = [] }) =>
        el('InputAPDUInfo', [
          el('InputAPDU', hexBinary(apdu)),
          acceptableStatusCodes.map(statusCodeXml),
        ]),
      ),
    ],
    isoBody,
  );
  return paosEnvelope(ctx.relatesTo, body);
}

/** Ends the PAOS conversation: ok after the last TransmitResponse, or error at any point. */
export function startPaosResponse(ctx: { relatesTo: string }, result: DssResult): PaosOutgoing {
  const body = el('StartPAOSResponse', dssResultXml(result), {
    ...isoBody,
    Profile: paosNamespaces.ecard,
  });
  return paosEnvelope(ctx.relatesTo, body);
}
