import type { ServerResponse } from 'node:http';
import { html, serveSite, type TestSite } from '../sites.js';

/** A test eID service whose refresh page can be held back. */
export interface TestProvider extends TestSite {
  /**
   * The refresh page answers only after the returned release is called: until then the
   * browser keeps showing the page it is leaving (the kiosk's result).
   */
  holdRefresh(): () => void;
}

/**
 * A test eID service: its start page links to the local eID-Client with the TC token's URL
 * (`?tc=` names another one), its TC token names an eID server that does not answer
 * (nothing listens on port 9), and its refresh and communication-error pages say where the
 * browser landed.
 */
export async function serveProvider(): Promise<TestProvider> {
  let gate: Promise<void> = Promise.resolve();
  const refresh = html('<h1>Angemeldet</h1>');
  const site: TestSite = await serveSite({
    '/': (_request, response, url) => {
      const tcTokenURL = url.searchParams.get('tc') ?? site.url('/tctoken');
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><html lang="de"><meta charset="utf-8"><title>Testdienst</title>' +
          '<h1>Testdienst</h1><a id="eid" href="' +
          `http://127.0.0.1:24727/eID-Client?tcTokenURL=${encodeURIComponent(tcTokenURL)}` +
          '">Mit Ausweis anmelden</a>',
      );
    },
    '/tctoken': (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(tcToken(site));
    },
    '/refresh': (request, response: ServerResponse, url) =>
      void gate.then(() => refresh(request, response, url)),
    '/commerror': html('<h1>Kommunikationsfehler</h1>'),
  });
  return {
    ...site,
    holdRefresh() {
      let release = (): void => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        release();
        gate = Promise.resolve();
      };
    },
  };
}

function tcToken(site: TestSite): string {
  return (
    `<?xml version="1.0"?><TCTokenType><ServerAddress>https://127.0.0.1:9/eid</ServerAddress>` +
    `<SessionIdentifier>0123456789abcdef0123456789abcdef</SessionIdentifier>` +
    `<RefreshAddress>${site.url('/refresh?session=1')}</RefreshAddress>` +
    `<CommunicationErrorAddress>${site.url('/commerror')}</CommunicationErrorAddress>` +
    `<Binding>urn:liberty:paos:2006-08</Binding>` +
    `<PathSecurity-Protocol>urn:ietf:rfc:4279</PathSecurity-Protocol>` +
    `<PathSecurity-Parameters><PSK>${'cd'.repeat(32)}</PSK></PathSecurity-Parameters>` +
    `</TCTokenType>`
  );
}
