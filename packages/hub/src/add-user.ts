import type { Role } from '@sidbox/protocol';
import { findOrganisationRef, openHubDatabase } from './hub-database.js';
import { createUser } from './api/admin/users/commands.js';
import { CreateUserBody } from './api/admin/users/schema.js';
import { storageTarget } from './start-hub.js';

export interface AddUserInput {
  dataDir?: string;
  databaseUrl?: string;
  /** PostgreSQL schema (tests use one each). */
  databaseSchema?: string;
  /** Organisation id or slug (the association's slug is "association"). */
  org: string;
  role: Role;
  email: string;
  password: string;
}

/** Adds an admin user from the command line (bootstrapping the first association admin). */
export async function addUser(input: AddUserInput) {
  const db = await openHubDatabase(storageTarget(input));
  try {
    const org = await findOrganisationRef(db, input.org);
    if (!org) throw new Error(`hub: no organisation "${input.org}"`);
    const parsed = CreateUserBody.safeParse({
      organisationId: org.id,
      email: input.email,
      role: input.role,
      password: input.password,
    });
    if (!parsed.success) {
      throw new Error(
        `hub: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    const user = await createUser(db, undefined, parsed.data);
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      organisationId: user.organisation_id,
    };
  } finally {
    await db.destroy();
  }
}
