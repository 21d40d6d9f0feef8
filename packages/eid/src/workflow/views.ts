import type { ProviderView, ReaderView } from '@sidbox/protocol';
import type { MessageOf, Reader } from '../sdk/messages.js';

/** AusweisApp's Simulator reader (always listed in SDK mode); like the training reader, no real card. */
export const SIMULATOR_READER = 'Simulator';

/** retryCounter −1 means "not yet known" (CardInfo.cpp); the UI gets null for that. */
export function knownCounter(counter: number | undefined): number | null {
  return counter !== undefined && counter >= 0 ? counter : null;
}

export function readerView(reader: Reader, training: boolean): ReaderView {
  const card = reader.card ?? null;
  return {
    name: reader.name,
    attached: reader.attached,
    keypad: reader.keypad ?? false,
    insertable: reader.insertable ?? false,
    card: card && {
      deactivated: card.deactivated ?? false,
      inoperative: card.inoperative ?? false,
      retryCounter: knownCounter(card.retryCounter),
    },
    training: training || reader.name === SIMULATOR_READER,
  };
}

/** Level 3 reports a non-eID card as `card: {}`. */
export function isUnknownCard(reader: Reader): boolean {
  const card = reader.card;
  return !!card && card.retryCounter === undefined && card.deactivated === undefined;
}

export function providerView(certificate: MessageOf<'CERTIFICATE'>): ProviderView {
  const { description, validity } = certificate;
  return {
    subjectName: description.subjectName,
    subjectUrl: description.subjectUrl,
    issuerName: description.issuerName,
    issuerUrl: description.issuerUrl,
    purpose: description.purpose,
    termsOfUsage: description.termsOfUsage,
    validFrom: validity.effectiveDate,
    validUntil: validity.expirationDate,
  };
}

export function requiredAge(rights: MessageOf<'ACCESS_RIGHTS'>): number | undefined {
  const age = Number(rights.aux?.requiredAge);
  return Number.isInteger(age) ? age : undefined;
}
