/**
 * A data group file that cannot be decoded. The message names the data group and what was wrong
 * with its structure, never the bytes or text it held: those are personal data.
 */
export type DataGroupErrorCode = 'malformed' | 'unknownDataGroup' | 'unsupported';

export class DataGroupError extends Error {
  override readonly name = 'DataGroupError';

  constructor(
    readonly code: DataGroupErrorCode,
    readonly reason: string,
    readonly dataGroup?: number,
  ) {
    super(dataGroup === undefined ? reason : `DG${dataGroup}: ${reason}`);
  }
}
