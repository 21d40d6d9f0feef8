import type { AdminActor } from '../../auth/actor.js';
import type { HubDb } from '../../db/connect.js';
import type { OrganisationRow } from '../../db/schema.js';
import { HubError, notFound } from '../../errors.js';
import { canRead, isAssociationAdmin, requireManage } from '../../policies.js';
import type { EidServerLink } from '../http.js';
import { findOrganisation } from './organisations/commands.js';

/** A member's record the actor may see (archived too); another member's does not exist for them (404). */
export function readableRecord<Row extends { organisation_id: string }>(
  row: Row | undefined,
  actor: AdminActor,
  what: string,
): Row {
  if (!row || !canRead(actor, row.organisation_id)) throw notFound(what);
  return row;
}

/** A member's record the actor may change; see readableRecord. */
export function managedRecord<Row extends { organisation_id: string }>(
  row: Row | undefined,
  actor: AdminActor,
  what: string,
): Row {
  const found = readableRecord(row, actor, what);
  requireManage(actor, found.organisation_id);
  return found;
}

/**
 * The member a new record goes to: the one the association admin names, or the actor's own.
 * `what` names the record in the error when the association admin names none.
 */
export async function managedMember(
  db: HubDb,
  actor: AdminActor,
  named: string | undefined,
  what: string,
): Promise<OrganisationRow> {
  const organisationId = named ?? (isAssociationAdmin(actor) ? undefined : actor.organisationId);
  if (!organisationId)
    throw new HubError('invalid-request', `organisationId: name the member the ${what} belongs to`);
  const member = await findOrganisation(db, organisationId);
  if (!member || member.kind !== 'member' || !canRead(actor, member.id)) throw notFound('member');
  requireManage(actor, member.id);
  return member;
}

/** Refuses what only works with an eID-Server when the hub has none; `without` says what fails. */
export function requireEidServer(
  eidServer: EidServerLink | undefined,
  without: string,
): asserts eidServer is EidServerLink {
  if (!eidServer)
    throw new HubError(
      'eid-server-not-configured',
      `the hub has no eID-Server configured (eidServer option), so ${without}`,
    );
}
