/** The ISO/IEC 7816-4 and TR-03110 status words the card double answers with. */
export const sw = {
  ok: 0x9000,
  endOfFile: 0x6282,
  verificationFailed: 0x6300,
  securityStatusNotSatisfied: 0x6982,
  conditionsOfUseNotSatisfied: 0x6985,
  smDataObjectsMissing: 0x6987,
  smDataObjectsIncorrect: 0x6988,
  wrongData: 0x6a80,
  fileNotFound: 0x6a82,
  referenceNotFound: 0x6a88,
  instructionNotSupported: 0x6d00,
} as const;
