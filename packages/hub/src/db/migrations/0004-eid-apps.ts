import type { Kysely } from 'kysely';

/**
 * Members' eID apps (forms, door access, age checks) and, for door access, one-time
 * registration codes, registered persons (a pseudonym hash and the admin's label), access
 * points and their decision log. Nothing here names a citizen.
 */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('eid_apps')
    .addColumn('id', 'varchar(63)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('eid_apps_by_organisation')
    .on('eid_apps')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('access_registrations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('app_id', 'varchar(63)', (c) =>
      c.notNull().references('eid_apps.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('label', 'varchar(80)', (c) => c.notNull())
    .addColumn('windows', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('access_registrations_by_app')
    .on('access_registrations')
    .column('app_id')
    .execute();

  await db.schema
    .createTable('access_persons')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('app_id', 'varchar(63)', (c) =>
      c.notNull().references('eid_apps.id').onDelete('cascade'),
    )
    .addColumn('pseudonym_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('label', 'varchar(80)', (c) => c.notNull())
    .addColumn('windows', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('access_persons_by_pseudonym', ['app_id', 'pseudonym_hash'])
    .execute();

  await db.schema
    .createTable('access_points')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('app_id', 'varchar(63)', (c) =>
      c.notNull().references('eid_apps.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('last_seen_at', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('access_points_by_app')
    .on('access_points')
    .column('app_id')
    .execute();

  await db.schema
    .createTable('access_decisions')
    .addColumn('decision_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('app_id', 'varchar(63)', (c) =>
      c.notNull().references('eid_apps.id').onDelete('cascade'),
    )
    .addColumn('point_id', 'varchar(36)', (c) =>
      c.notNull().references('access_points.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'varchar(36)', (c) =>
      c.references('access_persons.id').onDelete('set null'),
    )
    .addColumn('granted', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(20)', (c) => c.notNull())
    .addColumn('decided_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('point_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('offline', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_decisions_by_app_time')
    .on('access_decisions')
    .columns(['app_id', 'decided_at'])
    .execute();
}
