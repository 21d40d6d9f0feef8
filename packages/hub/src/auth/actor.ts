import type { Role } from '@sidbox/protocol';

/** A signed-in admin user, as every admin handler sees it. */
export interface AdminActor {
  userId: string;
  organisationId: string;
  role: Role;
  email: string;
  csrfToken: string;
}

/** An enrolled, unrevoked terminal whose request token verified. */
export interface TerminalActor {
  terminalId: string;
  organisationId: string;
}

/** An unrevoked access point whose bearer token matched, with its app. */
export interface AccessPointActor {
  pointId: string;
  appId: string;
  appArchived: boolean;
  lastSeenAt: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminActor;
    terminal?: TerminalActor;
    accessPoint?: AccessPointActor;
  }
}
