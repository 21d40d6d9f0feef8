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

declare module 'fastify' {
  interface FastifyRequest {
    admin?: AdminActor;
    terminal?: TerminalActor;
  }
}
