/** Fixed texts and shapes the training AusweisApp answers with. */

export type Json = Record<string, unknown>;

export const TRAINING_READER = 'SIDbox Training Reader';

export const versionInfo = {
  Name: 'SIDbox Training Card',
  'Implementation-Title': 'SIDbox Training Card (simulated AusweisApp2)',
  'Implementation-Vendor': 'SIDbox',
  'Implementation-Version': '1.26.2',
  'Specification-Title': 'TR-03124',
  'Specification-Vendor': 'Federal Office for Information Security',
  'Specification-Version': '1.3',
};

/** A plausible training provider: what it asks for and who it is. */
export const trainingRights = {
  required: ['FamilyName', 'GivenNames', 'DateOfBirth'],
  optional: ['Address', 'DoctoralDegree'],
};

export const trainingTransactionInfo =
  'SIDbox Schulung: es werden keine echten Daten übertragen. / SIDbox training: no real data is transmitted.';

export const trainingCertificate = {
  description: {
    issuerName: 'SIDbox Schulungs-CA / Training CA',
    issuerUrl: 'https://training.sidbox.invalid/',
    subjectName: 'SIDbox Schulungsdienst / Training service',
    subjectUrl: 'https://training.sidbox.invalid/',
    purpose:
      'Schulung und Vorführung des Bürgerterminals / Training and demonstration of the terminal',
    termsOfUsage:
      'Simulierter Diensteanbieter für Schulungen. Es werden keine Daten gespeichert.\n' +
      'Simulated service provider for training. No data is stored.',
  },
  validity: { effectiveDate: '2026-01-01', expirationDate: '2036-12-31' },
};

const MAJOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#';
const MINOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultminor';

export const majorOk = `${MAJOR}ok`;
export const majorError = `${MAJOR}error`;

export const minors = {
  cancelled: `${MINOR}/sal#cancellationByUser`,
  noCard: `${MINOR}/ifdl/terminal#noCard`,
  trustedChannel: `${MINOR}/dp#trustedChannelEstablishmentFailed`,
  internalError: `${MINOR}/al/common#internalError`,
};

/** How a failure is reported: the result minor, the 1.26.3+ reason, and the TR-03124 refresh minor. */
export interface Failure {
  minor: string;
  reason: string;
  /** ResultMinor for the provider's refresh address (TR-03124-1 §2.5). */
  refreshMinor: 'cancellationByUser' | 'clientError' | 'trustedChannelEstablishmentFailed';
  message: string;
}

export const failures = {
  cancelled: {
    minor: minors.cancelled,
    reason: 'User_Cancelled',
    refreshMinor: 'cancellationByUser',
    message: 'The process has been cancelled.',
  },
  cardRemoved: {
    minor: minors.noCard,
    reason: 'Card_Removed',
    refreshMinor: 'clientError',
    message: 'The ID card has been removed.',
  },
  transportPin: {
    minor: minors.internalError,
    reason: 'Establish_Pace_Channel_No_Active_Pin',
    refreshMinor: 'clientError',
    message: 'The transport PIN is still active. Change it to a six-digit PIN first.',
  },
  pukInoperative: {
    minor: minors.internalError,
    reason: 'Establish_Pace_Channel_Puk_Inoperative',
    refreshMinor: 'clientError',
    message: 'The PUK has been used ten times and cannot unblock the PIN any more.',
  },
  // No AusweisApp failure code exists for this; named in the same style for the training card.
  expired: {
    minor: minors.internalError,
    reason: 'Card_Expired',
    refreshMinor: 'clientError',
    message: 'The ID card has expired.',
  },
  tcTokenUnreachable: {
    minor: minors.trustedChannel,
    reason: 'Get_TcToken_Network_Error',
    refreshMinor: 'trustedChannelEstablishmentFailed',
    message: 'An unknown network error occurred.',
  },
  tcTokenInvalid: {
    minor: minors.trustedChannel,
    reason: 'Get_TcToken_Invalid_Data',
    refreshMinor: 'trustedChannelEstablishmentFailed',
    message: 'The service answered without a valid TC token.',
  },
  tcTokenNoHttps: {
    minor: minors.trustedChannel,
    reason: 'Get_TcToken_Invalid_Url',
    refreshMinor: 'trustedChannelEstablishmentFailed',
    message: 'The tcTokenURL must use https.',
  },
} as const satisfies Record<string, Failure>;
