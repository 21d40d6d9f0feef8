import type { Kysely } from 'kysely';

/**
 * Members' online platforms signing citizens in with the ID card: OpenID Connect clients of the
 * association's eID-Server. Nothing here names a citizen.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_clients')
    .addColumn('client_id', 'varchar(63)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('redirect_uris', 'text', (c) => c.notNull())
    .addColumn('claims', 'text', (c) => c.notNull())
    .addColumn('minimum_age', 'integer')
    // Not hashed: the eID-Server must check the platform's secret, so the hub hands it over.
    // Sealed with the key-encryption key since issue 14 (widened by 0009-sealed-client-secrets).
    .addColumn('client_secret', 'varchar(100)', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('oidc_clients_by_organisation')
    .on('oidc_clients')
    .column('organisation_id')
    .execute();
}
