/** xsd:hexBinary: an even number of hex digits, either case; undefined when it is not. */
export function parseHexBinary(text: string): Buffer | undefined {
  return /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** The canonical (upper-case) hexBinary form. */
export function hexBinary(bytes: Buffer): string {
  return bytes.toString('hex').toUpperCase();
}
