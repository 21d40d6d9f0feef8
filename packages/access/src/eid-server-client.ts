import { Agent, fetch } from 'undici';
import { z } from 'zod';
import { CodedError } from '@sidbox/runtime';

export type EidServerErrorCode = 'eid-server-unreachable' | 'eid-server-answer';

export class EidServerClientError extends CodedError<EidServerErrorCode> {}

const StartedSession = z.object({ sessionId: z.string(), tcTokenURL: z.url() });
export type StartedSession = z.infer<typeof StartedSession>;

/** What GET …/result says; only the pseudonym is read from a success. */
const SessionResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    restrictedId: z
      .string()
      .regex(/^[0-9a-f]+$/)
      .optional(),
  }),
  z.object({ status: z.literal('pending') }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('failed'), reason: z.string() }),
]);
export type SessionResult = z.infer<typeof SessionResult>;

export interface EidServerClientOptions {
  origin: string;
  apiKey: string;
  /** PEM certificate(s) trusted for this server only, e.g. its self-signed test certificate. */
  ca?: string;
  timeoutMs?: number;
}

/**
 * The eID-Server's JSON eService API for the member's service: a session asking for the
 * pseudonym only, and its result once. The configured CA is trusted for this connection alone
 * (an undici Agent of its own); the process's TLS verification stays as it is.
 */
export class EidServerClient {
  readonly #dispatcher: Agent;

  constructor(private readonly options: EidServerClientOptions) {
    this.#dispatcher = new Agent(options.ca === undefined ? {} : { connect: { ca: options.ca } });
  }

  async startSession(refreshAddress: string): Promise<StartedSession> {
    const json = await this.#call('POST', '/api/v1/sessions', {
      operations: { restrictedId: 'REQUIRED' },
      refreshAddress,
    });
    return parse(StartedSession, json);
  }

  async result(sessionId: string): Promise<SessionResult> {
    const path = `/api/v1/sessions/${encodeURIComponent(sessionId)}/result`;
    return parse(SessionResult, await this.#call('GET', path));
  }

  close(): Promise<void> {
    return this.#dispatcher.close();
  }

  async #call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let response;
    try {
      response = await fetch(new URL(path, this.options.origin), {
        method,
        dispatcher: this.#dispatcher,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new EidServerClientError(
        'eid-server-unreachable',
        `eID-Server not reachable: ${cause ?? (error as Error).message}`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new EidServerClientError(
        'eid-server-answer',
        `eID-Server answered HTTP ${response.status}`,
      );
    }
    return response.json();
  }
}

function parse<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new EidServerClientError(
      'eid-server-answer',
      'eID-Server answer not in the expected shape',
    );
  return parsed.data;
}
