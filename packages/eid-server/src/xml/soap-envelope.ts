import type { XmlElement } from './element.js';
import type { ElementReader } from './read.js';
import { el, type XmlContent, type XmlFragment, xmlDocument } from './write.js';

export const SOAP11_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** A SOAP 1.1 envelope; namespaces are declared on it as xmlns:prefix → URI. */
export function soapEnvelope(
  parts: { header?: XmlContent; body: XmlFragment },
  namespaces: Readonly<Record<string, string>> = {},
): string {
  const declarations = Object.fromEntries(
    Object.entries({ soap: SOAP11_NAMESPACE, ...namespaces }).map(([prefix, uri]) => [
      `xmlns:${prefix}`,
      uri,
    ]),
  );
  return xmlDocument(
    el(
      'soap:Envelope',
      [
        parts.header === undefined ? undefined : el('soap:Header', parts.header),
        el('soap:Body', parts.body),
      ],
      declarations,
    ),
  );
}

export interface SoapParts {
  header: XmlElement | undefined;
  /** The one element in the Body. */
  content: XmlElement;
}

export function soapParts(root: XmlElement, read: ElementReader): SoapParts {
  if (root.name !== 'Envelope') read.fail('not a SOAP envelope');
  const [content, ...more] = read.required(root, 'Body').children;
  if (content === undefined || more.length > 0) read.fail('Body must hold one element');
  return { header: read.optional(root, 'Header'), content };
}
