import { decideAccess, type AccessAllowlist, type AccessReason } from '@sidbox/protocol';

export type OfflineDecision =
  | { usable: true; granted: boolean; reason: AccessReason }
  | { usable: false; why: 'no-allowlist' | 'allowlist-expired' };

/**
 * The cached allowlist's decision, by the same rule the hub applies. A list the hub signed more
 * than `maxAgeMs` ago decides nothing: its age is the hub's `issuedAt`, so cutting the hub off
 * cannot stretch a revoked person's access beyond it. An entry on the list is not revoked
 * (the hub leaves revoked persons off).
 */
export function decideOffline(
  allowlist: AccessAllowlist | undefined,
  hash: string,
  at: Date,
  maxAgeMs: number,
): OfflineDecision {
  if (allowlist === undefined) return { usable: false, why: 'no-allowlist' };
  if (at.getTime() - Date.parse(allowlist.issuedAt) > maxAgeMs)
    return { usable: false, why: 'allowlist-expired' };
  const entry = allowlist.entries.find((candidate) => candidate.pseudonymHash === hash);
  const person = entry === undefined ? undefined : { windows: entry.windows, revoked: false };
  return { usable: true, ...decideAccess(person, at, allowlist.timeZone) };
}
