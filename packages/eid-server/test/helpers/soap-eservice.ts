import { createServer, type Server } from 'node:https';
import { parseXml } from '../../src/xml/parse.js';
import type { XmlElement } from '../../src/xml/element.js';
import { tcTokenXml } from '../../src/tc-token.js';
import type { TestEidServer } from './eid-server.js';

/** A TR-03130 SOAP request as an eService sends it. */
export function soapEnvelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:eid="http://bsi.bund.de/eID/"><soapenv:Header/><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

export function useIdRequest(operations: Record<string, string>, extra = ''): string {
  const ops = Object.entries(operations)
    .map(([name, selection]) => `<eid:${name}>${selection}</eid:${name}>`)
    .join('');
  return soapEnvelope(
    `<eid:useIDRequest><eid:UseOperations>${ops}</eid:UseOperations>${extra}</eid:useIDRequest>`,
  );
}

export function getResultRequest(sessionIdHex: string, counter: number): string {
  return soapEnvelope(
    `<eid:getResultRequest><eid:Session><eid:ID>${sessionIdHex}</eid:ID></eid:Session><eid:RequestCounter>${counter}</eid:RequestCounter></eid:getResultRequest>`,
  );
}

/** The first element with this local name, depth first. */
export function find(element: XmlElement, name: string): XmlElement | undefined {
  if (element.name === name) return element;
  for (const child of element.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return undefined;
}

export function parseAnswer(xml: string): XmlElement {
  return parseXml(xml, 1024 * 1024);
}

/**
 * An existing eService the TR-03130 way: it calls useID, then serves the TC token itself (PSK
 * and PAOS address from the answer) on its own HTTPS origin — the subjectURL of its certificate
 * description — with the eID-Server's test certificate, whose hash the description lists.
 */
export async function startSoapEService(eidServer: TestEidServer, port: number) {
  const tokens = new Map<string, string>();
  const server: Server = createServer(
    { key: eidServer.setup.pki.tls.keyPem, cert: eidServer.setup.pki.tls.certPem },
    (request, response) => {
      const token = tokens.get(
        new URL(request.url ?? '/', 'https://x').searchParams.get('id') ?? '',
      );
      response.writeHead(token ? 200 : 404, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(token ?? '');
    },
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    /** useID over SOAP; returns the session id (hex, as getResult names it) and the TC token URL. */
    async useId(operations: Record<string, string>, extra = '') {
      const answer = parseAnswer((await eidServer.soap(useIdRequest(operations, extra))).body);
      const sessionIdHex = find(answer, 'Session')?.children[0]?.text ?? '';
      const psk = find(answer, 'PSK');
      const pskId = psk?.children.find((c) => c.name === 'ID')?.text ?? '';
      const pskKey = psk?.children.find((c) => c.name === 'Key')?.text ?? '';
      const serverAddress = find(answer, 'eCardServerAddress')?.text ?? '';
      const id = String(tokens.size + 1);
      tokens.set(
        id,
        tcTokenXml({
          serverAddress,
          sessionIdentifier: pskId,
          refreshAddress: `https://127.0.0.1:${port}/done`,
          psk: Buffer.from(pskKey, 'hex'),
        }),
      );
      return { sessionIdHex, tcTokenURL: `https://127.0.0.1:${port}/tc-token?id=${id}` };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
