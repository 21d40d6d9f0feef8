import { describe, expect, it } from 'vitest';
import { codeFromMinor, codeFromReason } from '../src/workflow/outcome-map.js';
import { Harness, frames as f, reader } from './helpers/workflow.js';

const MINOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultminor';

describe('reason (1.26.3+) → outcome code', () => {
  it.each([
    ['User_Cancelled', 'cancelled'],
    ['Establish_Pace_Channel_User_Cancelled', 'cancelled'],
    ['Change_Pin_Card_User_Cancelled', 'cancelled'],
    ['Card_Removed', 'card-removed'],
    ['Connect_Card_Eid_Inactive', 'eid-deactivated'],
    ['Establish_Pace_Channel_No_Active_Pin', 'transport-pin-required'],
    ['Establish_Pace_Channel_Puk_Inoperative', 'card-inoperative'],
    ['Card_Expired', 'card-expired'],
    ['Change_Pin_Input_Timeout', 'timeout'],
    ['Parse_TcToken_Invalid_Url', 'invalid-request'],
    ['Get_TcToken_Network_Error', 'provider-unreachable'],
    ['Get_TcToken_Invalid_Data', 'provider-unreachable'],
    ['Generic_Send_Receive_Network_Error', 'provider-unreachable'],
    ['Generic_Send_Receive_Tls_Error', 'provider-unreachable'],
    ['Certificate_Check_Failed_Hash_Mismatch', 'provider-error'],
    ['Pre_Verification_No_Test_Environment', 'provider-error'],
    ['Pre_Verification_Certificate_Expired', 'provider-error'],
    ['Check_Refresh_Address_Service_Timeout', 'provider-error'],
    ['Start_Paos_Response_Error', 'provider-error'],
  ])('%s → %s', (reason, code) => {
    expect(codeFromReason(reason)).toBe(code);
  });

  it('leaves unknown reasons to the minor', () => {
    expect(codeFromReason('Something_New')).toBeUndefined();
    expect(codeFromReason(undefined)).toBeUndefined();
  });
});

describe('minor (1.26.2) → outcome code', () => {
  it.each([
    ['/sal#cancellationByUser', 'cancelled'],
    ['/ifdl#cancellationByUser', 'cancelled'],
    ['/dp#trustedChannelEstablishmentFailed', 'provider-unreachable'],
    ['/dp#timeout', 'timeout'],
    ['/ifdl/terminal#noCard', 'card-removed'],
    ['/al/common#noPermission', 'provider-error'],
  ])('%s → %s', (minor, code) => {
    expect(codeFromMinor(`${MINOR}${minor}`)).toBe(code);
  });

  it('knows no other URIs', () => {
    expect(codeFromMinor('urn:other#cancellationByUser')).toBeUndefined();
    expect(codeFromMinor(`${MINOR}/al/common#internalError`)).toBeUndefined();
  });
});

describe('final AUTH → outcome', () => {
  const finalAuth = (message: object) =>
    Harness.of('auth').msg(f.readerList(reader()), f.authStart, message).outcome;

  it('prefers reason over minor', () => {
    const outcome = finalAuth(f.authError('/sal#cancellationByUser', 'Connect_Card_Eid_Inactive'));
    expect(outcome?.code).toBe('eid-deactivated');
    expect(outcome?.detail?.reason).toBe('Connect_Card_Eid_Inactive');
  });

  it('falls back to eid-error and never puts a URI into the code', () => {
    const outcome = finalAuth(f.authError('/al/common#internalError'));
    expect(outcome?.code).toBe('eid-error');
    expect(outcome?.messageKey).toBe('eid.outcome.eid-error');
  });
});
