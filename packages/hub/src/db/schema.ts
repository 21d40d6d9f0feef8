import type { Insertable, Selectable } from 'kysely';
import type {
  AccessReason,
  EidAppKind,
  MembershipStatus,
  OrganisationKind,
  Role,
  TargetGroupPreset,
  TerminalKind,
} from '@sidbox/protocol';

/**
 * The hub's tables. Portable across SQLite and PostgreSQL: timestamps are ISO-8601 UTC text,
 * days are `YYYY-MM-DD` text, flags are integers 0/1, lists and texts per language are JSON text.
 * Nothing here identifies a citizen, and no IP address is stored.
 */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  admin_sessions: AdminSessionTable;
  terminals: TerminalTable;
  terminal_token_uses: TerminalTokenUseTable;
  services: ServiceTable;
  terminal_services: TerminalServiceTable;
  config_versions: ConfigVersionTable;
  signing_keys: SigningKeyTable;
  telemetry_events: TelemetryEventTable;
  telemetry_daily: TelemetryDailyTable;
  survey_responses: SurveyResponseTable;
  audit_log: AuditLogTable;
  counter_cases: CounterCaseTable;
  eid_apps: EidAppTable;
  access_registrations: AccessRegistrationTable;
  access_persons: AccessPersonTable;
  access_points: AccessPointTable;
  access_decisions: AccessDecisionTable;
  oidc_clients: OidcClientTable;
  rate_limits: RateLimitTable;
}

export interface OrganisationTable {
  id: string;
  slug: string;
  name: string;
  kind: OrganisationKind;
  membership_status: MembershipStatus;
  yearly_fee_cents: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  role: Role;
  password_hash: string;
  created_at: string;
}

export interface AdminSessionTable {
  /** SHA-256 of the session token; the token itself lives only in the cookie. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface TerminalTable {
  id: string;
  organisation_id: string;
  name: string;
  location: string;
  kind: TerminalKind;
  preset: TargetGroupPreset;
  training: number;
  /** JSON array of language tags. */
  languages: string;
  /** `x` of the terminal's Ed25519 public key (JWK); the private key never reaches the hub. */
  public_key_x: string;
  revoked_at: string | null;
  created_at: string;
  last_seen_at: string | null;
  /** Last heartbeat as JSON (versions, reader, device summary); null before the first. */
  last_heartbeat: string | null;
}

export interface TerminalTokenUseTable {
  terminal_id: string;
  jti: string;
  expires_at: string;
}

export interface ServiceTable {
  id: string;
  /** Null for national entries curated by the association. */
  organisation_id: string | null;
  title: string;
  description: string;
  category: string;
  start_url: string;
  allowed_origins: string;
  redirect_origins: string;
  eid: number;
  allow_downloads: number;
  allow_print: number;
  allow_upload: number;
  self_check: number;
  archived: number;
  updated_at: string;
}

export interface TerminalServiceTable {
  terminal_id: string;
  service_id: string;
  position: number;
}

export interface ConfigVersionTable {
  terminal_id: string;
  version: number;
  /** SHA-256 of the rendered content (without version and issuedAt) plus the signing key id. */
  content_hash: string;
  jws: string;
  issued_at: string;
}

export interface SigningKeyTable {
  kid: string;
  public_jwk: string;
  /** Sealed with the key-encryption key (signing/envelope.ts); plaintext JWK only without one. */
  private_jwk: string;
  /** JWS by the previous key introducing this one; null for the first key. */
  introduction: string | null;
  created_at: string;
  retired_at: string | null;
}

export interface TelemetryEventTable {
  terminal_id: string;
  id: string;
  organisation_id: string;
  type: string;
  training: number;
  terminal_time: string;
  day: string;
  received_at: string;
  reason: string | null;
  duration_seconds: number | null;
  service_id: string | null;
  workflow: string | null;
  outcome_code: string | null;
}

/** Telemetry folded per day after the retention period; '' where an event has no such field. */
export interface TelemetryDailyTable {
  day: string;
  terminal_id: string;
  organisation_id: string;
  training: number;
  type: string;
  service_id: string;
  workflow: string;
  outcome_code: string;
  events: number;
  duration_sum: number | string;
  duration_count: number;
}

export interface SurveyResponseTable {
  terminal_id: string;
  id: string;
  organisation_id: string;
  training: number;
  day: string;
  received_at: string;
  informative: string;
  shows_uses: string;
  faster: string;
  permanent_terminal: string;
  frees_staff: string;
  security_concerns: string;
  comment: string | null;
}

/** PIN activations / resets a member handled at the counter in a month (`YYYY-MM`): a count only. */
export interface CounterCaseTable {
  organisation_id: string;
  month: string;
  cases: number;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  organisation_id: string | null;
  action: string;
  target_id: string | null;
  details: string;
}

/** A member's eID app; title, purpose (per language) and settings are JSON. */
export interface EidAppTable {
  id: string;
  organisation_id: string;
  kind: EidAppKind;
  title: string;
  purpose: string;
  settings: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

/** A one-time code for a person to register at a terminal; only its SHA-256 is kept. */
export interface AccessRegistrationTable {
  id: string;
  app_id: string;
  code_hash: string;
  label: string;
  /** JSON array of access windows. */
  windows: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A registered person: SHA-256 of the sector pseudonym, and what the admin typed. */
export interface AccessPersonTable {
  id: string;
  app_id: string;
  pseudonym_hash: string;
  label: string;
  windows: string;
  revoked_at: string | null;
  created_at: string;
}

/** A door's reader; SHA-256 of its bearer token. */
export interface AccessPointTable {
  id: string;
  app_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
}

/**
 * The door's audit log, keyed by the access point's decision id (recorded once). `decided_at` is
 * the clock that decided (the hub's online, the point's offline), `point_at` the point's.
 */
export interface AccessDecisionTable {
  decision_id: string;
  app_id: string;
  point_id: string;
  person_id: string | null;
  granted: number;
  reason: AccessReason;
  decided_at: string;
  point_at: string;
  recorded_at: string;
  offline: number;
}

/**
 * A member's online platform, an OpenID Connect client of the eID-Server. Redirect URIs and
 * claims are JSON arrays; the secret is sealed with the key-encryption key (the eID-Server pulls
 * it, so it is not hashed; plaintext without a KEK).
 */
export interface OidcClientTable {
  client_id: string;
  organisation_id: string;
  name: string;
  redirect_uris: string;
  claims: string;
  minimum_age: number | null;
  client_secret: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type UserRow = Selectable<UserTable>;
export type TerminalRow = Selectable<TerminalTable>;
export type ServiceRow = Selectable<ServiceTable>;
export type CounterCaseRow = Selectable<CounterCaseTable>;
export type EidAppRow = Selectable<EidAppTable>;
export type AccessRegistrationRow = Selectable<AccessRegistrationTable>;
export type AccessPersonRow = Selectable<AccessPersonTable>;
export type AccessPointRow = Selectable<AccessPointTable>;
export type AccessDecisionRow = Selectable<AccessDecisionTable>;
export type OidcClientRow = Selectable<OidcClientTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

/** One rate-limited key (scope, route, client): hits since its window started. */
export interface RateLimitTable {
  key: string;
  window_started_at: string;
  hits: number;
}
