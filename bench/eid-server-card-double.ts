// Authentications without AusweisApp: the eID-Server's AuthenticationService and the test card
// double with its in-process eID-Client, in this process. Isolates the protocol work (TC token
// aside, no TLS, no HTTP); the server's share is CPU time spent inside its calls, apart from the
// card double's own crypto. The source runs through tsx here, not the built dist.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { silentLogger } from '@sidbox/runtime';
import {
  AuthenticationService,
  type AuthenticationRequest,
} from '../packages/eid-server/src/authentication-service.js';
import { loadEidServerConfig } from '../packages/eid-server/src/config/load.js';
import { SIMULATOR_CVCA_NAME } from '../packages/eid-server/src/pki/test-pki.js';
import { SELF_CHECK_SERVICE, writeTestSetup } from '../packages/eid-server/src/pki/test-setup.js';
import { CardDouble } from '../packages/eid-server/test/card-double/card.js';
import {
  makeCardIdentity,
  makeDocumentPki,
} from '../packages/eid-server/test/card-double/card-identity.js';
import { EidClientDouble } from '../packages/eid-server/test/card-double/client.js';

const request: AuthenticationRequest = {
  operations: {
    givenNames: 'REQUIRED',
    familyNames: 'REQUIRED',
    placeOfResidence: 'REQUIRED',
    restrictedId: 'REQUIRED',
  },
};

/** The service with the CPU time spent inside its calls (start, every PAOS message) summed. */
class TimedService extends AuthenticationService {
  cpuMs = 0;

  timed<T>(call: () => T): T {
    const started = process.cpuUsage();
    try {
      return call();
    } finally {
      const { user, system } = process.cpuUsage(started);
      this.cpuMs += (user + system) / 1000;
    }
  }

  override paos(sessionId: string, body: string): string {
    return this.timed(() => super.paos(sessionId, body));
  }
}

export interface CardDoubleFigures {
  /** Whole authentications (server and card double) per second. */
  authsPerSecond: number;
  /** CPU time inside the server's AuthenticationService per authentication. */
  serverCpuMsPerAuth: number;
}

export async function measureCardDouble(count: number, warmup: number): Promise<CardDoubleFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'sidbox-bench-card-double-'));
  try {
    const setup = await writeTestSetup(dir, { host: 'localhost', port: 4443 });
    const loaded = await loadEidServerConfig(setup.configFile);
    const documents = makeDocumentPki('Card double');
    const identity = makeCardIdentity(documents.documentSigner);
    const service = new TimedService(
      { ...loaded, trust: { certificates: [documents.csca.der] } },
      silentLogger(),
    );
    const selfCheck = loaded.services.get(SELF_CHECK_SERVICE);
    if (selfCheck === undefined) throw new Error('the test setup has no self-check service');
    const trustAnchor = { name: SIMULATOR_CVCA_NAME, publicKey: setup.pki.cvcaPublicKey };

    const authenticate = () => {
      const card = new CardDouble({ trustAnchor, identity });
      const { sessionId } = service.timed(() => service.start(selfCheck, request));
      const { result } = new EidClientDouble(service, sessionId, card).run();
      const lookup = service.takeResult(selfCheck, sessionId);
      const succeeded = lookup.kind === 'finished' && lookup.outcome.kind === 'success';
      if (result.major !== 'ok' || !succeeded) throw new Error('card double authentication failed');
    };
    for (let i = 0; i < warmup; i++) authenticate();
    service.cpuMs = 0;
    const started = performance.now();
    for (let i = 0; i < count; i++) authenticate();
    const elapsedMs = performance.now() - started;
    return {
      authsPerSecond: (count * 1000) / elapsedMs,
      serverCpuMsPerAuth: service.cpuMs / count,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
