import { Agent, request } from 'node:https';
import type { TestEidServer } from './eid-server.js';
import { readResponse } from './https-client.js';

export interface FuzzAnswer {
  /** The HTTP status, or the network error's code. */
  status: number | string;
  body: string;
}

export interface FuzzSend {
  method: string;
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

/**
 * Fuzzed requests at the eID-Server's real HTTPS port over kept-alive connections, as many at
 * a time as `concurrency`; a network error is an answer too.
 */
export class FuzzClient {
  readonly #agent: Agent;
  readonly #origin: URL;

  constructor(server: TestEidServer, concurrency: number) {
    this.#agent = new Agent({ keepAlive: true, maxSockets: concurrency, ca: server.ca });
    this.#origin = new URL(server.setup.publicOrigin);
  }

  send(fuzz: FuzzSend): Promise<FuzzAnswer> {
    return new Promise((resolve) => {
      const req = request(
        {
          host: this.#origin.hostname,
          port: this.#origin.port,
          servername: 'localhost',
          agent: this.#agent,
          method: fuzz.method,
          path: fuzz.path,
          headers: fuzz.headers,
        },
        (response) =>
          void readResponse(response).then(
            ({ status, body }) => resolve({ status, body }),
            (error: NodeJS.ErrnoException) =>
              resolve({ status: error.code ?? error.message, body: '' }),
          ),
      );
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed meanwhile: Node's documented case for a retry.
        if (req.reusedSocket && error.code === 'ECONNRESET') resolve(this.send(fuzz));
        else resolve({ status: error.code ?? error.message, body: '' });
      });
      req.end(fuzz.body);
    });
  }

  /** Sends every request, `concurrency` at a time; resolves with the seconds it took. */
  async sendAll<R extends FuzzSend>(
    requests: readonly R[],
    concurrency: number,
    each: (fuzz: R, answer: FuzzAnswer) => void,
  ): Promise<string> {
    let next = 0;
    const worker = async () => {
      for (let fuzz = requests[next++]; fuzz !== undefined; fuzz = requests[next++])
        each(fuzz, await this.send(fuzz));
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return ((performance.now() - started) / 1000).toFixed(1);
  }

  close(): void {
    this.#agent.destroy();
  }
}
