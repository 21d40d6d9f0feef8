import type {
  AccessAllowlist,
  AccessDecision,
  AccessDecisionRequest,
  OfflineDecisionsRequest,
  OfflineDecisionsResponse,
} from '@sidbox/protocol';

/** What the card gave: the member's sector pseudonym, or why there is none. */
export type Identification = { ok: true; restrictedIdHex: string } | { ok: false; reason: string };

export interface Identifier {
  /** One eID authentication for the pseudonym; never rejects, every failure is a reason. */
  identify(): Promise<Identification>;
}

/**
 * The hub's answer. `unreachable`: no answer in time, or one that says nothing (5xx, not our
 * schema); the point may decide offline. `refused`: the hub answered that this point may not ask
 * (401/403/404/4xx); deciding offline then would overrule it.
 */
export type HubAnswer<T> =
  | { kind: 'answer'; value: T }
  | { kind: 'unreachable'; cause: string }
  | { kind: 'refused'; status: number };

export interface HubLink {
  decide(request: AccessDecisionRequest): Promise<HubAnswer<AccessDecision>>;
  /** The signed allowlist, as the response body's text (cached exactly as received). */
  allowlist(): Promise<HubAnswer<string>>;
  sendOffline(request: OfflineDecisionsRequest): Promise<HubAnswer<OfflineDecisionsResponse>>;
}

export interface AllowlistSource {
  /** The last verified allowlist, if any. */
  current(): AccessAllowlist | undefined;
}

export type JournalEntry = OfflineDecisionsRequest['decisions'][number];

export interface Journal {
  /** Durable (fsync'd) when it resolves. */
  append(entry: JournalEntry): Promise<void>;
}

export interface Actuator {
  /** Opens the door (or whatever the member wired); rejects when it could not. */
  open(decisionId: string): Promise<void>;
  close(): Promise<void>;
}
