import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addUser, startHub, type HubOptions } from '@sidbox/hub';
import type { EnrolledTerminalResponse, OrganisationResponse } from '@sidbox/protocol';
import {
  adminClient as signIn,
  backends,
  type Backend,
  type Method,
} from '../../../hub/test/helpers/hub.js';

export { backends, type Backend };

const admin = { email: 'admin@hub-sync.test', password: 'hub-sync-test-password' };

/**
 * A real hub on a real port that can be stopped and started again on the same port and data;
 * `options` adds to the hub's (the members' apps need its eID-Server).
 */
export async function restartableHub(backend: Backend, options: Partial<HubOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidbox-hub-sync-'));
  const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const storage =
    backend === 'postgres'
      ? { databaseUrl: process.env['SIDBOX_TEST_DATABASE_URL'] as string, databaseSchema: schema }
      : { dataDir };
  let hub: Awaited<ReturnType<typeof startHub>> | undefined;
  let port = 0;
  const start = async () => {
    hub = await startHub({
      port,
      logger: false,
      loginAttemptsPerMinute: 10_000,
      ...options,
      ...storage,
    });
    port = Number(new URL(hub.url).port);
    return hub.url;
  };
  const url = await start();
  await addUser({ ...storage, org: 'association', role: 'association-admin', ...admin });
  const client = await adminClient(url);
  return {
    url,
    /** The SQLite hub's files. */
    dataDir,
    admin: client,
    start,
    async stop() {
      await hub?.close();
      hub = undefined;
    },
    async dispose() {
      const running = hub ?? (await start(), hub);
      if (backend === 'postgres') await running?.db.schema.dropSchema(schema).cascade().execute();
      await running?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signed in as the association admin: a request that throws unless it succeeded. */
async function adminClient(baseUrl: string) {
  const client = await signIn(baseUrl, admin.email, admin.password);
  return async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
    const response = await client.request(method, path, body);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json as T;
  };
}
export type AdminRequest = Awaited<ReturnType<typeof adminClient>>;

/** A member with one enrolled terminal; returns the one-time credential file's content. */
export async function enrollTerminal(admin: AdminRequest) {
  const { organisation } = await admin<OrganisationResponse>('POST', '/api/admin/organisations', {
    slug: `member-${randomUUID().slice(0, 8)}`,
    name: 'Stadt Testhausen',
  });
  const { terminal, credential } = await admin<EnrolledTerminalResponse>(
    'POST',
    '/api/admin/terminals',
    { organisationId: organisation.id, name: 'Bürgeramt' },
  );
  return { organisationId: organisation.id, terminalId: terminal.id, credential };
}

export const heartbeatFacts = () => ({
  softwareVersion: '0.1.0',
  ausweisAppVersion: '2.4.0',
  readerAttached: true,
  blockedNavigations: 0,
  device: { kind: 'basic' as const, printer: false, scanner: false, uptimeSeconds: 60 },
});

export const silentLogger = { warn: () => undefined };
