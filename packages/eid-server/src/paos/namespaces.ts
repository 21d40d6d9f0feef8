/** The URIs of TR-03112 PAOS, as AusweisApp writes and expects them. */
export const paosNamespaces = {
  iso: 'urn:iso:std:iso-iec:24727:tech:schema',
  wsa: 'http://www.w3.org/2005/03/addressing',
  paos: 'urn:liberty:paos:2006-08',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  ecard: 'http://www.bsi.bund.de/ecard/api/1.1',
} as const;

/** DIDAuthenticate's Protocol: EAC (TR-03112-7). */
export const EAC_PROTOCOL = 'urn:oid:1.3.162.15480.3.0.14.2';
export const DID_NAME = 'PIN';
