import type { Kysely } from 'kysely';

/** The first schema: organisations, users, terminals, catalogue, configs, telemetry, surveys, audit. */
// Migrations receive an untyped database: they must not depend on today's table types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(63)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('membership_status', 'varchar(20)', (c) => c.notNull())
    .addColumn('yearly_fee_cents', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('role', 'varchar(30)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('admin_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) =>
      c.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('terminals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('location', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('preset', 'varchar(40)', (c) => c.notNull())
    .addColumn('training', 'integer', (c) => c.notNull())
    .addColumn('languages', 'varchar(200)', (c) => c.notNull())
    .addColumn('public_key_x', 'varchar(100)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(30)')
    .addColumn('last_heartbeat', 'text')
    .execute();
  await db.schema
    .createIndex('terminals_by_organisation')
    .on('terminals')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('terminal_token_uses')
    .addColumn('terminal_id', 'varchar(36)', (c) =>
      c.notNull().references('terminals.id').onDelete('cascade'),
    )
    .addColumn('jti', 'varchar(100)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('terminal_token_uses_pk', ['terminal_id', 'jti'])
    .execute();
  await db.schema
    .createIndex('terminal_token_uses_by_expiry')
    .on('terminal_token_uses')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('services')
    .addColumn('id', 'varchar(63)', (c) => c.primaryKey())
    .addColumn('organisation_id', 'varchar(36)', (c) =>
      c.references('organisations.id').onDelete('cascade'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'varchar(30)', (c) => c.notNull())
    .addColumn('start_url', 'text', (c) => c.notNull())
    .addColumn('allowed_origins', 'text', (c) => c.notNull())
    .addColumn('redirect_origins', 'text', (c) => c.notNull())
    .addColumn('eid', 'integer', (c) => c.notNull())
    .addColumn('allow_downloads', 'integer', (c) => c.notNull())
    .addColumn('allow_print', 'integer', (c) => c.notNull())
    .addColumn('allow_upload', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('terminal_services')
    .addColumn('terminal_id', 'varchar(36)', (c) =>
      c.notNull().references('terminals.id').onDelete('cascade'),
    )
    .addColumn('service_id', 'varchar(63)', (c) =>
      c.notNull().references('services.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('terminal_services_pk', ['terminal_id', 'service_id'])
    .execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('public_jwk', 'text', (c) => c.notNull())
    .addColumn('private_jwk', 'text', (c) => c.notNull())
    .addColumn('introduction', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('retired_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('config_versions')
    .addColumn('terminal_id', 'varchar(36)', (c) =>
      c.notNull().references('terminals.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('jws', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('config_versions_pk', ['terminal_id', 'version'])
    .execute();

  await db.schema
    .createTable('telemetry_events')
    .addColumn('terminal_id', 'varchar(36)', (c) =>
      c.notNull().references('terminals.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(36)', (c) => c.notNull())
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('training', 'integer', (c) => c.notNull())
    .addColumn('terminal_time', 'varchar(40)', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('reason', 'varchar(30)')
    .addColumn('duration_seconds', 'integer')
    .addColumn('service_id', 'varchar(63)')
    .addColumn('workflow', 'varchar(20)')
    .addColumn('outcome_code', 'varchar(40)')
    .addPrimaryKeyConstraint('telemetry_events_pk', ['terminal_id', 'id'])
    .execute();
  await db.schema
    .createIndex('telemetry_events_by_organisation_day')
    .on('telemetry_events')
    .columns(['organisation_id', 'day'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('terminal_id', 'varchar(36)', (c) =>
      c.notNull().references('terminals.id').onDelete('cascade'),
    )
    .addColumn('id', 'varchar(36)', (c) => c.notNull())
    .addColumn('organisation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('training', 'integer', (c) => c.notNull())
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('received_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('informative', 'varchar(20)', (c) => c.notNull())
    .addColumn('shows_uses', 'varchar(20)', (c) => c.notNull())
    .addColumn('faster', 'varchar(20)', (c) => c.notNull())
    .addColumn('permanent_terminal', 'varchar(20)', (c) => c.notNull())
    .addColumn('frees_staff', 'varchar(20)', (c) => c.notNull())
    .addColumn('security_concerns', 'varchar(20)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('survey_responses_pk', ['terminal_id', 'id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(36)')
    .addColumn('organisation_id', 'varchar(36)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('target_id', 'varchar(100)')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_by_at').on('audit_log').column('at').execute();
}
