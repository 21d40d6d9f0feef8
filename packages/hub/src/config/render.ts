import { createHash } from 'node:crypto';
import { TerminalConfigContent } from '@sidbox/protocol';
import { signConfig, type SignedConfigBundle } from '@sidbox/signing';
import type { HubDb } from '../db/connect.js';
import { notFound } from '../errors.js';
import { activeApps } from '../eid-apps/queries.js';
import { appServiceEntry } from '../eid-apps/terminal-services.js';
import { currentSigningKey, keyChain } from '../signing/keys.js';
import { serviceEntryOf } from './catalogue.js';
import { presets } from './presets.js';

/** Where members' apps run; without it their tiles are left out. */
export type AppOrigin = { origin: string } | undefined;

/**
 * Renders what a terminal should run now, from its settings, member and service selection, then
 * its member's active eID apps, and the association's eID-Server (for the phone check).
 */
export async function renderConfig(
  db: HubDb,
  terminalId: string,
  eidServer: AppOrigin,
): Promise<TerminalConfigContent> {
  const terminal = await db
    .selectFrom('terminals')
    .innerJoin('organisations', 'organisations.id', 'terminals.organisation_id')
    .select([
      'terminals.id',
      'terminals.preset',
      'terminals.training',
      'terminals.languages',
      'terminals.organisation_id',
      'organisations.name as memberName',
    ])
    .where('terminals.id', '=', terminalId)
    .executeTakeFirst();
  if (!terminal) throw notFound('terminal');
  const services = await db
    .selectFrom('terminal_services')
    .innerJoin('services', 'services.id', 'terminal_services.service_id')
    .selectAll('services')
    .where('terminal_services.terminal_id', '=', terminalId)
    .where('services.archived', '=', 0)
    .orderBy('terminal_services.position')
    .execute();
  const appTiles = eidServer
    ? (await activeApps(db, terminal.organisation_id)).map((app) =>
        appServiceEntry(app, eidServer.origin),
      )
    : [];
  const preset = presets[terminal.preset];
  return TerminalConfigContent.parse({
    terminalId: terminal.id,
    services: [...services.map(serviceEntryOf), ...appTiles],
    session: { idleSeconds: preset?.idleSeconds },
    languages: JSON.parse(terminal.languages) as string[],
    training: terminal.training === 1,
    branding: { memberName: terminal.memberName },
    // The kiosk offers "Ihr Smartphone einrichten" with a one-time check there.
    ...(eidServer && { eidServerOrigin: eidServer.origin }),
  });
}

/**
 * The signed configuration for a terminal. A new version is issued only when the content or
 * the signing key changed; versions only ever grow. So a change to the catalogue or to a
 * member's apps reaches the terminals with their next pull.
 */
export async function issueConfig(
  db: HubDb,
  terminalId: string,
  eidServer: AppOrigin,
  now = new Date(),
): Promise<SignedConfigBundle & { version: number; etag: string }> {
  const content = await renderConfig(db, terminalId, eidServer);
  const key = await currentSigningKey(db, now);
  const contentHash = createHash('sha256')
    .update(JSON.stringify(content))
    .update(key.kid)
    .digest('hex');
  const latest = await db
    .selectFrom('config_versions')
    .select(['version', 'content_hash', 'jws'])
    .where('terminal_id', '=', terminalId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  let version = latest?.version ?? 0;
  let jws = latest?.jws ?? '';
  if (latest?.content_hash !== contentHash) {
    version += 1;
    const issuedAt = now.toISOString();
    jws = await signConfig({ ...content, version, issuedAt }, key);
    const inserted = await db
      .insertInto('config_versions')
      .values({
        terminal_id: terminalId,
        version,
        content_hash: contentHash,
        jws,
        issued_at: issuedAt,
      })
      .onConflict((oc) => oc.columns(['terminal_id', 'version']).doNothing())
      .executeTakeFirst();
    // Another instance issued this version at the same moment: serve theirs.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
      return issueConfig(db, terminalId, eidServer, now);
  }
  return { config: jws, keyChain: await keyChain(db), version, etag: `"${terminalId}.${version}"` };
}
