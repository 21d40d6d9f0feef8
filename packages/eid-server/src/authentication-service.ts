import type { Logger } from 'pino';
import type { LoadedConfig, LoadedService } from './config/load.js';
import { EidServerError } from './errors.js';
import type { RequestedOperations } from './operations.js';
import { parseClientMessage } from './paos/parse-client-message.js';
import { planRequest, type RequestPlan } from './request/plan.js';
import { EacExchange } from './session/eac-exchange.js';
import {
  SessionIdTakenError,
  SessionLimitError,
  SessionStore,
  type ResultLookup,
  type StoredSession,
} from './session/session-store.js';
import { tcTokenXml } from './tc-token.js';

/** What an eService asks for when it starts an authentication. */
export interface AuthenticationRequest {
  operations: RequestedOperations;
  /** "Older than N years", asked of the card without reading the date of birth. */
  ageVerification?: { age: number };
  /** "Lives in this municipality", by its id (hex digits, a prefix of the card's). */
  placeVerification?: { communityId: string };
  transactionInfo?: string;
  /** The eService's own PSK (TR-03130 useID); otherwise the server makes one. */
  psk?: { id: string; key: Buffer };
  /** Where the browser goes when it is done; required when this server serves the TC token. */
  refreshAddress?: string;
  communicationErrorAddress?: string;
}

export interface StartedAuthentication {
  sessionId: string;
  psk: Buffer;
  /**
   * With a RefreshAddress: the TC token, for the eService to serve from its own origin
   * (AusweisApp wants it from the subjectURL's origin, TR-03124-1).
   */
  tcToken?: string;
  /** When the service's subjectURL is on this server's origin (the self-check): served here. */
  tcTokenUrl?: string;
  expiresAt: Date;
}

interface SessionDetail {
  service: LoadedService;
  request: AuthenticationRequest;
  exchange: EacExchange;
}

/**
 * The eID-Server's middle: sessions that eServices start, the TC tokens they hand out, the PAOS
 * exchanges eID-Clients run against them, and the results read once. No sockets here: the HTTP
 * layer passes requests in, with the PSK identity its TLS handshake saw.
 */
export class AuthenticationService {
  readonly #store: SessionStore<SessionDetail>;

  constructor(
    private readonly config: LoadedConfig,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    const { ttlSeconds, resultTtlSeconds, maxOpen } = config.config.sessions;
    this.#store = new SessionStore({
      ttlMs: ttlSeconds * 1000,
      resultTtlMs: resultTtlSeconds * 1000,
      maxOpen,
      now: () => this.now().getTime(),
    });
  }

  get openSessions(): number {
    return this.#store.size;
  }

  services(): Iterable<LoadedService> {
    return this.config.services.values();
  }

  start(service: LoadedService, request: AuthenticationRequest): StartedAuthentication {
    this.#checkAddresses(service, request);
    const plan = this.#plan(request);
    let session: StoredSession<SessionDetail>;
    try {
      session = this.#store.create(
        service.id,
        (sessionIdentifier) => ({
          service,
          request,
          exchange: new EacExchange({
            sessionIdentifier,
            credentials: service.credentials,
            requested: request.operations,
            plan,
            ...(request.transactionInfo !== undefined && {
              transactionInfo: request.transactionInfo,
            }),
            trust: this.config.trust,
            now: this.now,
          }),
        }),
        request.psk,
      );
    } catch (error) {
      if (error instanceof SessionLimitError) {
        throw new EidServerError('too-many-sessions', 'try again later');
      }
      if (error instanceof SessionIdTakenError) {
        throw new EidServerError('invalid-request', error.message);
      }
      throw error;
    }
    this.logger.info({ session: session.id, service: service.id }, 'session started');
    const tcToken = this.tcToken(session.id);
    const servedHere = service.subjectOrigin === new URL(this.config.config.publicOrigin).origin;
    return {
      sessionId: session.id,
      psk: session.psk,
      ...(tcToken !== undefined && { tcToken }),
      ...(tcToken !== undefined &&
        servedHere && {
          tcTokenUrl: new URL(`/tc-token/${session.id}`, this.config.config.publicOrigin).href,
        }),
      expiresAt: new Date(session.expiresAt),
    };
  }

  /** The TC token of a session this server serves it for, until its eID-Client has started. */
  tcToken(sessionId: string): string | undefined {
    const session = this.#store.get(sessionId);
    const { refreshAddress, communicationErrorAddress } = session?.detail.request ?? {};
    if (session === undefined || session.state !== 'new' || refreshAddress === undefined)
      return undefined;
    return tcTokenXml({
      serverAddress: this.paosUrl,
      sessionIdentifier: session.id,
      refreshAddress,
      ...(communicationErrorAddress !== undefined && { communicationErrorAddress }),
      psk: session.psk,
    });
  }

  get paosUrl(): string {
    return new URL('/paos', this.config.config.publicOrigin).href;
  }

  /** The PSK for a TLS handshake whose client named this identity, or undefined. */
  pskFor(identity: string): Buffer | undefined {
    const session = this.#store.get(identity);
    return session?.state === 'finished' ? undefined : session?.psk;
  }

  /**
   * One PAOS message from the eID-Client that completed a TLS-PSK handshake as `identity`; the
   * answer is the next PAOS message. Throws EidServerError for an unknown session or bad XML.
   */
  paos(identity: string, body: string): string {
    const session = this.#store.get(identity);
    if (session === undefined || session.state === 'finished') {
      throw new EidServerError('not-found', 'no such session, or it has ended');
    }
    let message;
    try {
      message = parseClientMessage(body);
    } catch {
      this.logger.warn({ session: session.id }, 'malformed PAOS message');
      throw new EidServerError('invalid-request', 'the PAOS message is malformed');
    }
    session.state = 'running';
    const { exchange } = session.detail;
    const phase = exchange.phase;
    const step = exchange.receive(message);
    if (step.outcome !== undefined) {
      this.#store.finish(session, step.outcome);
      const { kind } = step.outcome;
      const reason = step.outcome.kind === 'failed' ? step.outcome.reason : undefined;
      const clientMinor = 'result' in message ? message.result.minor : undefined;
      this.logger.info(
        {
          session: session.id,
          outcome: kind,
          phase,
          ...(reason && { reason }),
          ...(clientMinor && { clientMinor }),
          ...(step.fault && { fault: step.fault }),
        },
        'session ended',
      );
    }
    return step.reply;
  }

  /** The result of a session of this service: once, then it is gone. */
  takeResult(service: LoadedService, sessionId: string, requestCounter?: number): ResultLookup {
    const lookup = this.#store.takeResult(service.id, sessionId, requestCounter);
    if (lookup.kind === 'finished') this.logger.info({ session: sessionId }, 'result read');
    return lookup;
  }

  sweep(): void {
    this.#store.sweep();
  }

  close(): void {
    this.#store.clear();
  }

  #plan(request: AuthenticationRequest): RequestPlan {
    try {
      return planRequest(request.operations, {
        now: this.now(),
        ...(request.ageVerification && { age: request.ageVerification.age }),
        ...(request.placeVerification && { communityId: request.placeVerification.communityId }),
      });
    } catch (error) {
      throw new EidServerError(
        'invalid-request',
        error instanceof Error ? error.message : 'invalid request',
      );
    }
  }

  /** A RefreshAddress must be https on the service's own origin or one it was configured with. */
  #checkAddresses(service: LoadedService, request: AuthenticationRequest): void {
    const allowed = new Set([service.subjectOrigin, ...service.refreshAddressOrigins]);
    for (const [name, address] of [
      ['refreshAddress', request.refreshAddress],
      ['communicationErrorAddress', request.communicationErrorAddress],
    ] as const) {
      if (address === undefined) continue;
      const url = URL.canParse(address) ? new URL(address) : undefined;
      if (url?.protocol !== 'https:')
        throw new EidServerError('invalid-request', `${name} must be an https URL`);
      if (name === 'refreshAddress' && !allowed.has(url.origin)) {
        throw new EidServerError('invalid-request', `${name} is not on an origin of this service`);
      }
    }
  }
}
