import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { TerminalCredential } from '@sidbox/protocol';
import { generateEd25519Jwk } from '@sidbox/signing';
import type { AdminActor } from '../../../auth/actor.js';
import { audit } from '../../../audit.js';
import { presets } from '../../../config/presets.js';
import type { HubDb } from '../../../db/connect.js';
import type { TerminalRow } from '../../../db/schema.js';
import { HubError, notFound } from '../../../errors.js';
import { currentPublicKey } from '../../../signing/keys.js';
import { findOrganisation } from '../organisations/commands.js';
import type { CreateTerminalBody, ServiceSelectionBody, UpdateTerminalBody } from './schema.js';

export async function findTerminal(db: HubDb, id: string): Promise<TerminalRow | undefined> {
  return db.selectFrom('terminals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A new key pair for the terminal; only the public half is kept, the credential holds the rest. */
async function newCredential(db: HubDb, terminalId: string, hubUrl: string) {
  const terminalKey = await generateEd25519Jwk();
  const hubKey = await currentPublicKey(db);
  const credential: TerminalCredential = {
    terminalId,
    hubUrl,
    terminalKey: { kty: 'OKP', crv: 'Ed25519', x: terminalKey.x, d: terminalKey.d },
    configSigningKey: hubKey,
  };
  return { credential, publicKeyX: terminalKey.x };
}

/** Creates a terminal with the preset's national services selected, and its credential. */
export async function enrollTerminal(
  db: HubDb,
  actor: AdminActor | undefined,
  input: z.output<typeof CreateTerminalBody>,
  hubUrl: string,
) {
  const org = await findOrganisation(db, input.organisationId);
  if (!org) throw notFound('organisation');
  if (org.kind !== 'member') throw new HubError('invalid-request', 'terminals belong to members');
  const id = randomUUID();
  const { credential, publicKeyX } = await newCredential(db, id, hubUrl);
  const row: TerminalRow = {
    id,
    organisation_id: org.id,
    name: input.name,
    location: input.location,
    kind: input.kind,
    preset: input.preset,
    training: input.training ? 1 : 0,
    languages: JSON.stringify(input.languages),
    public_key_x: publicKeyX,
    revoked_at: null,
    created_at: new Date().toISOString(),
    last_seen_at: null,
    last_heartbeat: null,
  };
  const preselected = await db
    .selectFrom('services')
    .select('id')
    .where('organisation_id', 'is', null)
    .where('archived', '=', 0)
    .where('category', 'in', presets[input.preset].categories)
    .orderBy('id')
    .execute();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('terminals').values(row).execute();
    if (preselected.length > 0) {
      await trx
        .insertInto('terminal_services')
        .values(preselected.map((s, position) => ({ terminal_id: id, service_id: s.id, position })))
        .execute();
    }
    await audit(trx, actor, {
      action: 'terminal.enroll',
      organisationId: org.id,
      targetId: id,
      details: { name: row.name, preset: row.preset },
    });
  });
  return { terminal: row, credential };
}

/** Issues a fresh credential; the terminal's previous key stops working at once. */
export async function reissueCredential(
  db: HubDb,
  actor: AdminActor,
  terminal: TerminalRow,
  hubUrl: string,
) {
  if (terminal.revoked_at) throw new HubError('conflict', 'the terminal is revoked');
  const { credential, publicKeyX } = await newCredential(db, terminal.id, hubUrl);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('terminals')
      .set({ public_key_x: publicKeyX })
      .where('id', '=', terminal.id)
      .execute();
    await audit(trx, actor, {
      action: 'terminal.credential',
      organisationId: terminal.organisation_id,
      targetId: terminal.id,
    });
  });
  return credential;
}

export async function revokeTerminal(db: HubDb, actor: AdminActor, terminal: TerminalRow) {
  if (terminal.revoked_at) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('terminals')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', terminal.id)
      .execute();
    await audit(trx, actor, {
      action: 'terminal.revoke',
      organisationId: terminal.organisation_id,
      targetId: terminal.id,
    });
  });
}

export async function updateTerminal(
  db: HubDb,
  actor: AdminActor,
  terminal: TerminalRow,
  input: z.output<typeof UpdateTerminalBody>,
) {
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.location !== undefined && { location: input.location }),
    ...(input.kind !== undefined && { kind: input.kind }),
    ...(input.training !== undefined && { training: input.training ? 1 : 0 }),
    ...(input.languages !== undefined && { languages: JSON.stringify(input.languages) }),
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('terminals').set(changes).where('id', '=', terminal.id).execute();
    await audit(trx, actor, {
      action: 'terminal.update',
      organisationId: terminal.organisation_id,
      targetId: terminal.id,
      details: input,
    });
  });
}

export async function serviceSelection(db: HubDb, terminalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('terminal_services')
    .select('service_id')
    .where('terminal_id', '=', terminalId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.service_id);
}

/** Sets which services a terminal offers, in order: national ones and its own member's. */
export async function selectServices(
  db: HubDb,
  actor: AdminActor,
  terminal: TerminalRow,
  input: z.output<typeof ServiceSelectionBody>,
) {
  const ids = input.serviceIds;
  const usable =
    ids.length === 0
      ? []
      : await db
          .selectFrom('services')
          .select('id')
          .where('id', 'in', ids)
          .where('archived', '=', 0)
          .where((eb) =>
            eb.or([
              eb('organisation_id', 'is', null),
              eb('organisation_id', '=', terminal.organisation_id),
            ]),
          )
          .execute();
  const found = new Set(usable.map((s) => s.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0)
    throw new HubError('invalid-request', `unknown services: ${unknown.join(', ')}`);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('terminal_services').where('terminal_id', '=', terminal.id).execute();
    if (ids.length > 0) {
      await trx
        .insertInto('terminal_services')
        .values(
          ids.map((serviceId, position) => ({
            terminal_id: terminal.id,
            service_id: serviceId,
            position,
          })),
        )
        .execute();
    }
    await audit(trx, actor, {
      action: 'terminal.services',
      organisationId: terminal.organisation_id,
      targetId: terminal.id,
      details: { serviceIds: ids },
    });
  });
}
