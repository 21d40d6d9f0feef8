import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { oids } from '../asn1/oids.js';

const shortNames: Readonly<Record<string, string>> = {
  [oids.countryName]: 'C',
  [oids.stateOrProvinceName]: 'ST',
  [oids.localityName]: 'L',
  [oids.organizationName]: 'O',
  [oids.organizationalUnitName]: 'OU',
  [oids.serialNumberAttribute]: 'serialNumber',
  [oids.commonName]: 'CN',
};

/**
 * A distinguished name for logs and results, in certificate order as OpenSSL prints it:
 * "C=DE, O=bund, OU=bsi, CN=TEST csca-germany". For display only; names are compared as ASN.1.
 */
export function displayName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map(({ type, value }) => `${shortNames[type] ?? type}=${valueText(value)}`)
    .join(', ');
}

function valueText(value: unknown): string {
  if (value instanceof asn1js.BaseStringBlock) return value.getValue();
  if (value instanceof asn1js.BaseBlock) {
    return `#${Buffer.from(value.toBER()).toString('hex')}`;
  }
  return '';
}
