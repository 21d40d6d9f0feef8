import type { XmlElement } from './element.js';
import type { ElementReader } from './read.js';
import { el, type XmlFragment } from './write.js';

/** The eCard-API result (OASIS DSS Result) that PAOS and the eID web service both carry. */
export interface DssResult {
  major: 'ok' | 'error' | 'warning';
  /** A ResultMinor URI. */
  minor?: string;
  message?: string;
}

export const DSS_NAMESPACE = 'urn:oasis:names:tc:dss:1.0:core:schema';
const RESULT_MAJOR = 'http://www.bsi.bund.de/ecard/api/1.1/resultmajor#';
const majors = ['ok', 'error', 'warning'] as const;

export function parseDssResult(result: XmlElement, read: ElementReader): DssResult {
  const majorUri = read.text(result, 'ResultMajor');
  const major = majors.find((name) => majorUri === RESULT_MAJOR + name);
  if (major === undefined) read.fail('unknown ResultMajor');
  const minor = read.optionalText(result, 'ResultMinor');
  const message = read.optionalText(result, 'ResultMessage');
  return {
    major,
    ...(minor === undefined ? {} : { minor }),
    ...(message === undefined ? {} : { message }),
  };
}

/** A Result element in the DSS namespace, declared on it so it fits any envelope. */
export function dssResultXml(result: DssResult): XmlFragment {
  return el(
    'Result',
    [
      el('ResultMajor', RESULT_MAJOR + result.major),
      result.minor === undefined ? undefined : el('ResultMinor', result.minor),
      result.message === undefined
        ? undefined
        : el('ResultMessage', result.message, { 'xml:lang': 'en' }),
    ],
    { xmlns: DSS_NAMESPACE },
  );
}
