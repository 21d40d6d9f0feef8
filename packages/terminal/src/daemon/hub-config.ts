import type { LocalTerminalConfig, TerminalConfig } from '@sidbox/protocol';
import type { SessionTimings } from '../session/machine.js';

/**
 * The local configuration with what the hub decides replaced: services, timeouts, languages,
 * branding, the eID-Server, and the hub's identity of the configuration. Training mode stays as the terminal
 * was started (its eID source cannot change while it runs).
 */
export function withHubConfig(
  local: LocalTerminalConfig,
  hub: TerminalConfig,
): LocalTerminalConfig {
  return {
    ...local,
    terminalId: hub.terminalId,
    version: hub.version,
    issuedAt: hub.issuedAt,
    services: hub.services,
    session: hub.session,
    languages: hub.languages,
    branding: hub.branding,
    // The hub's word on the eID-Server: absent there, absent here.
    eidServerOrigin: hub.eidServerOrigin,
  };
}

export function sessionTimings(session: LocalTerminalConfig['session']): SessionTimings {
  return {
    idleMs: session.idleSeconds * 1000,
    warningMs: session.warningSeconds * 1000,
    matGraceMs: session.matGraceSeconds * 1000,
  };
}
