/** The standard local eID-Client activation (TR-03124-1); the kiosk intercepts exactly this. */
const EID_CLIENT_URL = 'http://127.0.0.1:24727/eID-Client';

/** The address that hands a TC token URL to the local eID-Client (AusweisApp). */
export function eidClientActivation(tcTokenUrl: string): string {
  return `${EID_CLIENT_URL}?tcTokenURL=${encodeURIComponent(tcTokenUrl)}`;
}
