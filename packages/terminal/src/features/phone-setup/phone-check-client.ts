import { createHash } from 'node:crypto';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { Agent, fetch, type buildConnector } from 'undici';
import { z } from 'zod';
import { CodedError } from '@sidbox/runtime';
import {
  PhoneCheckCreated,
  phoneCheckPaths,
  PhoneCheckStatus,
  type PhoneCheckState,
} from '@sidbox/protocol';

export type PhoneCheckClientErrorCode = 'eid-server-unreachable' | 'eid-server-answer';

/** The eID-Server did not answer, or not as the protocol says: the screen says "try again". */
export class PhoneCheckClientError extends CodedError<PhoneCheckClientErrorCode> {}

export interface PhoneCheckClientOptions {
  origin: string;
  /**
   * A test eID-Server's TLS keys (base64 SHA-256 of the SPKI), trusted for this server alone, as
   * the kiosk browser trusts them; otherwise the system's CAs decide.
   */
  pinnedSpki?: readonly string[];
  timeoutMs?: number;
}

/** The two calls the phone check needs: a new check, and its state. */
export class PhoneCheckClient {
  readonly #dispatcher: Agent;

  constructor(private readonly options: PhoneCheckClientOptions) {
    this.#dispatcher = new Agent(
      options.pinnedSpki ? { connect: pinnedConnector(options.pinnedSpki) } : {},
    );
  }

  async create(signal: AbortSignal): Promise<PhoneCheckCreated> {
    const answer = await this.#call('POST', phoneCheckPaths.create, signal);
    if (answer.status !== 201) throw answerError(answer.status);
    return parse(PhoneCheckCreated, answer.json);
  }

  /** The check's state; `gone` when the server no longer knows it. */
  async state(statusToken: string, signal: AbortSignal): Promise<PhoneCheckState | 'gone'> {
    const answer = await this.#call(
      'GET',
      `${phoneCheckPaths.status}/${encodeURIComponent(statusToken)}`,
      signal,
    );
    if (answer.status === 404) return 'gone';
    if (answer.status !== 200) throw answerError(answer.status);
    return parse(PhoneCheckStatus, answer.json).state;
  }

  close(): Promise<void> {
    return this.#dispatcher.close();
  }

  async #call(method: 'GET' | 'POST', path: string, signal: AbortSignal) {
    try {
      const response = await fetch(new URL(path, this.options.origin), {
        method,
        dispatcher: this.#dispatcher,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs ?? 5_000)]),
      });
      const json: unknown = await response.json().catch(() => undefined);
      return { status: response.status, json };
    } catch (error) {
      if (signal.aborted) throw error;
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new PhoneCheckClientError(
        'eid-server-unreachable',
        `the eID-Server did not answer${cause ? ` (${cause})` : ''}`,
      );
    }
  }
}

function answerError(status: number): PhoneCheckClientError {
  return new PhoneCheckClientError('eid-server-answer', `the eID-Server answered ${status}`);
}

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new PhoneCheckClientError('eid-server-answer', 'the eID-Server answered unexpectedly');
  return parsed.data;
}

/**
 * TLS to a server whose self-signed certificate is accepted only if its public key is one of
 * `pins`; undici sends nothing before this callback has said yes.
 */
function pinnedConnector(pins: readonly string[]): buildConnector.connector {
  return (options, callback) => {
    const socket: TLSSocket = tlsConnect({
      host: options.hostname,
      port: Number(options.port) || 443,
      servername: options.servername ?? undefined,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    let answered = false;
    const answer = (error: Error | null): void => {
      if (answered) return;
      answered = true;
      if (error) callback(error, null);
      else callback(null, socket);
    };
    socket.once('secureConnect', () => {
      const spki = socket
        .getPeerX509Certificate()
        ?.publicKey.export({ type: 'spki', format: 'der' });
      const pin = spki && createHash('sha256').update(spki).digest('base64');
      if (pin !== undefined && pins.includes(pin)) return answer(null);
      socket.destroy();
      answer(new Error('the eID-Server presented an unexpected TLS key'));
    });
    socket.once('error', answer);
    return socket;
  };
}
