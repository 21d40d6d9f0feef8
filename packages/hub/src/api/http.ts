import { timingSafeEqual } from 'node:crypto';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AdminActor, TerminalActor } from '../auth/actor.js';
import { csrfHeaderName, findAdminSession, sessionCookieName } from '../auth/admin-session.js';
import { claimTerminalToken, verifyTerminalToken } from '../auth/terminal-token.js';
import type { HubDb } from '../db/connect.js';
import { HubError } from '../errors.js';
import type { HubMetrics } from './system/metrics.js';

/** The Fastify instance every resource registers its routes on (zod schemas, typed). */
export type HubApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route handlers need from the outside world. */
export interface HubDeps {
  db: HubDb;
  metrics: HubMetrics;
  /** Base URL terminals use to reach the hub; goes into enrollment credentials. */
  publicUrl: () => string;
  /** The association's eID-Server, which runs members' apps; none: no apps. */
  eidServer: EidServerLink | undefined;
  /** IANA time zone of access windows. */
  timeZone: string;
  /** Days raw telemetry is kept before it is folded into daily aggregates; default 90. */
  telemetryRetentionDays?: number;
}

export interface EidServerLink {
  origin: string;
  apiKey: string;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** onRequest hook of the admin scope: session cookie, then CSRF token for changes. */
export function adminAuthHook(db: HubDb) {
  return async (request: FastifyRequest) => {
    const token = request.cookies[sessionCookieName];
    const actor = token ? await findAdminSession(db, token) : undefined;
    if (!actor)
      throw new HubError('not-authenticated', 'sign in first (session cookie missing or expired)');
    if (!safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeaderName];
      if (typeof sent !== 'string' || !sameToken(sent, actor.csrfToken)) {
        throw new HubError('csrf-token-missing', `missing or wrong ${csrfHeaderName} header`);
      }
    }
    request.admin = actor;
  };
}

/**
 * onRequest hook of the terminal scope: a fresh token signed by the terminal's key, recorded as
 * used here, or by the route itself when it says `config: { claimsTerminalToken: true }`.
 */
export function terminalAuthHook(db: HubDb) {
  return async (request: FastifyRequest) => {
    const token = await verifyTerminalToken(db, request.headers.authorization);
    if (request.routeOptions.config.claimsTerminalToken) request.terminalToken = token;
    else await claimTerminalToken(db, token);
    request.terminal = token.actor;
  };
}

export function adminOf(request: FastifyRequest): AdminActor {
  if (!request.admin) throw new HubError('not-authenticated', 'sign in first');
  return request.admin;
}

export function terminalOf(request: FastifyRequest): TerminalActor {
  if (!request.terminal) throw new HubError('not-authenticated', 'terminal token required');
  return request.terminal;
}

export function sendError(reply: FastifyReply, error: HubError) {
  return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
}
