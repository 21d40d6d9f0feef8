import type { OutcomeCode } from '@sidbox/protocol';

/**
 * Maps what AusweisApp reports at the end of a workflow to stable outcome codes. `reason`
 * (failure codes, 1.26.3+; docs/failurecodes/failurecodes.rst) is preferred; 1.26.2 only sends
 * the `minor` URI of the eCard-API result.
 */

const reasonRules: readonly [pattern: RegExp, code: OutcomeCode][] = [
  [/(^|_)User_Cancelled$/, 'cancelled'],
  [/^Card_Removed$/, 'card-removed'],
  [/^Connect_Card_Eid_Inactive$/, 'eid-deactivated'],
  [/^Establish_Pace_Channel_No_Active_Pin$/, 'transport-pin-required'],
  [/^Establish_Pace_Channel_Puk_Inoperative$/, 'card-inoperative'],
  [/^Prepace_Pace_Smart_Eid_Invalidated$/, 'pin-blocked'],
  // Not an AusweisApp code: the training card's expired test data (there is no such failure code).
  [/^Card_Expired$/, 'card-expired'],
  [/^Change_Pin_Input_Timeout$/, 'timeout'],
  [/^Parse_TcToken_/, 'invalid-request'],
  [/^(Get_TcToken|Generic_Send_Receive|Generic_Provider_Communication)_/, 'provider-unreachable'],
  [
    /^(Certificate_Check_Failed|Pre_Verification|Extract_Cvcs_From_Eac1|Process_Certificates_From_Eac2|Did_Authenticate_Eac2_Invalid_Cvc_Chain|Start_Paos_Response|Check_Refresh_Address)_/,
    'provider-error',
  ],
];

const minorCodes: Readonly<Record<string, OutcomeCode>> = {
  '/sal#cancellationByUser': 'cancelled',
  '/ifdl#cancellationByUser': 'cancelled',
  '/dp#trustedChannelEstablishmentFailed': 'provider-unreachable',
  '/dp#timeout': 'timeout',
  '/ifdl#timeout': 'timeout',
  '/ifdl/common#timeoutError': 'timeout',
  '/ifdl/terminal#noCard': 'card-removed',
  '/al/common#noPermission': 'provider-error',
  '/al/common#incorrectParameter': 'invalid-request',
};

const MINOR_PREFIX = 'http://www.bsi.bund.de/ecard/api/1.1/resultminor';

export function codeFromReason(reason: string | undefined): OutcomeCode | undefined {
  if (reason === undefined) return undefined;
  return reasonRules.find(([pattern]) => pattern.test(reason))?.[1];
}

export function codeFromMinor(minor: string | undefined): OutcomeCode | undefined {
  if (minor === undefined || !minor.startsWith(MINOR_PREFIX)) return undefined;
  return minorCodes[minor.slice(MINOR_PREFIX.length)];
}

export function isMajorOk(major: string): boolean {
  return major.endsWith('/resultmajor#ok');
}
