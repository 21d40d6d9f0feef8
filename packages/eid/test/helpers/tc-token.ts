import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A TC token as a provider serves it (TR-03124-1): where the eID server is, and where to go next. */
export function tcTokenXml(addresses: { server: string; refresh: string; error: string }): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><TCTokenType>` +
    `<ServerAddress>${addresses.server}</ServerAddress>` +
    `<SessionIdentifier>0123456789abcdef0123456789abcdef</SessionIdentifier>` +
    `<RefreshAddress>${addresses.refresh}</RefreshAddress>` +
    `<CommunicationErrorAddress>${addresses.error}</CommunicationErrorAddress>` +
    `<Binding>urn:liberty:paos:2006-08</Binding>` +
    `<PathSecurity-Protocol>urn:ietf:rfc:4279</PathSecurity-Protocol>` +
    `<PathSecurity-Parameters><PSK>${'ab'.repeat(32)}</PSK></PathSecurity-Parameters>` +
    `</TCTokenType>`
  );
}

/**
 * A provider on 127.0.0.1 whose TC token (any path) names an eID server that does not answer,
 * the refresh address `<base>/refresh?session=1` and the error address `<base>/error`.
 */
export async function unreachableEidServerProvider(): Promise<{
  base: string;
  close(): Promise<void>;
}> {
  const server: Server = createServer((_request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    response.setHeader('content-type', 'text/xml');
    response.end(
      tcTokenXml({
        server: 'https://127.0.0.1:9/eid',
        refresh: `${base}/refresh?session=1`,
        error: `${base}/error`,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
