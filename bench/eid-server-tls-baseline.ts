// The baseline: a bare TLS 1.2 RSA-PSK handshake, the kind every PAOS connection starts with, on
// a plain Node TLS server in its own process with the eID-Server's RSA-3072 certificate.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:tls';
import { between, spawnMeasured, type ChildSample } from './eid-server-child.js';

const PSK_CIPHER = 'RSA-PSK-AES256-GCM-SHA384';
const IDENTITY = 'bench';

/** The server: every connection is closed once its handshake is done. Plain JavaScript. */
const serverSource = `
import { readFileSync } from 'node:fs';
import { createServer } from 'node:tls';
const psk = Buffer.from(process.env.BENCH_PSK, 'hex');
const server = createServer(
  {
    key: readFileSync(process.env.BENCH_TLS_KEY),
    cert: readFileSync(process.env.BENCH_TLS_CERT),
    ciphers: '${PSK_CIPHER}',
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    pskCallback: (socket, identity) => (identity === '${IDENTITY}' ? psk : null),
  },
  (socket) => socket.end(),
);
server.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port));
`;

export interface TlsFiles {
  keyFile: string;
  certFile: string;
  certPem: string;
}

/** `count` handshakes after `warmup`, one after another; the server's CPU and handshakes. */
export async function measurePskHandshakes(
  tls: TlsFiles,
  count: number,
  warmup: number,
): Promise<ChildSample> {
  const psk = randomBytes(32);
  const server = spawnMeasured(['--input-type=module', '--eval', serverSource], {
    BENCH_PSK: psk.toString('hex'),
    BENCH_TLS_KEY: tls.keyFile,
    BENCH_TLS_CERT: tls.certFile,
  });
  try {
    const port = Number((await server.waitForLine(/^listening \d+$/)).split(' ')[1]);
    const handshake = () => pskHandshake(port, psk, tls.certPem);
    for (let i = 0; i < warmup; i++) await handshake();
    const before = await server.sample();
    for (let i = 0; i < count; i++) await handshake();
    return between(before, await server.sample());
  } finally {
    await server.stop();
  }
}

async function pskHandshake(port: number, psk: Buffer, ca: string): Promise<void> {
  const socket = connect({
    host: '127.0.0.1',
    port,
    servername: 'localhost',
    ca,
    ciphers: PSK_CIPHER,
    maxVersion: 'TLSv1.2',
    pskCallback: () => ({ identity: IDENTITY, psk }),
  });
  await once(socket, 'secureConnect');
  if (socket.getCipher().name !== PSK_CIPHER) throw new Error('not an RSA-PSK handshake');
  socket.end();
  await once(socket, 'close');
}
