import type { AccessReason } from '@sidbox/protocol';
import { decideOffline } from './offline-decision.js';
import type { AllowlistSource, HubLink, Identifier, Journal, Actuator } from './ports.js';
import { pseudonymHash } from './pseudonym.js';

export interface AttemptPorts {
  identifier: Identifier;
  hub: Pick<HubLink, 'decide'>;
  allowlist: AllowlistSource;
  journal: Journal;
  actuator: Pick<Actuator, 'open'>;
  allowlistMaxAgeMs: number;
  now: () => Date;
  newId: () => string;
  /** Monotonic milliseconds, for durations. */
  clock: () => number;
}

export interface Durations {
  identifyMs: number;
  decideMs: number;
  actuateMs: number;
  totalMs: number;
}

/** Why the door stays shut although nobody decided against the person. */
export type Undecided =
  | 'no-identity'
  | 'hub-refused-point'
  | 'hub-unreachable-no-allowlist'
  | 'hub-unreachable-allowlist-expired';

/** What one card on the reader came to; it never carries the pseudonym or its hash. */
export type AttemptReport =
  | {
      decided: true;
      decisionId: string;
      granted: boolean;
      reason: AccessReason;
      source: 'online' | 'offline';
      /** Only for a grant: whether the actuator said it opened, and if not, why. */
      opened?: boolean;
      openError?: string;
      durations: Durations;
    }
  | { decided: false; why: Undecided; detail: string; durations: Durations };

/**
 * One attempt, in order: the eID authentication gives the pseudonym; its hash goes to the hub
 * for a decision; when the hub does not answer in time, the cached signed allowlist decides and
 * that decision is journaled for the hub (before the door opens: an opening must never miss
 * the audit, an audit entry of a door that then failed to open is the lesser harm); a grant
 * opens the actuator.
 */
export async function runAttempt(ports: AttemptPorts): Promise<AttemptReport> {
  const started = ports.clock();
  const durations: Durations = { identifyMs: 0, decideMs: 0, actuateMs: 0, totalMs: 0 };
  const lap = (since: number) => ports.clock() - since;
  const finish = <R extends AttemptReport>(report: R): R => {
    report.durations.totalMs = lap(started);
    return report;
  };

  const identification = await ports.identifier.identify();
  durations.identifyMs = lap(started);
  if (!identification.ok)
    return finish({
      decided: false,
      why: 'no-identity',
      detail: identification.reason,
      durations,
    });

  const decideStart = ports.clock();
  const hash = pseudonymHash(identification.restrictedIdHex);
  const at = ports.now();
  const decisionId = ports.newId();
  const answer = await ports.hub.decide({ decisionId, pseudonymHash: hash, at: at.toISOString() });
  let verdict: { granted: boolean; reason: AccessReason; source: 'online' | 'offline' };
  if (answer.kind === 'answer') {
    verdict = { granted: answer.value.granted, reason: answer.value.reason, source: 'online' };
  } else if (answer.kind === 'refused') {
    durations.decideMs = lap(decideStart);
    return finish({
      decided: false,
      why: 'hub-refused-point',
      detail: `HTTP ${answer.status}`,
      durations,
    });
  } else {
    const offline = decideOffline(ports.allowlist.current(), hash, at, ports.allowlistMaxAgeMs);
    if (!offline.usable) {
      durations.decideMs = lap(decideStart);
      return finish({
        decided: false,
        why:
          offline.why === 'no-allowlist'
            ? 'hub-unreachable-no-allowlist'
            : 'hub-unreachable-allowlist-expired',
        detail: answer.cause,
        durations,
      });
    }
    verdict = { granted: offline.granted, reason: offline.reason, source: 'offline' };
    await ports.journal.append({
      decisionId,
      granted: offline.granted,
      reason: offline.reason,
      pseudonymHash: hash,
      at: at.toISOString(),
    });
  }
  durations.decideMs = lap(decideStart);

  if (!verdict.granted) return finish({ decided: true, decisionId, ...verdict, durations });
  const actuateStart = ports.clock();
  const openError = await ports.actuator.open(decisionId).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  durations.actuateMs = lap(actuateStart);
  return finish({
    decided: true,
    decisionId,
    ...verdict,
    opened: openError === undefined,
    ...(openError !== undefined && { openError }),
    durations,
  });
}
