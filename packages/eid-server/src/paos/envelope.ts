import { randomUUID } from 'node:crypto';
import { soapEnvelope } from '../xml/soap-envelope.js';
import { el, type XmlFragment } from '../xml/write.js';
import { paosNamespaces } from './namespaces.js';

/** A message for the client, with the MessageID the client will name in its RelatesTo. */
export interface PaosOutgoing {
  xml: string;
  messageId: string;
}

/**
 * AusweisApp reads wsa:MessageID (and RelatesTo) by local name directly under the SOAP Header
 * and sends that MessageID back as its RelatesTo; the sb:Correlation of old fixtures is ignored.
 */
export function paosEnvelope(relatesTo: string, body: XmlFragment): PaosOutgoing {
  const messageId = `urn:uuid:${randomUUID()}`;
  const xml = soapEnvelope(
    {
      header: [el('wsa:RelatesTo', relatesTo), el('wsa:MessageID', messageId)],
      body,
    },
    { wsa: paosNamespaces.wsa, paos: paosNamespaces.paos },
  );
  return { xml, messageId };
}
