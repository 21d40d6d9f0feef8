import type { AdminActor } from './auth/actor.js';
import { forbidden } from './errors.js';

/**
 * Who may do what. The association admin sees and manages everything; a member admin manages
 * its own member; a member viewer only reads its own member. Nobody reaches another member.
 */
export const isAssociationAdmin = (actor: AdminActor) => actor.role === 'association-admin';

export const canRead = (actor: AdminActor, organisationId: string) =>
  isAssociationAdmin(actor) || actor.organisationId === organisationId;

export const canManage = (actor: AdminActor, organisationId: string) =>
  isAssociationAdmin(actor) ||
  (actor.role === 'member-admin' && actor.organisationId === organisationId);

export function requireAssociationAdmin(actor: AdminActor): void {
  if (!isAssociationAdmin(actor)) throw forbidden('only the association admin may do this');
}

export function requireManage(actor: AdminActor, organisationId: string): void {
  if (!canManage(actor, organisationId)) throw forbidden();
}

/**
 * The organisation a listing is limited to: any (or all) for the association admin, always the
 * actor's own for member roles; asking for another member is refused.
 */
export function readScope(actor: AdminActor, requested: string | undefined): string | undefined {
  if (isAssociationAdmin(actor)) return requested;
  if (requested !== undefined && requested !== actor.organisationId) throw forbidden();
  return actor.organisationId;
}
